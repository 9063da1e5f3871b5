// Cancel and reschedule rules. Pure (no DB, no clock: `now` is passed in), so the portal and
// the manage page show the same answer the server enforces.
import type { OfferingKind } from "@/lib/offerings";
import { HOUR_MS, MINUTE_MS } from "@/lib/time/dates";
import { formatHours } from "@/lib/time/format";
import { holdsTime, type SessionStatus } from "./status";

/** Who is acting: the coach from the dashboard is exempt from notice and policy windows. */
export type Actor = "coach" | "client";

/** Stored on each booking as it was when booked, so later policy edits never change old bookings. */
export interface PolicySnapshot {
  /** A client's cancel with less than this many hours left becomes late_canceled. */
  cancellationWindowHours: number;
  /** With less than this many hours left, the client can't reschedule online. */
  rescheduleWindowHours: number;
  /**
   * Minutes after booking in which the booker may still cancel or move it as if it were early (an
   * undo for a wrong time); the practice's setting when booked. Absent on older bookings: none.
   */
  graceMinutes?: number;
}

const DEFAULT_WINDOW_HOURS = 24;
const CRISIS_WINDOW_HOURS = 2;

/** Scheduling settings a new offering of each kind starts with (the demo practice uses these). */
export interface SchedulingDefaults extends PolicySnapshot {
  minimumNoticeHours: number;
  horizonDays: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** null: the duration (see defaultSlotInterval). */
  slotIntervalMinutes: number | null;
  /** null: no cap. */
  maxPerDay: number | null;
}

export function schedulingDefaultsFor(kind: OfferingKind): SchedulingDefaults {
  const crisis = kind === "crisis";
  return {
    minimumNoticeHours: crisis ? 2 : 12,
    horizonDays: crisis ? 14 : 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: kind === "relationship" ? 15 : 0,
    slotIntervalMinutes: null,
    maxPerDay: null,
    cancellationWindowHours: crisis ? CRISIS_WINDOW_HOURS : DEFAULT_WINDOW_HOURS,
    rescheduleWindowHours: crisis ? CRISIS_WINDOW_HOURS : DEFAULT_WINDOW_HOURS,
  };
}

/** The policy to snapshot onto a new booking: the offering's own windows, else 24 h (2 h for crisis). */
export function policyFor(offering: {
  kind: OfferingKind;
  cancellationWindowHours?: number | null;
  rescheduleWindowHours?: number | null;
}): PolicySnapshot {
  const fallback = offering.kind === "crisis" ? CRISIS_WINDOW_HOURS : DEFAULT_WINDOW_HOURS;
  const pick = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fallback);
  return {
    cancellationWindowHours: pick(offering.cancellationWindowHours),
    rescheduleWindowHours: pick(offering.rescheduleWindowHours),
  };
}

export interface PolicyBooking {
  start: Date;
  /** When it was booked: the grace period counts from here. */
  bookedAt?: Date;
  /** When given, only holding statuses (pending_payment, confirmed) can change. */
  status?: SessionStatus;
  policy: PolicySnapshot;
}

type RefusalCode = "not_active" | "started" | "inside_window";

export type CancelDecision =
  | { allowed: true; late: boolean; /** Free only because it was booked moments ago (the grace period). */ grace?: boolean }
  | { allowed: false; code: RefusalCode; reason: string };
export type RescheduleDecision = { allowed: true; reason?: undefined } | { allowed: false; code: RefusalCode; reason: string };

function refuseInactive(booking: PolicyBooking): { allowed: false; code: RefusalCode; reason: string } | null {
  if (booking.status === undefined || holdsTime(booking.status)) return null;
  return { allowed: false, code: "not_active", reason: "This session is no longer booked, so there is nothing to change." };
}

/** Less than `hours` left before the start (exactly `hours` left is still outside the window). */
function insideWindow(start: Date, now: Date, hours: number): boolean {
  return start.getTime() - now.getTime() < hours * HOUR_MS;
}

/** The end of the grace period after booking, or null when the booking has none. */
export function graceEndsAt(booking: Pick<PolicyBooking, "bookedAt" | "policy">): Date | null {
  const minutes = booking.policy.graceMinutes ?? 0;
  if (!booking.bookedAt || !(minutes > 0)) return null;
  return new Date(booking.bookedAt.getTime() + minutes * MINUTE_MS);
}

