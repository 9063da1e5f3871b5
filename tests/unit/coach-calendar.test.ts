import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { blockFormSchema, blockFormToInstants as toInstants } from "@/app/coach/calendar/block-form";
import { localToInstant, localDateOf } from "@/lib/time/zones";
import { addDays, mondayOf } from "@/lib/time/dates";
import { daysFrom, placeOnDay, visibleHours } from "@/app/coach/calendar/week";
import { AppError, fromZod } from "@/server/errors";
import { type Availability, dayOffReason, workingMinutesOn } from "@/lib/scheduling/availability";

// Every expectation names its zone: the suite runs under TZ=UTC, America/Los_Angeles and Asia/Kolkata.
const LA = "America/Los_Angeles";
const KOLKATA = "Asia/Kolkata";

const at = (iso: string) => new Date(iso);
const instant = (date: string, time: string, zone: string, pick?: "earliest" | "latest") => {
  const r = localToInstant(date, time, zone, pick);
  if (!r.ok) throw new Error(`expected ${date} ${time} to exist in ${zone}, got ${r.reason}`);
  return r.instant.toISOString();
};

describe("localToInstant", () => {
  test("reads the date and time in the given zone, not the machine's", () => {
    expect(instant("2026-01-15", "09:00", LA)).toBe("2026-01-15T17:00:00.000Z");
    expect(instant("2026-07-15", "09:00", LA)).toBe("2026-07-15T16:00:00.000Z");
    expect(instant("2026-07-15", "09:00", KOLKATA)).toBe("2026-07-15T03:30:00.000Z");
    expect(instant("2026-07-15", "09:00", "Asia/Kathmandu")).toBe("2026-07-15T03:15:00.000Z");
  });

  test("09:00 stays 09:00 local on both sides of a DST change", () => {
    // Spring forward in Los Angeles: 2026-03-08.
    expect(instant("2026-03-07", "09:00", LA)).toBe("2026-03-07T17:00:00.000Z");
    expect(instant("2026-03-08", "09:00", LA)).toBe("2026-03-08T16:00:00.000Z");
    // Fall back: 2026-11-01.
    expect(instant("2026-10-31", "09:00", LA)).toBe("2026-10-31T16:00:00.000Z");
    expect(instant("2026-11-01", "09:00", LA)).toBe("2026-11-01T17:00:00.000Z");
  });

  test("a time the clock skips doesn't exist", () => {
    expect(localToInstant("2026-03-08", "02:30", LA)).toEqual({ ok: false, reason: "skipped" });
    expect(instant("2026-03-08", "03:00", LA)).toBe("2026-03-08T10:00:00.000Z");
  });

  test("a time that happens twice resolves to the first or the second occurrence", () => {
    expect(instant("2026-11-01", "01:30", LA, "earliest")).toBe("2026-11-01T08:30:00.000Z");
    expect(instant("2026-11-01", "01:30", LA, "latest")).toBe("2026-11-01T09:30:00.000Z");
    expect(instant("2026-11-01", "01:30", KOLKATA, "latest")).toBe("2026-10-31T20:00:00.000Z");
  });

  test("24:00 is midnight at the end of the date", () => {
    expect(instant("2026-03-07", "24:00", LA)).toBe("2026-03-08T08:00:00.000Z");
  });

  test("malformed dates and times are refused", () => {
    expect(localToInstant("2026-02-30", "09:00", LA)).toEqual({ ok: false, reason: "invalid" });
    expect(localToInstant("2026-02-10", "9am", LA)).toEqual({ ok: false, reason: "invalid" });
    expect(localToInstant("2026-02-10", "25:00", LA)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("blockFormToInstants", () => {
  // What createBlockAction does: the wrapper parses the form (a zod failure becomes fromZod's field errors), then the zone applies.
  const blockFormToInstants = (input: unknown, zone: string) => {
    const parsed = blockFormSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const { label, start, end } = toInstants(parsed.data, zone);
    return { label, start: start.toISOString(), end: end.toISOString() };
  };
  const errorsOf = (input: unknown, zone = LA) => {
    try {
      blockFormToInstants(input, zone);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).fieldErrors;
    }
    throw new Error("expected the form to be refused");
  };

  test("turns the practice-local date and times into instants, label defaulting to empty", () => {
    expect(blockFormToInstants({ date: "2026-03-09", start: "12:00", end: "13:30" }, LA)).toEqual({
      label: "",
      start: "2026-03-09T19:00:00.000Z",
      end: "2026-03-09T20:30:00.000Z",
    });
    expect(blockFormToInstants({ label: " Dentist ", date: "2026-03-09", start: "12:00", end: "13:00" }, KOLKATA)).toEqual({
      label: "Dentist",
      start: "2026-03-09T06:30:00.000Z",
      end: "2026-03-09T07:30:00.000Z",
    });
  });

  test("a block across the fall-back hour covers both occurrences of it", () => {
    const { start, end } = blockFormToInstants({ date: "2026-11-01", start: "01:00", end: "02:00" }, LA);
    expect(start).toBe("2026-11-01T08:00:00.000Z");
    expect(end).toBe("2026-11-01T10:00:00.000Z");
  });

  test("names the form's own fields in its errors", () => {
    expect(errorsOf({ date: "2026-03-09", start: "13:00", end: "12:00" })).toEqual({ end: ["The end time must be after the start time."] });
    expect(Object.keys(errorsOf({ date: "", start: "", end: "" }) ?? {}).sort()).toEqual(["date", "end", "start"]);
    expect(errorsOf({ date: "2026-03-08", start: "02:15", end: "04:00" })?.start?.[0]).toMatch(/doesn't exist on 2026-03-08/);
  });
});

describe("weeks and days", () => {
  test("a week starts on Monday", () => {
    expect(mondayOf("2026-03-11")).toBe("2026-03-09");
    expect(mondayOf("2026-03-09")).toBe("2026-03-09");
    expect(mondayOf("2026-03-15")).toBe("2026-03-09");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
    expect(addDays("2026-03-09", -7)).toBe("2026-03-02");
  });

  test("today is the practice's date, not the server's", () => {
    const lateEvening = at("2026-03-10T06:30:00Z"); // 23:30 on the 9th in Los Angeles, 12:00 on the 10th in Kolkata
    expect(localDateOf(lateEvening, LA)).toBe("2026-03-09");
    expect(localDateOf(lateEvening, KOLKATA)).toBe("2026-03-10");
  });

  test("a DST day is 23 or 25 hours long", () => {
    const [sat, sun, mon] = daysFrom("2026-03-07", 3, LA);
    expect(sat!.to).toEqual(sun!.from);
    expect(sun!.to.getTime() - sun!.from.getTime()).toBe(23 * 3_600_000);
    expect(mon!.from.toISOString()).toBe("2026-03-09T07:00:00.000Z");
    const [fallBack] = daysFrom("2026-11-01", 1, LA);
    expect(fallBack!.to.getTime() - fallBack!.from.getTime()).toBe(25 * 3_600_000);
  });
});

describe("placeOnDay", () => {
  type Item = { id: string; start: Date; end: Date };
  const span = (i: Item) => i;
  const item = (id: string, date: string, from: string, to: string, zone = LA): Item => ({
    id,
    start: DateTime.fromISO(`${date}T${from}`, { zone }).toJSDate(),
    end: DateTime.fromISO(`${date}T${to}`, { zone }).toJSDate(),
  });

  test("places items by local wall time, also on a DST day", () => {
    const [day] = daysFrom("2026-03-08", 1, LA);
    const placed = placeOnDay([item("a", "2026-03-08", "09:00", "10:00")], span, day!, LA);
    expect(placed).toMatchObject([{ startMinute: 540, endMinute: 600, lane: 0, lanes: 1 }]);
  });

  test("overlapping items sit side by side; later ones reuse a free column", () => {
    const [day] = daysFrom("2026-03-09", 1, KOLKATA);
    const items = [
      item("a", "2026-03-09", "09:00", "10:00", KOLKATA),
      item("b", "2026-03-09", "09:30", "10:30", KOLKATA),
      item("c", "2026-03-09", "10:00", "11:00", KOLKATA),
      item("d", "2026-03-09", "14:00", "15:00", KOLKATA),
    ];
    const byId = Object.fromEntries(placeOnDay(items, span, day!, KOLKATA).map((p) => [p.item.id, p]));
    expect(byId.a).toMatchObject({ lane: 0, lanes: 2 });
    expect(byId.b).toMatchObject({ lane: 1, lanes: 2 });
    expect(byId.c).toMatchObject({ lane: 0, lanes: 2 });
    expect(byId.d).toMatchObject({ lane: 0, lanes: 1 });
  });

  test("an item across midnight shows on both days, clipped", () => {
    const [mon, tue, wed] = daysFrom("2026-03-09", 3, LA);
    const late: Item = {
      id: "late",
      start: DateTime.fromISO("2026-03-09T23:00", { zone: LA }).toJSDate(),
      end: DateTime.fromISO("2026-03-10T01:00", { zone: LA }).toJSDate(),
    };
    expect(placeOnDay([late], span, mon!, LA)).toMatchObject([{ startMinute: 1380, endMinute: 1440, continuesAfter: true }]);
    expect(placeOnDay([late], span, tue!, LA)).toMatchObject([{ startMinute: 0, endMinute: 60, continuesBefore: true }]);
    expect(placeOnDay([late], span, wed!, LA)).toEqual([]);
  });
});

describe("working hours on a date", () => {
  const availability: Availability = {
    weeklyHours: [
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 1, start: "12:00", end: "17:00" },
      { weekday: 2, start: "13:00", end: "18:00" },
    ],
    overrides: [
      { date: "2026-03-17", intervals: [] },
      { date: "2026-03-21", intervals: [{ start: "10:00", end: "14:00" }] },
    ],
    timeOff: [{ startDate: "2026-03-23", endDate: "2026-03-24" }],
  };

  test("time off wins over everything, then a date's own hours, then the weekly ones", () => {
    expect(workingMinutesOn("2026-03-09", availability)).toEqual([[540, 1020]]);
    expect(workingMinutesOn("2026-03-10", availability)).toEqual([[780, 1080]]);
    expect(workingMinutesOn("2026-03-17", availability)).toEqual([]);
    expect(workingMinutesOn("2026-03-21", availability)).toEqual([[600, 840]]);
    expect(workingMinutesOn("2026-03-23", availability)).toEqual([]);
    expect(dayOffReason("2026-03-23", availability)).toBe("time_off");
    expect(dayOffReason("2026-03-17", availability)).toBe("override");
    expect(dayOffReason("2026-03-11", availability)).toBe("weekly");
    expect(dayOffReason("2026-03-21", availability)).toBeNull();
  });

  test("the grid shows 8 to 6, widened to whole hours around whatever falls outside", () => {
    expect(visibleHours([])).toEqual({ firstHour: 8, lastHour: 18 });
    expect(visibleHours([[7 * 60 + 30, 9 * 60]])).toEqual({ firstHour: 7, lastHour: 18 });
    expect(visibleHours([[20 * 60, 24 * 60]])).toEqual({ firstHour: 8, lastHour: 24 });
  });
});
