import { IANAZone } from "luxon";
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
import { localDateOf, localMinutesOf, localToInstant, offsetMs, startOfLocalDate, zoneOf } from "@/lib/time/zones";

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

describe("zone offsets", () => {
  // luxon is the independent oracle: the app's zone maths uses Intl directly.
  const zones = [
    "UTC",
    "America/Los_Angeles",
    "America/New_York",
    "America/Santiago",
    "America/Havana",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Apia",
  ];

  it("agree with luxon's over two years, to the second around every DST change", { timeout: 60_000 }, () => {
    const from = Date.parse("2026-01-01T00:00:00Z");
    const to = Date.parse("2028-01-01T00:00:00Z");
    const step = 7 * 3_600_000 + 13 * 60_000 + 17_000; // odd, so samples fall at every hour and minute over time
    const disagreements: string[] = [];
    let changes = 0;
    const check = (name: string, zone: ReturnType<typeof zoneOf>, oracle: IANAZone, t: number) => {
      if (offsetMs(zone, t) !== oracle.offset(t) * 60_000) disagreements.push(`${name} at ${new Date(t).toISOString()}`);
    };
    for (const name of zones) {
      const zone = zoneOf(name);
      const oracle = IANAZone.create(name);
      for (let t = from; t < to; t += step) {
        check(name, zone, oracle, t);
        if (oracle.offset(t) === oracle.offset(t + step)) continue;
        // An offset change between two samples: find its second with the oracle, and compare on both sides of it.
        let lo = t;
        let hi = t + step;
        while (hi - lo > 1_000) {
          const mid = lo + Math.floor((hi - lo) / 2_000) * 1_000;
          if (oracle.offset(mid) === oracle.offset(lo)) lo = mid;
          else hi = mid;
        }
        changes++;
        for (const at of [lo - 60_000, lo, hi, hi + 60_000]) check(name, zone, oracle, at);
      }
    }
    expect(changes).toBeGreaterThan(30);
    expect(disagreements).toEqual([]);
  });

  it("read the right local date and minutes around midnight and DST", () => {
    const LA = "America/Los_Angeles";
    expect(localDateOf(new Date("2026-03-09T06:59:00Z"), LA)).toBe("2026-03-08");
    expect(localDateOf(new Date("2026-03-09T07:00:00Z"), LA)).toBe("2026-03-09");
    expect(localDateOf(new Date("2026-03-09T18:29:00Z"), "Asia/Kolkata")).toBe("2026-03-09");
    expect(localDateOf(new Date("2026-03-09T18:30:00Z"), "Asia/Kolkata")).toBe("2026-03-10");
    expect(localMinutesOf(new Date("2026-03-08T10:00:00Z"), LA)).toBe(3 * 60); // just after the spring-forward gap
    expect(localMinutesOf(new Date("2026-11-01T09:30:00Z"), LA)).toBe(60 + 30); // the second 01:30
    expect(startOfLocalDate("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z"); // midnight skipped: 01:00
  });

  it("refuse a zone the time zone database doesn't know", () => {
    expect(() => zoneOf("Mars/Olympus_Mons")).toThrow(RangeError);
    expect(localToInstant("2026-03-09", "09:00", "Mars/Olympus_Mons")).toEqual({ ok: false, reason: "invalid" });
  });
});