/** Still inside the grace period: a cancel is free and a move allowed, whatever the windows say. */
export function inGracePeriod(booking: Pick<PolicyBooking, "bookedAt" | "policy">, now: Date): boolean {
  const ends = graceEndsAt(booking);
  return ends !== null && now.getTime() < ends.getTime();
}

/**
 * What booking `start` at `now` gives up: a time already inside the cancellation window can only
 * be canceled late, one inside the reschedule window can't be moved online. Null when neither.
 */
export function lateBooking(
  start: Date,
  now: Date,
  policy: PolicySnapshot,
): { lateCancel: boolean; noOnlineReschedule: boolean; /** The widest window it falls in, for "within 24 hours". */ windowHours: number } | null {
  const lateCancel = insideWindow(start, now, policy.cancellationWindowHours);
  const noOnlineReschedule = insideWindow(start, now, policy.rescheduleWindowHours);
  if (!lateCancel && !noOnlineReschedule) return null;
  const windowHours = Math.max(lateCancel ? policy.cancellationWindowHours : 0, noOnlineReschedule ? policy.rescheduleWindowHours : 0);
  return { lateCancel, noOnlineReschedule, windowHours };
}

/**
 * The warning shown before confirming such a time (and, in other words, in its confirmation):
 * "This time is within 24 hours: once booked it can't be changed or canceled online without …".
 */
export function lateBookingWarning(start: Date, now: Date, policy: PolicySnapshot): string | null {
  const late = lateBooking(start, now, policy);
  if (!late) return null;
  const hours = formatHours(late.windowHours, { days: true });
  const what =
    late.lateCancel && late.noOnlineReschedule
      ? "once booked it can’t be changed online, and canceling counts as a late cancellation (your coach may keep the fee)"
      : late.noOnlineReschedule
        ? "once booked it can’t be changed online"
        : "canceling it counts as a late cancellation (your coach may keep the fee)";
  const grace = policy.graceMinutes ?? 0;
  const undo = grace > 0 ? ` Booked the wrong time? You can cancel it free of charge within ${grace} minutes of booking.` : "";
  return `This time is within ${hours}: ${what}.${undo}`;
}

/**
 * A client may always cancel a booked session that hasn't started; inside the cancellation
 * window the cancel is late (status late_canceled: billing decides refund or forfeit). The coach
 * is exempt: never late, and may cancel a session that has already started.
 */
export function canClientCancel(booking: PolicyBooking, now: Date, actor: Actor = "client"): CancelDecision {
  const inactive = refuseInactive(booking);
  if (inactive) return inactive;
  if (actor === "coach") return { allowed: true, late: false };
  if (booking.start.getTime() <= now.getTime()) {
    return { allowed: false, code: "started", reason: "This session has already started, so it can't be canceled online. Please contact your coach." };
  }
  const late = insideWindow(booking.start, now, booking.policy.cancellationWindowHours);
  // Booked moments ago: an undo, not a late cancel (billing then refunds in full).
  if (late && inGracePeriod(booking, now)) return { allowed: true, late: false, grace: true };
  return { allowed: true, late };
}

/**
 * Inside the reschedule window a client can't move the session online and is told to contact
 * the coach. The coach is exempt.
 */
export function canClientReschedule(booking: PolicyBooking, now: Date, actor: Actor = "client"): RescheduleDecision {
  const inactive = refuseInactive(booking);
  if (inactive) return inactive;
  if (actor === "coach") return { allowed: true };
  if (booking.start.getTime() <= now.getTime()) {
    return { allowed: false, code: "started", reason: "This session has already started, so it can't be rescheduled. Please contact your coach." };
  }
  const window = booking.policy.rescheduleWindowHours;
  if (insideWindow(booking.start, now, window) && !inGracePeriod(booking, now)) {
    return {
      allowed: false,
      code: "inside_window",
      reason: `Sessions can be rescheduled online up to ${formatHours(window)} before they start. To change this one, please contact your coach directly.`,
    };
  }
  return { allowed: true };
}
