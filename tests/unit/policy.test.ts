import { describe, expect, it } from "vitest";
import {
  canClientCancel,
  canClientReschedule,
  policyFor,
  schedulingDefaultsFor,
  type PolicySnapshot,
} from "@/lib/scheduling/policy";
import { canMarkOutcome, clientStatus, coachStatus, holdsTime, isCanceled, needsOutcome, type SessionStatus } from "@/lib/scheduling/status";

const HOUR = 3_600_000;
const start = new Date("2026-03-10T17:00:00.000Z");
const hoursBefore = (h: number) => new Date(start.getTime() - h * HOUR);
const standard: PolicySnapshot = { cancellationWindowHours: 24, rescheduleWindowHours: 24 };

describe("policyFor", () => {
  it("defaults to 24 h windows, 2 h for crisis", () => {
    expect(policyFor({ kind: "one_on_one" })).toEqual({ cancellationWindowHours: 24, rescheduleWindowHours: 24 });
    expect(policyFor({ kind: "relationship" })).toEqual({ cancellationWindowHours: 24, rescheduleWindowHours: 24 });
    expect(policyFor({ kind: "crisis" })).toEqual({ cancellationWindowHours: 2, rescheduleWindowHours: 2 });
  });

  it("uses the offering's own windows when set, including 0", () => {
    expect(policyFor({ kind: "one_on_one", cancellationWindowHours: 48, rescheduleWindowHours: 0 })).toEqual({
      cancellationWindowHours: 48,
      rescheduleWindowHours: 0,
    });
    expect(policyFor({ kind: "crisis", cancellationWindowHours: null, rescheduleWindowHours: 6 })).toEqual({
      cancellationWindowHours: 2,
      rescheduleWindowHours: 6,
    });
  });

  it("demo defaults per kind match the issue", () => {
    expect(schedulingDefaultsFor("one_on_one")).toMatchObject({ minimumNoticeHours: 12, horizonDays: 60, bufferAfterMinutes: 0 });
    expect(schedulingDefaultsFor("relationship")).toMatchObject({ minimumNoticeHours: 12, horizonDays: 60, bufferAfterMinutes: 15 });
    expect(schedulingDefaultsFor("crisis")).toMatchObject({ minimumNoticeHours: 2, horizonDays: 14, cancellationWindowHours: 2 });
  });

});

describe("canClientCancel", () => {
  const booking = { start, status: "confirmed" as SessionStatus, policy: standard };

  it("outside the window: allowed, not late", () => {
    expect(canClientCancel(booking, hoursBefore(48))).toEqual({ allowed: true, late: false });
  });

  it("exactly at the window edge is still on time", () => {
    expect(canClientCancel(booking, hoursBefore(24))).toEqual({ allowed: true, late: false });
  });

  it("inside the window: allowed but late", () => {
    expect(canClientCancel(booking, new Date(hoursBefore(24).getTime() + 1))).toEqual({ allowed: true, late: true });
    expect(canClientCancel(booking, hoursBefore(1))).toEqual({ allowed: true, late: true });
  });

  it("follows the booking's own snapshot (crisis: 2 h)", () => {
    const crisis = { ...booking, policy: { cancellationWindowHours: 2, rescheduleWindowHours: 2 } };
    expect(canClientCancel(crisis, hoursBefore(3))).toEqual({ allowed: true, late: false });
    expect(canClientCancel(crisis, hoursBefore(1.5))).toEqual({ allowed: true, late: true });
  });

  it("a session that has started can't be canceled by the client", () => {
    const r = canClientCancel(booking, start);
    expect(r).toMatchObject({ allowed: false, code: "started" });
  });

  it("the coach is exempt: never late, even after the start", () => {
    expect(canClientCancel(booking, hoursBefore(1), "coach")).toEqual({ allowed: true, late: false });
    expect(canClientCancel(booking, new Date(start.getTime() + HOUR), "coach")).toEqual({ allowed: true, late: false });
  });

  it("only a booking that holds time can be canceled", () => {
    for (const status of ["canceled", "late_canceled", "completed", "no_show"] as const) {
      expect(canClientCancel({ ...booking, status }, hoursBefore(48))).toMatchObject({ allowed: false, code: "not_active" });
      expect(canClientCancel({ ...booking, status }, hoursBefore(48), "coach")).toMatchObject({ allowed: false, code: "not_active" });
    }
    expect(canClientCancel({ ...booking, status: "pending_payment" }, hoursBefore(48))).toEqual({ allowed: true, late: false });
    expect(canClientCancel({ start, policy: standard }, hoursBefore(48))).toEqual({ allowed: true, late: false });
  });
});

