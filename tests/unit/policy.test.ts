import { describe, expect, it } from "vitest";
import {
  canClientCancel,
  canClientReschedule,
  policyFor,
  policySnapshotSchema,
  schedulingDefaultsFor,
  type PolicySnapshot,
} from "@/lib/scheduling/policy";

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

  it("the snapshot schema explains bad windows", () => {
    const r = policySnapshotSchema.safeParse({ cancellationWindowHours: -1, rescheduleWindowHours: "abc" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("cancellationWindowHours: The cancellation window can't be negative.");
    expect(messages.some((m) => m.startsWith("rescheduleWindowHours:"))).toBe(true);
    expect(policySnapshotSchema.parse({ cancellationWindowHours: "24", rescheduleWindowHours: 2 })).toEqual({
      cancellationWindowHours: 24,
      rescheduleWindowHours: 2,
    });
  });
});

describe("canClientCancel", () => {
  const booking = { start, status: "confirmed", policy: standard };

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
    for (const status of ["canceled", "late_canceled", "completed", "no_show"]) {
      expect(canClientCancel({ ...booking, status }, hoursBefore(48))).toMatchObject({ allowed: false, code: "not_active" });
      expect(canClientCancel({ ...booking, status }, hoursBefore(48), "coach")).toMatchObject({ allowed: false, code: "not_active" });
    }
    expect(canClientCancel({ ...booking, status: "pending_payment" }, hoursBefore(48))).toEqual({ allowed: true, late: false });
    expect(canClientCancel({ start, policy: standard }, hoursBefore(48))).toEqual({ allowed: true, late: false });
  });
});

describe("canClientReschedule", () => {
  const booking = { start, status: "confirmed", policy: standard };

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
