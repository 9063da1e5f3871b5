import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { WeeklyHoursInterval } from "@/lib/scheduling/availability";
import { localDateOf, rangeForLocalDates, startOfLocalDate } from "@/lib/time/zones";
import { computeSlots, countPerLocalDay, defaultSlotInterval, groupSlotsByDay, isSlotOpen, type SlotInput } from "@/lib/scheduling/slots";

const LA = "America/Los_Angeles";

/** An unambiguous local wall time in `zone` as an instant (luxon is the independent oracle). */
function at(zone: string, iso: string): Date {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${iso}`);
  return dt.toJSDate();
}

function local(zone: string, d: Date, format = "yyyy-MM-dd HH:mm"): string {
  return DateTime.fromJSDate(d, { zone }).toFormat(format);
}

const weekdays9to5: WeeklyHoursInterval[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));

/** One local day of slots, as "HH:mm" in the practice zone. */
function dayTimes(input: Omit<SlotInput, "range" | "now"> & { now?: Date }, date: string): string[] {
  const range = rangeForLocalDates(date, date, input.timeZone);
  const slots = computeSlots({ now: new Date("2000-01-01T00:00:00Z"), ...input, range });
  return slots.map((s) => local(input.timeZone, s.start, "HH:mm"));
}

describe("computeSlots basics", () => {
  it("offers every hour of a 09:00–17:00 day for a 60-minute session, sorted, with ends", () => {
    const slots = computeSlots({
      timeZone: LA,
      weeklyHours: weekdays9to5,
      durationMinutes: 60,
      now: at(LA, "2026-01-01T00:00"),
      range: rangeForLocalDates("2026-01-12", "2026-01-12", LA),
    });
    expect(slots.map((s) => local(LA, s.start, "HH:mm"))).toEqual(["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]);
    for (const s of slots) expect(s.end.getTime() - s.start.getTime()).toBe(60 * 60_000);
    expect(slots[0]!.start.toISOString()).toBe("2026-01-12T17:00:00.000Z");
  });

  it("offers nothing on days without hours (the weekend)", () => {
    expect(dayTimes({ timeZone: LA, weeklyHours: weekdays9to5, durationMinutes: 60 }, "2026-01-10")).toEqual([]);
    expect(dayTimes({ timeZone: LA, weeklyHours: weekdays9to5, durationMinutes: 60 }, "2026-01-11")).toEqual([]);
  });

  it("keeps only starts inside [range.from, range.to)", () => {
    const slots = computeSlots({
      timeZone: LA,
      weeklyHours: weekdays9to5,
      durationMinutes: 60,
      now: at(LA, "2026-01-01T00:00"),
      range: { from: at(LA, "2026-01-12T10:00"), to: at(LA, "2026-01-12T13:00") },
    });
    expect(slots.map((s) => local(LA, s.start, "HH:mm"))).toEqual(["10:00", "11:00", "12:00"]);
  });

  it("rejects an unknown zone and a non-positive duration", () => {
    const base = { weeklyHours: weekdays9to5, now: new Date(), range: { from: new Date(), to: new Date(Date.now() + 86_400_000) } };
    expect(() => computeSlots({ ...base, timeZone: "Mars/Olympus", durationMinutes: 60 })).toThrow(RangeError);
    expect(() => computeSlots({ ...base, timeZone: LA, durationMinutes: 0 })).toThrow(RangeError);
  });
});

describe("interval grid", () => {
  it("counts the grid from the start of each availability interval", () => {
    const times = dayTimes(
      { timeZone: LA, weeklyHours: [{ weekday: 1, start: "09:15", end: "12:00" }], durationMinutes: 60, slotIntervalMinutes: 30 },
      "2026-01-12",
    );
    expect(times).toEqual(["09:15", "09:45", "10:15", "10:45"]);
  });

  it("restarts the grid in a second interval of the same day", () => {
    const times = dayTimes(
      {
        timeZone: LA,
        weeklyHours: [
          { weekday: 1, start: "13:30", end: "17:00" },
          { weekday: 1, start: "09:00", end: "12:00" },
        ],
        durationMinutes: 60,
      },
      "2026-01-12",
    );
    expect(times).toEqual(["09:00", "10:00", "11:00", "13:30", "14:30", "15:30"]);
  });

  it("joins touching intervals, so a session may span them", () => {
    const times = dayTimes(
      {
        timeZone: LA,
        weeklyHours: [
          { weekday: 1, start: "09:00", end: "10:30" },
          { weekday: 1, start: "10:30", end: "12:00" },
        ],
        durationMinutes: 60,
      },
      "2026-01-12",
    );
    expect(times).toEqual(["09:00", "10:00", "11:00"]);
  });

  it("defaults the interval to the duration when it sits evenly on the clock, else 30 minutes", () => {
    expect(defaultSlotInterval(60)).toBe(60);
    expect(defaultSlotInterval(90)).toBe(90);
    expect(defaultSlotInterval(20)).toBe(20);
    expect(defaultSlotInterval(45)).toBe(30);
    expect(defaultSlotInterval(50)).toBe(30);
    const times = dayTimes({ timeZone: LA, weeklyHours: [{ weekday: 1, start: "09:00", end: "11:00" }], durationMinutes: 45 }, "2026-01-12");
    expect(times).toEqual(["09:00", "09:30", "10:00"]);
  });

  it("lets an interval end at 24:00", () => {
    const times = dayTimes({ timeZone: LA, weeklyHours: [{ weekday: 1, start: "22:00", end: "24:00" }], durationMinutes: 60 }, "2026-01-12");
    expect(times).toEqual(["22:00", "23:00"]);
  });
});

describe("DST in America/Los_Angeles", () => {
  it("keeps 09:00 local on both sides of spring forward (2026-03-08)", () => {
    const slots = computeSlots({
      timeZone: LA,
      weeklyHours: [...weekdays9to5, { weekday: 7, start: "09:00", end: "10:00" }],
      durationMinutes: 60,
      now: at(LA, "2026-03-01T00:00"),
      range: rangeForLocalDates("2026-03-06", "2026-03-09", LA),
    });
    const nine = slots.filter((s) => local(LA, s.start, "HH:mm") === "09:00").map((s) => s.start.toISOString());
    expect(nine).toEqual(["2026-03-06T17:00:00.000Z", "2026-03-08T16:00:00.000Z", "2026-03-09T16:00:00.000Z"]);
  });

  it("skips local times that don't exist in the spring-forward gap", () => {
    const times = dayTimes(
      { timeZone: LA, weeklyHours: [{ weekday: 7, start: "00:00", end: "04:00" }], durationMinutes: 30, slotIntervalMinutes: 30 },
      "2026-03-08",
    );
    expect(times).toEqual(["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"]);
  });

  it("measures durations in real minutes across the gap", () => {
    const slots = computeSlots({
      timeZone: LA,
      weeklyHours: [{ weekday: 7, start: "01:00", end: "04:00" }],
      durationMinutes: 60,
      now: at(LA, "2026-03-01T00:00"),
      range: rangeForLocalDates("2026-03-08", "2026-03-08", LA),
    });
    // 01:00 PST + 60 min is 03:00 PDT, so it fits; 02:00 doesn't exist; 03:00 ends at 04:00.
    expect(slots.map((s) => `${local(LA, s.start, "HH:mm")}-${local(LA, s.end, "HH:mm")}`)).toEqual(["01:00-03:00", "03:00-04:00"]);
  });

  it("a whole-day interval on the short day has 23 hours of slots", () => {
    const times = dayTimes({ timeZone: LA, weeklyHours: [{ weekday: 7, start: "00:00", end: "24:00" }], durationMinutes: 60 }, "2026-03-08");
    expect(times).toHaveLength(23);
    expect(new Set(times).size).toBe(23);
  });

  it("keeps 09:00 local on both sides of fall back (2026-11-01)", () => {
    const slots = computeSlots({
      timeZone: LA,
      weeklyHours: [...weekdays9to5, { weekday: 7, start: "09:00", end: "10:00" }],
      durationMinutes: 60,
      now: at(LA, "2026-10-25T00:00"),
      range: rangeForLocalDates("2026-10-30", "2026-11-02", LA),
    });
    const nine = slots.filter((s) => local(LA, s.start, "HH:mm") === "09:00").map((s) => s.start.toISOString());
    expect(nine).toEqual(["2026-10-30T16:00:00.000Z", "2026-11-01T17:00:00.000Z", "2026-11-02T17:00:00.000Z"]);
  });

  it("takes the first occurrence of a repeated local time at fall back", () => {
    const slots = computeSlots({
      timeZone: LA,
      weeklyHours: [{ weekday: 7, start: "00:00", end: "03:00" }],
      durationMinutes: 30,
      now: at(LA, "2026-10-25T00:00"),
      range: rangeForLocalDates("2026-11-01", "2026-11-01", LA),
    });
    expect(slots.map((s) => local(LA, s.start, "HH:mm ZZ"))).toEqual([
      "00:00 -07:00",
      "00:30 -07:00",
      "01:00 -07:00",
      "01:30 -07:00",
      "02:00 -08:00",
      "02:30 -08:00",
    ]);
    expect(slots[2]!.start.toISOString()).toBe("2026-11-01T08:00:00.000Z");
    // The long day's last interval ends at 03:00 PST: the 02:30 session ends exactly there.
    expect(slots[5]!.end.toISOString()).toBe("2026-11-01T11:00:00.000Z");
  });

  it("a whole-day interval on the long day offers each local hour once", () => {
    const times = dayTimes({ timeZone: LA, weeklyHours: [{ weekday: 7, start: "00:00", end: "24:00" }], durationMinutes: 60 }, "2026-11-01");
    expect(times).toHaveLength(24);
    expect(new Set(times).size).toBe(24);
  });
});

describe("DST in Europe/London", () => {
  const LON = "Europe/London";
  it("keeps 09:00 local across 2026-03-29 and 2026-10-25", () => {
    const spring = computeSlots({
      timeZone: LON,
      weeklyHours: weekdays9to5,
      durationMinutes: 60,
      now: at(LON, "2026-03-01T00:00"),
      range: rangeForLocalDates("2026-03-27", "2026-03-30", LON),
    });
    expect(spring.filter((s) => local(LON, s.start, "HH:mm") === "09:00").map((s) => s.start.toISOString())).toEqual([
      "2026-03-27T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
    const autumn = computeSlots({
      timeZone: LON,
      weeklyHours: weekdays9to5,
      durationMinutes: 60,
      now: at(LON, "2026-10-01T00:00"),
      range: rangeForLocalDates("2026-10-23", "2026-10-26", LON),
    });
    expect(autumn.filter((s) => local(LON, s.start, "HH:mm") === "09:00").map((s) => s.start.toISOString())).toEqual([
      "2026-10-23T08:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
    ]);
  });

  it("skips 01:00–02:00 on the spring-forward Sunday", () => {
    const times = dayTimes({ timeZone: LON, weeklyHours: [{ weekday: 7, start: "00:00", end: "03:00" }], durationMinutes: 30 }, "2026-03-29");
    expect(times).toEqual(["00:00", "00:30", "02:00", "02:30"]);
  });
});

describe("offset zones", () => {
  it("Asia/Kolkata (+05:30): 09:00 local is 03:30 UTC", () => {
    const Z = "Asia/Kolkata";
    const slots = computeSlots({
      timeZone: Z,
      weeklyHours: weekdays9to5,
      durationMinutes: 45,
      now: at(Z, "2026-03-01T00:00"),
      range: rangeForLocalDates("2026-03-09", "2026-03-09", Z),
    });
    expect(slots[0]!.start.toISOString()).toBe("2026-03-09T03:30:00.000Z");
    expect(slots.map((s) => local(Z, s.start, "HH:mm")).at(-1)).toBe("16:00");
    expect(slots).toHaveLength(15);
  });

  it("Asia/Kathmandu (+05:45): 09:00 local is 03:15 UTC", () => {
    const Z = "Asia/Kathmandu";
    const slots = computeSlots({
      timeZone: Z,
      weeklyHours: weekdays9to5,
      durationMinutes: 60,
      now: at(Z, "2026-03-01T00:00"),
      range: rangeForLocalDates("2026-03-09", "2026-03-10", Z),
    });
    expect(slots.map((s) => s.start.toISOString()).filter((t) => t.endsWith("03:15:00.000Z"))).toEqual([
      "2026-03-09T03:15:00.000Z",
      "2026-03-10T03:15:00.000Z",
    ]);
    expect(slots).toHaveLength(16);
  });

  it("Australia/Lord_Howe: half-hour DST both ways", () => {
    const Z = "Australia/Lord_Howe";
    // 2026-10-04 02:00 (+10:30) jumps to 02:30 (+11:00): 02:00 doesn't exist.
    expect(dayTimes({ timeZone: Z, weeklyHours: [{ weekday: 7, start: "01:00", end: "04:00" }], durationMinutes: 30 }, "2026-10-04")).toEqual([
      "01:00",
      "01:30",
      "02:30",
      "03:00",
      "03:30",
    ]);
    // 2026-04-05 02:00 (+11:00) falls back to 01:30 (+10:30): 01:30 happens twice, we take the first.
    const slots = computeSlots({
      timeZone: Z,
      weeklyHours: [{ weekday: 7, start: "01:00", end: "03:00" }],
      durationMinutes: 30,
      now: at(Z, "2026-03-01T00:00"),
      range: rangeForLocalDates("2026-04-05", "2026-04-05", Z),
    });
    expect(slots.map((s) => local(Z, s.start, "HH:mm ZZ"))).toEqual(["01:00 +11:00", "01:30 +11:00", "02:00 +10:30", "02:30 +10:30"]);
  });

  it("a zone whose midnight is skipped still has its day (America/Santiago, 2026-09-06)", () => {
    const Z = "America/Santiago";
    expect(startOfLocalDate("2026-09-06", Z).toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(dayTimes({ timeZone: Z, weeklyHours: [{ weekday: 7, start: "00:00", end: "02:00" }], durationMinutes: 60 }, "2026-09-06")).toEqual([
      "01:00",
    ]);
  });
});

describe("overrides and time off", () => {
  const base = { timeZone: LA, weeklyHours: weekdays9to5, durationMinutes: 60 };

  it("an override replaces that date's weekly hours", () => {
    const overrides = [{ date: "2026-01-12", intervals: [{ start: "13:00", end: "15:00" }] }];
    expect(dayTimes({ ...base, overrides }, "2026-01-12")).toEqual(["13:00", "14:00"]);
    expect(dayTimes({ ...base, overrides }, "2026-01-13")).toHaveLength(8);
  });

  it("an override with no intervals is a day off", () => {
    expect(dayTimes({ ...base, overrides: [{ date: "2026-01-12", intervals: [] }] }, "2026-01-12")).toEqual([]);
  });

  it("an override can open a day without weekly hours", () => {
    expect(dayTimes({ ...base, overrides: [{ date: "2026-01-10", intervals: [{ start: "10:00", end: "12:00" }] }] }, "2026-01-10")).toEqual([
      "10:00",
      "11:00",
    ]);
  });

  it("time off covers both of its dates, and wins over an override", () => {
    const timeOff = [{ startDate: "2026-01-13", endDate: "2026-01-15" }];
    const overrides = [{ date: "2026-01-14", intervals: [{ start: "10:00", end: "12:00" }] }];
    const slots = computeSlots({
      ...base,
      timeOff,
      overrides,
      now: at(LA, "2026-01-01T00:00"),
      range: rangeForLocalDates("2026-01-12", "2026-01-16", LA),
    });
    expect([...new Set(slots.map((s) => local(LA, s.start, "yyyy-MM-dd")))]).toEqual(["2026-01-12", "2026-01-16"]);
  });

  it("reads override and time-off dates in the practice's zone, not UTC", () => {
    // 16:00–17:00 on 2026-01-12 in LA is 00:00–01:00 UTC on the 13th.
    const slots = computeSlots({
      ...base,
      timeOff: [{ startDate: "2026-01-13", endDate: "2026-01-13" }],
      now: at(LA, "2026-01-01T00:00"),
      range: rangeForLocalDates("2026-01-12", "2026-01-12", LA),
    });
    expect(slots.map((s) => local(LA, s.start, "HH:mm")).at(-1)).toBe("16:00");
  });
});

describe("busy time and buffers", () => {
  const day = "2026-01-12";
  const base = { timeZone: LA, weeklyHours: weekdays9to5, durationMinutes: 60 };
  const busy = [{ start: at(LA, `${day}T12:00`), end: at(LA, `${day}T13:00`) }];

  it("drops slots that overlap busy time; touching is fine", () => {
    expect(dayTimes({ ...base, busy }, day)).toEqual(["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]);
  });

  it("a buffer after the session keeps the gap before the next busy time", () => {
    expect(dayTimes({ ...base, busy, bufferAfterMinutes: 15 }, day)).toEqual(["09:00", "10:00", "13:00", "14:00", "15:00", "16:00"]);
  });

  it("a buffer before the session keeps the gap after the previous busy time", () => {
    expect(dayTimes({ ...base, busy, bufferBeforeMinutes: 15 }, day)).toEqual(["09:00", "10:00", "11:00", "14:00", "15:00", "16:00"]);
  });

  it("buffers may reach outside working hours, but not into busy time there", () => {
    expect(dayTimes({ ...base, bufferBeforeMinutes: 30, bufferAfterMinutes: 30 }, day)).toHaveLength(8);
    const early = [{ start: at(LA, `${day}T08:00`), end: at(LA, `${day}T08:45`) }];
    expect(dayTimes({ ...base, busy: early, bufferBeforeMinutes: 30 }, day)[0]).toBe("10:00");
  });

  it("busy intervals passed in any order and overlapping each other still block correctly", () => {
    const messy = [
      { start: at(LA, `${day}T15:00`), end: at(LA, `${day}T15:30`) },
      { start: at(LA, `${day}T09:30`), end: at(LA, `${day}T10:30`) },
      { start: at(LA, `${day}T10:00`), end: at(LA, `${day}T11:00`) },
      { start: at(LA, `${day}T15:10`), end: at(LA, `${day}T15:20`) },
    ];
    expect(dayTimes({ ...base, busy: messy }, day)).toEqual(["11:00", "12:00", "13:00", "14:00", "16:00"]);
  });

  it("busy time on another day doesn't matter", () => {
    const other = [{ start: at(LA, "2026-01-13T09:00"), end: at(LA, "2026-01-13T17:00") }];
    expect(dayTimes({ ...base, busy: other }, day)).toHaveLength(8);
  });
});

describe("minimum notice and horizon", () => {
  const base = { timeZone: LA, weeklyHours: weekdays9to5, durationMinutes: 60 };

  it("no slot starts sooner than now + notice; exactly at the notice is fine", () => {
    const range = rangeForLocalDates("2026-01-12", "2026-01-12", LA);
    const times = (now: string, minutes: number) =>
      computeSlots({ ...base, minimumNoticeMinutes: minutes, now: at(LA, now), range }).map((s) => local(LA, s.start, "HH:mm"));
    expect(times("2026-01-12T08:00", 120)[0]).toBe("10:00");
    expect(times("2026-01-12T08:01", 120)[0]).toBe("11:00");
    expect(times("2026-01-11T20:00", 12 * 60)[0]).toBe("09:00");
    expect(times("2026-01-11T21:30", 12 * 60)[0]).toBe("10:00");
  });

  it("the horizon runs to the end of the practice-local day now + horizonDays", () => {
    const slots = computeSlots({
      ...base,
      horizonDays: 14,
      now: at(LA, "2026-01-05T15:30"),
      range: rangeForLocalDates("2026-01-05", "2026-02-28", LA),
    });
    const days = [...new Set(slots.map((s) => local(LA, s.start, "yyyy-MM-dd")))];
    expect(days.at(-1)).toBe("2026-01-19");
    expect(slots.filter((s) => local(LA, s.start, "yyyy-MM-dd") === "2026-01-19")).toHaveLength(8);
    // Today still counts: the slots after now.
    expect(slots[0]!.start.getTime()).toBe(at(LA, "2026-01-05T16:00").getTime());
  });

  it("no horizon means no limit", () => {
    const slots = computeSlots({ ...base, now: at(LA, "2026-01-05T00:00"), range: rangeForLocalDates("2026-12-01", "2026-12-01", LA) });
    expect(slots).toHaveLength(8);
  });

  it("nothing when the range lies entirely before the notice", () => {
    const slots = computeSlots({
      ...base,
      minimumNoticeMinutes: 48 * 60,
      now: at(LA, "2026-01-12T00:00"),
      range: rangeForLocalDates("2026-01-12", "2026-01-13", LA),
    });
    expect(slots).toEqual([]);
  });
});

describe("daily cap", () => {
  const base = { timeZone: LA, weeklyHours: weekdays9to5, durationMinutes: 60, maxPerDay: 2 };

  it("a day that reached the cap offers nothing; other days are untouched", () => {
    const slots = computeSlots({
      ...base,
      bookedPerDay: { "2026-01-12": 2, "2026-01-13": 1 },
      now: at(LA, "2026-01-01T00:00"),
      range: rangeForLocalDates("2026-01-12", "2026-01-14", LA),
    });
    expect([...new Set(slots.map((s) => local(LA, s.start, "yyyy-MM-dd")))]).toEqual(["2026-01-13", "2026-01-14"]);
  });

  it("counts sessions on the practice-local day", () => {
    // 23:30 in LA on the 12th is already the 13th in UTC.
    const counts = countPerLocalDay([at(LA, "2026-01-12T23:30"), at(LA, "2026-01-12T09:00")], LA);
    expect(counts).toEqual({ "2026-01-12": 2 });
    expect(dayTimes({ ...base, bookedPerDay: counts }, "2026-01-12")).toEqual([]);
    expect(dayTimes({ ...base, maxPerDay: 3, bookedPerDay: counts }, "2026-01-12")).toHaveLength(8);
  });

  it("no cap when maxPerDay is null", () => {
    expect(dayTimes({ ...base, maxPerDay: null, bookedPerDay: { "2026-01-12": 99 } }, "2026-01-12")).toHaveLength(8);
  });
});

describe("isSlotOpen", () => {
  const input = {
    timeZone: LA,
    weeklyHours: [...weekdays9to5, { weekday: 7 as const, start: "00:00", end: "04:00" }],
    durationMinutes: 60,
    slotIntervalMinutes: 30,
    bufferAfterMinutes: 15,
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 20,
    maxPerDay: 6,
    bookedPerDay: { "2026-03-11": 6 },
    busy: [
      { start: at(LA, "2026-03-09T11:00"), end: at(LA, "2026-03-09T12:00") },
      { start: at(LA, "2026-03-10T08:00"), end: at(LA, "2026-03-10T10:00") },
    ],
    now: at(LA, "2026-03-02T10:00"),
  };

  it("agrees with computeSlots on every 5-minute instant of a week around the DST change", () => {
    const range = { from: at(LA, "2026-03-06T00:00"), to: at(LA, "2026-03-13T00:00") };
    const open = new Set(computeSlots({ ...input, range }).map((s) => s.start.getTime()));
    expect(open.size).toBeGreaterThan(40);
    let agreed = 0;
    for (let t = range.from.getTime(); t < range.to.getTime(); t += 5 * 60_000) {
      expect(isSlotOpen(input, new Date(t)), new Date(t).toISOString()).toBe(open.has(t));
      agreed++;
    }
    expect(agreed).toBe(7 * 24 * 12 - 12);
  });

  it("refuses off-grid, busy, capped and unparseable starts", () => {
    expect(isSlotOpen(input, at(LA, "2026-03-12T09:30"))).toBe(true);
    expect(isSlotOpen(input, at(LA, "2026-03-12T09:10"))).toBe(false);
    expect(isSlotOpen(input, new Date(at(LA, "2026-03-12T09:30").getTime() + 1000))).toBe(false);
    expect(isSlotOpen(input, at(LA, "2026-03-09T10:00"))).toBe(false); // its 15-min after-buffer hits 11:00
    expect(isSlotOpen(input, at(LA, "2026-03-11T10:00"))).toBe(false); // capped
    expect(isSlotOpen(input, new Date(Number.NaN))).toBe(false);
  });
});

describe("groupSlotsByDay in the booker's zone", () => {
  it("a Monday 22:00 slot in Los Angeles is on Tuesday in Kolkata", () => {
    const slots = computeSlots({
      timeZone: LA,
      weeklyHours: [
        { weekday: 1, start: "09:00", end: "10:00" },
        { weekday: 1, start: "22:00", end: "23:00" },
      ],
      durationMinutes: 60,
      now: at(LA, "2026-01-01T00:00"),
      range: rangeForLocalDates("2026-01-12", "2026-01-12", LA),
    });
    expect(groupSlotsByDay(slots, LA).map((g) => [g.date, g.slots.length])).toEqual([["2026-01-12", 2]]);
    const kolkata = groupSlotsByDay(slots, "Asia/Kolkata");
    expect(kolkata.map((g) => [g.date, g.slots.map((s) => local("Asia/Kolkata", s.start, "HH:mm"))])).toEqual([
      ["2026-01-12", ["22:30"]],
      ["2026-01-13", ["11:30"]],
    ]);
    expect(localDateOf(slots[1]!.start, "Asia/Kolkata")).toBe("2026-01-13");
  });

  it("groups a month in date order with every slot exactly once", () => {
    const slots = computeSlots({
      timeZone: LA,
      weeklyHours: weekdays9to5,
      durationMinutes: 60,
      now: at(LA, "2026-01-01T00:00"),
      range: rangeForLocalDates("2026-02-01", "2026-02-28", LA),
    });
    const groups = groupSlotsByDay(slots, "Pacific/Kiritimati");
    expect(groups.map((g) => g.date)).toEqual([...groups.map((g) => g.date)].sort());
    expect(groups.flatMap((g) => g.slots)).toEqual(slots);
  });
});

describe("zone helpers", () => {
  it("rangeForLocalDates spans whole local days", () => {
    expect(rangeForLocalDates("2026-03-09", "2026-03-10", "Asia/Kolkata")).toEqual({
      from: new Date("2026-03-08T18:30:00.000Z"),
      to: new Date("2026-03-10T18:30:00.000Z"),
    });
    const r = rangeForLocalDates("2026-03-08", "2026-03-08", LA);
    expect(r.to.getTime() - r.from.getTime()).toBe(23 * 3_600_000);
  });

  it("a day whose midnight happens twice starts at the first one (America/Havana, 2026-11-01)", () => {
    // Cuba falls back from 01:00 (−04:00) to 00:00 (−05:00).
    expect(startOfLocalDate("2026-11-01", "America/Havana").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    const r = rangeForLocalDates("2026-11-01", "2026-11-01", "America/Havana");
    expect(r.to.getTime() - r.from.getTime()).toBe(25 * 3_600_000);
  });
});