describe("canClientReschedule", () => {
  const booking = { start, status: "confirmed" as SessionStatus, policy: standard };

  it("outside the window: allowed", () => {
    expect(canClientReschedule(booking, hoursBefore(25))).toEqual({ allowed: true });
    expect(canClientReschedule(booking, hoursBefore(24))).toEqual({ allowed: true });
  });

  it("inside the window: refused, saying why and to contact the coach", () => {
    const r = canClientReschedule(booking, hoursBefore(23));
    expect(r.allowed).toBe(false);
    expect(r).toMatchObject({ code: "inside_window" });
    expect(r.reason).toContain("24 hours");
    expect(r.reason).toMatch(/contact your coach/i);
  });

  it("uses the snapshot, not today's defaults", () => {
    const r = canClientReschedule({ ...booking, policy: { cancellationWindowHours: 24, rescheduleWindowHours: 1 } }, hoursBefore(2));
    expect(r).toEqual({ allowed: true });
    const one = canClientReschedule({ ...booking, policy: { cancellationWindowHours: 24, rescheduleWindowHours: 1 } }, hoursBefore(0.5));
    expect(one.reason).toContain("1 hour ");
  });

  it("a zero window lets the client reschedule until the start", () => {
    const zero = { ...booking, policy: { cancellationWindowHours: 0, rescheduleWindowHours: 0 } };
    expect(canClientReschedule(zero, new Date(start.getTime() - 1))).toEqual({ allowed: true });
    expect(canClientReschedule(zero, start)).toMatchObject({ allowed: false, code: "started" });
  });

  it("the coach is exempt from the window", () => {
    expect(canClientReschedule(booking, hoursBefore(1), "coach")).toEqual({ allowed: true });
  });

  it("a canceled booking can't be rescheduled by anyone", () => {
    expect(canClientReschedule({ ...booking, status: "canceled" }, hoursBefore(48))).toMatchObject({ allowed: false, code: "not_active" });
    expect(canClientReschedule({ ...booking, status: "canceled" }, hoursBefore(48), "coach")).toMatchObject({ allowed: false, code: "not_active" });
  });
});

describe("session status rules", () => {
  const now = new Date("2026-03-10T12:00:00.000Z");
  const earlier = new Date(now.getTime() - HOUR);
  const later = new Date(now.getTime() + HOUR);

  it("holding and canceled statuses", () => {
    expect((["pending_payment", "confirmed", "canceled", "late_canceled", "completed", "no_show"] as const).map(holdsTime)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect((["pending_payment", "confirmed", "canceled", "late_canceled", "completed", "no_show"] as const).map(isCanceled)).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it("the outcome can be recorded once a booked session has started, and changed later", () => {
    expect(canMarkOutcome({ status: "confirmed", start: earlier }, now)).toEqual({ allowed: true });
    expect(canMarkOutcome({ status: "confirmed", start: now }, now)).toEqual({ allowed: true });
    expect(canMarkOutcome({ status: "no_show", start: earlier }, now)).toEqual({ allowed: true });
    expect(canMarkOutcome({ status: "completed", start: earlier }, now)).toEqual({ allowed: true });
    expect(canMarkOutcome({ status: "confirmed", start: later }, now)).toEqual({ allowed: false, reason: "This session hasn't started yet." });
    for (const status of ["pending_payment", "canceled", "late_canceled"] as const) {
      expect(canMarkOutcome({ status, start: earlier }, now)).toEqual({
        allowed: false,
        reason: "Only a booked session can be marked as completed or no-show.",
      });
    }
    expect(needsOutcome("confirmed", earlier, now)).toBe(true);
    expect(needsOutcome("confirmed", later, now)).toBe(false);
    expect(needsOutcome("completed", earlier, now)).toBe(false);
  });

  it("coaches and clients read a status in their own words", () => {
    expect(coachStatus.confirmed).toEqual({ label: null, tone: "brand" });
    expect(coachStatus.late_canceled).toEqual({ label: "Late cancel", tone: "clay" });
    expect(coachStatus.no_show.label).toBe("No-show");
    expect(clientStatus("confirmed", later, now)).toEqual({ label: "Booked", tone: "brand" });
    expect(clientStatus("confirmed", earlier, now)).toEqual({ label: "Past", tone: "neutral" });
    expect(clientStatus("no_show", earlier, now)).toEqual({ label: "Missed", tone: "clay" });
    expect(clientStatus("late_canceled", later, now)).toEqual({ label: "Canceled late", tone: "clay" });
  });
});
