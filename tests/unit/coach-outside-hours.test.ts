import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isSlotOpen, isStartFree, isWithinWorkingHours, type SlotInput } from "@/lib/scheduling/slots";

// The coach's own times (docs/scheduling.md, "The coach outside working hours"): busy time binds,
// working hours don't. Instants are built in the practice's zone, never the process's.

const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

const base: Omit<SlotInput, "range"> = {
  timeZone: ZONE,
  weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, start: "09:00", end: "17:00" })),
  durationMinutes: 60,
  bufferAfterMinutes: 15,
  busy: [{ start: at("2027-01-07T19:00"), end: at("2027-01-07T20:15") }],
  now: at("2027-01-06T08:00"),
};

describe("isStartFree", () => {
  it("accepts an evening start the slots never offer, and refuses busy time, its buffers and the past", () => {
    expect(isSlotOpen(base, at("2027-01-07T21:00"))).toBe(false);
    expect(isStartFree(base, at("2027-01-07T21:00"))).toBe(true);
    expect(isStartFree(base, at("2027-01-09T11:10"))).toBe(true); // a Saturday, off the grid
    expect(isStartFree(base, at("2027-01-07T19:30"))).toBe(false); // inside a session
    expect(isStartFree(base, at("2027-01-07T18:00"))).toBe(false); // its 15-minute buffer reaches 19:15
    expect(isStartFree(base, at("2027-01-07T17:45"))).toBe(true); // ends 18:45, buffer to 19:00: touching
    expect(isStartFree(base, at("2027-01-06T07:00"))).toBe(false); // before now
    expect(isStartFree(base, new Date(at("2027-01-07T22:00").getTime() + 1_000))).toBe(false); // not a whole minute
    expect(isStartFree(base, new Date(Number.NaN))).toBe(false);
  });

  it("keeps the notice it is given", () => {
    expect(isStartFree({ ...base, minimumNoticeMinutes: 120 }, at("2027-01-06T09:00"))).toBe(false);
    expect(isStartFree({ ...base, minimumNoticeMinutes: 120 }, at("2027-01-06T10:00"))).toBe(true);
  });
});

describe("isWithinWorkingHours", () => {
  it("is true only for a session inside one interval of its local day", () => {
    expect(isWithinWorkingHours(base, at("2027-01-07T09:00"), at("2027-01-07T10:00"))).toBe(true);
    expect(isWithinWorkingHours(base, at("2027-01-07T16:00"), at("2027-01-07T17:00"))).toBe(true);
    expect(isWithinWorkingHours(base, at("2027-01-07T16:30"), at("2027-01-07T17:30"))).toBe(false);
    expect(isWithinWorkingHours(base, at("2027-01-07T19:30"), at("2027-01-07T20:30"))).toBe(false);
    expect(isWithinWorkingHours(base, at("2027-01-09T10:00"), at("2027-01-09T11:00"))).toBe(false); // Saturday
  });

  it("reads hours as local wall time across a DST change, and honours overrides and time off", () => {
    // Monday March 15 2027, the day after the spring change: 09:00 local is 16:00 UTC.
    expect(isWithinWorkingHours(base, new Date("2027-03-15T16:00:00Z"), new Date("2027-03-15T17:00:00Z"))).toBe(true);
    expect(isWithinWorkingHours(base, new Date("2027-03-15T15:30:00Z"), new Date("2027-03-15T16:30:00Z"))).toBe(false);
    const evening = { ...base, overrides: [{ date: "2027-01-07", intervals: [{ start: "18:00", end: "22:00" }] }] };
    expect(isWithinWorkingHours(evening, at("2027-01-07T19:30"), at("2027-01-07T20:30"))).toBe(true);
    const away = { ...base, timeOff: [{ startDate: "2027-01-07", endDate: "2027-01-08" }] };
    expect(isWithinWorkingHours(away, at("2027-01-07T10:00"), at("2027-01-07T11:00"))).toBe(false);
  });
});
