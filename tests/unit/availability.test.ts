import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { formatLocalTime, parseLocalDate, parseLocalTime } from "@/lib/time/dates";
import { availabilitySchema, dateOverrideSchema, dateOverridesSchema, mergeMinuteIntervals, timeOffSchema, weeklyHoursSchema } from "@/lib/scheduling/availability";

/** "path: message" for each issue, so tests read like what a form shows. */
function issues(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("local time and date helpers", () => {
  it("parses HH:mm and 24:00, refuses the rest", () => {
    expect(parseLocalTime("00:00")).toBe(0);
    expect(parseLocalTime("09:30")).toBe(570);
    expect(parseLocalTime("23:59")).toBe(1439);
    expect(parseLocalTime("24:00")).toBe(1440);
    for (const bad of ["9:30", "24:30", "12:60", "0930", "", "12:00:00", " 09:00"]) expect(parseLocalTime(bad)).toBeNull();
    expect(formatLocalTime(570)).toBe("09:30");
    expect(formatLocalTime(1440)).toBe("24:00");
  });

  it("parses real calendar dates only", () => {
    expect(parseLocalDate("2026-03-08")).toBe(Date.UTC(2026, 2, 8));
    expect(parseLocalDate("2028-02-29")).not.toBeNull();
    for (const bad of ["2026-02-29", "2026-13-01", "2026-3-8", "08/03/2026", ""]) expect(parseLocalDate(bad)).toBeNull();
  });

  it("merges overlapping and touching minute intervals", () => {
    expect(
      mergeMinuteIntervals([
        [600, 720],
        [540, 600],
        [780, 840],
        [800, 900],
        [1000, 1000],
      ]),
    ).toEqual([
      [540, 720],
      [780, 900],
    ]);
  });
});

describe("weeklyHoursSchema", () => {
  it("accepts several intervals per weekday, a 24:00 end, and sorts them", () => {
    const parsed = weeklyHoursSchema.parse([
      { weekday: 3, start: "13:00", end: "17:00" },
      { weekday: 1, start: "20:00", end: "24:00" },
      { weekday: 3, start: "09:00", end: "12:00" },
      { weekday: "1", start: "09:00", end: "12:00" },
      { weekday: 3, start: "12:00", end: "13:00" },
    ]);
    expect(parsed).toEqual([
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 1, start: "20:00", end: "24:00" },
      { weekday: 3, start: "09:00", end: "12:00" },
      { weekday: 3, start: "12:00", end: "13:00" },
      { weekday: 3, start: "13:00", end: "17:00" },
    ]);
  });

  it("explains a malformed time", () => {
    expect(issues(weeklyHoursSchema, [{ weekday: 1, start: "9am", end: "17:00" }])).toEqual([
      "0.start: Enter the start time as HH:mm in 24-hour time, like 09:00.",
    ]);
    expect(issues(weeklyHoursSchema, [{ weekday: 1, start: "09:00", end: "25:00" }])).toEqual([
      "0.end: Enter the end time as HH:mm in 24-hour time, like 17:00 (24:00 for midnight).",
    ]);
    expect(issues(weeklyHoursSchema, [{ weekday: 1, start: "24:00", end: "24:00" }])[0]).toMatch(/^0\.start: /);
  });

  it("wants the end after the start", () => {
    expect(issues(weeklyHoursSchema, [{ weekday: 2, start: "17:00", end: "09:00" }])).toEqual(["0.end: The end time must be after the start time."]);
    expect(issues(weeklyHoursSchema, [{ weekday: 2, start: "09:00", end: "09:00" }])).toEqual(["0.end: The end time must be after the start time."]);
  });

  it("refuses overlapping intervals on the same weekday, naming the day", () => {
    expect(
      issues(weeklyHoursSchema, [
        { weekday: 2, start: "09:00", end: "12:00" },
        { weekday: 3, start: "10:00", end: "11:00" },
        { weekday: 2, start: "11:30", end: "14:00" },
      ]),
    ).toEqual(["2.start: These hours overlap 09:00–12:00 on Tuesday. Adjust or remove one of them."]);
  });

  it("a malformed interval gets one message, not a made-up overlap", () => {
    expect(
      issues(weeklyHoursSchema, [
        { weekday: 2, start: "09:00", end: "12:00" },
        { weekday: 2, start: "x", end: "11:00" },
      ]),
    ).toEqual(["1.start: Enter the start time as HH:mm in 24-hour time, like 09:00."]);
  });

  it("refuses a weekday outside 1–7", () => {
    expect(issues(weeklyHoursSchema, [{ weekday: 0, start: "09:00", end: "12:00" }])).toEqual(["0.weekday: Choose a day of the week."]);
    expect(issues(weeklyHoursSchema, [{ weekday: 8, start: "09:00", end: "12:00" }])).toEqual(["0.weekday: Choose a day of the week."]);
  });
});

describe("date overrides", () => {
  it("an override with no intervals is the day off", () => {
    expect(dateOverrideSchema.parse({ date: "2026-12-24" })).toEqual({ date: "2026-12-24", intervals: [] });
  });

  it("explains bad dates, bad intervals and overlaps", () => {
    expect(issues(dateOverrideSchema, { date: "2026-02-30", intervals: [] })).toEqual(["date: That date doesn't exist on the calendar."]);
    expect(issues(dateOverrideSchema, { date: "30/01/2026", intervals: [] })).toEqual(["date: Enter the date as YYYY-MM-DD, like 2026-03-09."]);
    expect(issues(dateOverrideSchema, { date: "2026-01-30", intervals: [{ start: "15:00", end: "14:00" }] })).toEqual([
      "intervals.0.end: The end time must be after the start time.",
    ]);
    expect(
      issues(dateOverrideSchema, {
        date: "2026-01-30",
        intervals: [
          { start: "09:00", end: "12:00" },
          { start: "08:00", end: "09:30" },
        ],
      }),
    ).toEqual(["intervals.1.start: These hours overlap 09:00–12:00 on 2026-01-30. Adjust or remove one of them."]);
  });

  it("one override per date", () => {
    expect(
      issues(dateOverridesSchema, [
        { date: "2026-01-30", intervals: [] },
        { date: "2026-01-30", intervals: [{ start: "09:00", end: "10:00" }] },
      ]),
    ).toEqual(["1.date: There are already other hours for 2026-01-30. Edit that entry instead."]);
  });
});

describe("time off", () => {
  it("a single day and a range are fine; a reversed range is not", () => {
    expect(timeOffSchema.parse({ startDate: "2026-08-01", endDate: "2026-08-01" })).toEqual({ startDate: "2026-08-01", endDate: "2026-08-01" });
    expect(issues(timeOffSchema, { startDate: "2026-08-10", endDate: "2026-08-01" })).toEqual(["endDate: The last day off can't be before the first."]);
    expect(issues(timeOffSchema, { startDate: "2026-08-10" })[0]).toBe("endDate: Enter a date as YYYY-MM-DD.");
  });
});

describe("availabilitySchema", () => {
  it("fills empty lists and parses a full setup", () => {
    expect(availabilitySchema.parse({})).toEqual({ weeklyHours: [], overrides: [], timeOff: [] });
    const full = availabilitySchema.parse({
      weeklyHours: [{ weekday: 5, start: "09:00", end: "17:00" }],
      overrides: [{ date: "2026-07-03", intervals: [] }],
      timeOff: [{ startDate: "2026-08-01", endDate: "2026-08-14" }],
    });
    expect(full.overrides).toHaveLength(1);
    expect(full.timeOff[0]!.endDate).toBe("2026-08-14");
  });
});
