// A booking's status: the one list the database enum is built from (src/server/db/schema), the
// rules that read it, and the words coaches and clients see for it.

/** Every state a booking can be in. The `booking_status` enum in Postgres is made from this list. */
export const BOOKING_STATUSES = ["pending_payment", "confirmed", "expired", "canceled", "late_canceled", "completed", "no_show"] as const;

export type SessionStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses whose booking still holds its time and can be canceled or rescheduled. */
export const HOLDING_STATUSES = ["pending_payment", "confirmed"] as const satisfies readonly SessionStatus[];

export const holdsTime = (status: SessionStatus) => (HOLDING_STATUSES as readonly SessionStatus[]).includes(status);

/** Canceled sessions stay on the calendar, struck through, so the coach sees what changed. */
export const isCanceled = (status: SessionStatus) => status === "canceled" || status === "late_canceled";

/** Statuses from which the coach may record (or correct) whether a session took place. */
const OUTCOME_STATUSES: readonly SessionStatus[] = ["confirmed", "completed", "no_show"];

/** The coach records the outcome of a booked session once it has started, and may change it. */
export function canMarkOutcome(session: { status: SessionStatus; start: Date }, now: Date): { allowed: true } | { allowed: false; reason: string } {
  if (!OUTCOME_STATUSES.includes(session.status)) return { allowed: false, reason: "Only a booked session can be marked as completed or no-show." };
  if (session.start.getTime() > now.getTime()) return { allowed: false, reason: "This session hasn't started yet." };
  return { allowed: true };
}

/** A booked session that has started but whose outcome the coach hasn't recorded yet. */
export const needsOutcome = (status: SessionStatus, start: Date, now: Date) => status === "confirmed" && start.getTime() <= now.getTime();

export type StatusTone = "brand" | "neutral" | "clay";

/** The coach's words for a status; no label for the ordinary "booked". */
export const coachStatus: Record<SessionStatus, { label: string | null; tone: StatusTone }> = {
  pending_payment: { label: "Awaiting payment", tone: "neutral" },
  confirmed: { label: null, tone: "brand" },
  expired: { label: "Not paid in time", tone: "neutral" },
  canceled: { label: "Canceled", tone: "neutral" },
  late_canceled: { label: "Late cancel", tone: "clay" },
  completed: { label: "Completed", tone: "brand" },
  no_show: { label: "No-show", tone: "clay" },
};

const CLIENT_STATUS: Record<Exclude<SessionStatus, "confirmed">, { label: string; tone: StatusTone }> = {
  pending_payment: { label: "Awaiting payment", tone: "clay" },
  expired: { label: "Not paid in time", tone: "neutral" },
  canceled: { label: "Canceled", tone: "neutral" },
  late_canceled: { label: "Canceled late", tone: "clay" },
  completed: { label: "Completed", tone: "neutral" },
  no_show: { label: "Missed", tone: "clay" },
};

/** The client's words for a status, for badges (a confirmed session that has begun reads "Past"). */
export function clientStatus(status: SessionStatus, start: Date, now: Date): { label: string; tone: StatusTone } {
  if (status !== "confirmed") return CLIENT_STATUS[status];
  return start.getTime() > now.getTime() ? { label: "Booked", tone: "brand" } : { label: "Past", tone: "neutral" };
}
