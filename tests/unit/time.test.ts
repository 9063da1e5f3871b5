import { describe, expect, it } from "vitest";
import { addDays, addMonths, lastDayOfMonth, mondayOf, monthOf, weekdayOf } from "@/lib/time/dates";
import {
  describeZone,
  formatClock,
  formatClockRange,
  formatDateRange,
  formatDayInList,
  formatDayLong,
  formatDayParts,
  formatDayShort,
  formatDuration,
  formatHour,
  formatHours,
  formatLongDate,
  formatMonth,
  formatTime,
  formatTimeRange,
  formatWhen,
  sameClock,
  timeZoneLabel,
  zoneAbbreviation,
  zoneName,
  zoneNameWithId,
  zoneOffset,
} from "@/lib/time/format";

// Every expectation names its zone: the suite runs under TZ=UTC, America/Los_Angeles and Asia/Kolkata.

describe("calendar dates", () => {
  it("counts weekdays the ISO way, as the database stores them: Monday 1 … Sunday 7", () => {
    // 2026-03-09 is a Monday.
    expect(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15"].map(weekdayOf)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it("moves by calendar days across month, year and DST boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09"); // spring forward in the US: still one date
    expect(addDays("2026-11-01", -1)).toBe("2026-10-31");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-09", -14)).toBe("2026-02-23");
  });

  it("refuses a date that isn't on the calendar", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => weekdayOf("tomorrow")).toThrow(RangeError);
  });

  it("finds the Monday of a week, Sunday belonging to the week before", () => {
    expect(mondayOf("2026-03-09")).toBe("2026-03-09");
    expect(mondayOf("2026-03-12")).toBe("2026-03-09");
    expect(mondayOf("2026-03-15")).toBe("2026-03-09");
    expect(mondayOf("2026-03-16")).toBe("2026-03-16");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("works with months", () => {
    expect(monthOf("2026-03-09")).toBe("2026-03");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-03", 11)).toBe("2027-02");
    expect(lastDayOfMonth("2026-02")).toBe("2026-02-28");
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
  });
});

describe("formatting", () => {
  // ICU puts narrow and thin no-break spaces around AM/PM and range dashes; the words are what we check.
  const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");
  const LA = "America/Los_Angeles";
  const KOLKATA = "Asia/Kolkata";

  it("writes instants on the clock of the zone it is given, from a Date or an ISO string", () => {
    const start = new Date("2026-03-09T17:00:00Z");
    expect(plain(formatTime(start, LA))).toBe("10:00 AM");
    expect(plain(formatTime("2026-03-09T17:00:00Z", KOLKATA))).toBe("10:30 PM");
    expect(plain(formatTimeRange(start, "2026-03-09T18:00:00Z", LA))).toBe("10:00 – 11:00 AM");
    expect(plain(formatWhen(start, LA))).toBe("Monday, March 9, 2026 at 10:00 AM");
    expect(plain(formatWhen(start, "Pacific/Chatham"))).toBe("Tuesday, March 10, 2026 at 6:45 AM");
    expect(formatDayLong(start, KOLKATA)).toBe("Monday, March 9, 2026");
    expect(formatDayShort("2026-03-10T02:00:00Z", LA)).toBe("Mon, Mar 9");
    expect(formatDayInList(start, LA, "2026-01-01T12:00:00Z")).toBe("Monday, March 9");
    expect(formatDayInList(start, LA, "2025-12-31T12:00:00Z")).toBe("Monday, March 9, 2026");
  });

  it("writes wall dates as they are, whatever the process's zone", () => {
    expect(formatLongDate("2026-03-09")).toBe("Monday, March 9, 2026");
    expect(formatLongDate("2026-03-09", { year: false })).toBe("Monday, March 9");
    expect(formatMonth("2026-03")).toBe("March 2026");
    expect(formatDayParts("2026-09-01")).toEqual({ weekday: "Tue", day: "1", month: "Sep" });
    expect(formatDateRange("2026-03-09", "2026-03-15")).toBe("March 9 – 15, 2026");
    expect(formatDateRange("2026-03-30", "2026-04-05")).toBe("March 30 – April 5, 2026");
    expect(formatDateRange("2026-12-28", "2027-01-03")).toBe("Dec 28, 2026 – Jan 3, 2027");
  });

  it("writes wall-clock minutes, hours and durations", () => {
    expect(formatClock(0)).toBe("12:00 AM");
    expect(formatClock(9 * 60 + 5)).toBe("9:05 AM");
    expect(formatClock(12 * 60)).toBe("12:00 PM");
    expect(formatClock(24 * 60)).toBe("midnight");
    expect(formatClockRange(540, 1020)).toBe("9:00 AM – 5:00 PM");
    expect([0, 9, 12, 23, 24].map(formatHour)).toEqual(["12 AM", "9 AM", "12 PM", "11 PM", "12 AM"]);
    expect([45, 90, 120, 135].map(formatDuration)).toEqual(["45 min", "90 min", "2 h", "2 h 15 min"]);
    expect([1, 2, 24, 48].map((h) => formatHours(h))).toEqual(["1 hour", "2 hours", "24 hours", "48 hours"]);
    expect([1, 24, 36, 48, 72].map((h) => formatHours(h, { days: true }))).toEqual(["1 hour", "24 hours", "36 hours", "2 days", "3 days"]);
  });

  it("names zones for clients, coaches and emails", () => {
    const march = new Date("2026-03-09T17:00:00Z");
    expect(zoneName(LA, march)).toBe("Pacific Time");
    expect(zoneName("UTC", march)).toBe("Coordinated Universal Time");
    expect(zoneName("Etc/GMT+5", march)).toBe("GMT-5");
    expect(describeZone("Asia/Calcutta", march)).toBe("India Standard Time (Kolkata)");
    expect(describeZone("America/Argentina/Buenos_Aires", march)).toBe("Argentina Standard Time (Buenos Aires)");
    expect(describeZone("UTC", march)).toBe("UTC");
    expect(zoneNameWithId(LA, march)).toBe("Pacific Time (America/Los Angeles)");
    expect(zoneNameWithId("UTC", march)).toBe("UTC");
    expect(zoneNameWithId("Etc/GMT+5", march)).toBe("Etc/GMT+5");
    expect(zoneOffset(KOLKATA, march)).toBe("GMT+5:30");
    expect(zoneAbbreviation(LA, "2026-01-08T18:00:00Z")).toBe("PST");
    expect(zoneAbbreviation(LA, march)).toBe("PDT");
    expect(timeZoneLabel("America/Los_Angeles")).toBe("America/Los Angeles");
    expect(sameClock("Asia/Kolkata", "Asia/Calcutta", march)).toBe(true);
    expect(sameClock(LA, "America/Denver", march)).toBe(false);
  });
});
