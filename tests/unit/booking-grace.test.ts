import { describe, expect, it } from "vitest";
import { canClientCancel, canClientReschedule, graceEndsAt, inGracePeriod, lateBooking, lateBookingWarning, type PolicySnapshot } from "@/lib/scheduling/policy";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const bookedAt = new Date("2027-01-07T18:00:00.000Z");
const start = new Date(bookedAt.getTime() + 14 * HOUR); // booked 14 h ahead: past the 12 h notice, inside the 24 h windows
const policy: PolicySnapshot = { cancellationWindowHours: 24, rescheduleWindowHours: 24, graceMinutes: 15 };
const after = (minutes: number) => new Date(bookedAt.getTime() + minutes * MINUTE);
const booking = { start, bookedAt, status: "confirmed" as const, policy };

describe("the grace period after booking", () => {
  it("ends the practice's minutes after booking; none without a setting or a booking time", () => {
    expect(graceEndsAt(booking)).toEqual(after(15));
    expect(graceEndsAt({ policy: { ...policy, graceMinutes: 0 }, bookedAt })).toBeNull();
    expect(graceEndsAt({ policy: { cancellationWindowHours: 24, rescheduleWindowHours: 24 }, bookedAt })).toBeNull();
    expect(graceEndsAt({ policy })).toBeNull();
    expect(inGracePeriod(booking, after(14))).toBe(true);
    expect(inGracePeriod(booking, after(15))).toBe(false);
  });

  it("makes a cancel inside the late window free while it lasts, late after", () => {
    expect(canClientCancel(booking, after(5))).toEqual({ allowed: true, late: false, grace: true });
    expect(canClientCancel(booking, after(15))).toEqual({ allowed: true, late: true });
    // Booked in good time: free anyway, and not called a grace cancel.
    const early = { ...booking, start: new Date(bookedAt.getTime() + 72 * HOUR) };
    expect(canClientCancel(early, after(5))).toEqual({ allowed: true, late: false });
    // Older bookings carry no grace: late as before.
    expect(canClientCancel({ start, status: "confirmed", policy: { cancellationWindowHours: 24, rescheduleWindowHours: 24 } }, after(1))).toEqual({
      allowed: true,
      late: true,
    });
  });

  it("lets the booker move it online while it lasts, not after; the coach always", () => {
    expect(canClientReschedule(booking, after(5))).toEqual({ allowed: true });
    expect(canClientReschedule(booking, after(20))).toMatchObject({ allowed: false, code: "inside_window" });
    expect(canClientReschedule(booking, after(20), "coach")).toEqual({ allowed: true });
  });

  it("never reopens a session that has started or was canceled", () => {
    const soon = { ...booking, start: after(10) };
    expect(canClientCancel(soon, after(11))).toMatchObject({ allowed: false, code: "started" });
    expect(canClientCancel({ ...booking, status: "canceled" as const }, after(1))).toMatchObject({ allowed: false, code: "not_active" });
  });
});

describe("a time booked inside the windows", () => {
  it("names what it gives up", () => {
    expect(lateBooking(start, bookedAt, policy)).toEqual({ lateCancel: true, noOnlineReschedule: true, windowHours: 24 });
    expect(lateBooking(start, bookedAt, { ...policy, rescheduleWindowHours: 6 })).toEqual({ lateCancel: true, noOnlineReschedule: false, windowHours: 24 });
    expect(lateBooking(start, bookedAt, { ...policy, cancellationWindowHours: 6, rescheduleWindowHours: 48 })).toEqual({ lateCancel: false, noOnlineReschedule: true, windowHours: 48 });
    expect(lateBooking(new Date(bookedAt.getTime() + 24 * HOUR), bookedAt, policy)).toBeNull();
  });

  it("warns before confirming, with the undo time", () => {
    expect(lateBookingWarning(start, bookedAt, policy)).toBe(
      "This time is within 24 hours: once booked it can’t be changed online, and canceling counts as a late cancellation (your coach may keep the fee). Booked the wrong time? You can cancel it free of charge within 15 minutes of booking.",
    );
    expect(lateBookingWarning(start, bookedAt, { ...policy, graceMinutes: 0 })).toMatch(/fee\)\.$/);
    expect(lateBookingWarning(start, bookedAt, { cancellationWindowHours: 2, rescheduleWindowHours: 2 })).toBeNull();
  });
});
