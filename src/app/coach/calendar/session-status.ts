export type SessionStatus = "pending_payment" | "confirmed" | "canceled" | "late_canceled" | "completed" | "no_show";

/** Words for a status, as the coach would say them; null for the ordinary "booked". */
export const statusLabels: Record<SessionStatus, string | null> = {
  pending_payment: "Awaiting payment",
  confirmed: null,
  canceled: "Canceled",
  late_canceled: "Late cancel",
  completed: "Completed",
  no_show: "No-show",
};

/** Canceled sessions stay on the calendar, struck through, so the coach sees what changed. */
export const isCanceled = (status: SessionStatus) => status === "canceled" || status === "late_canceled";

/** A booked session that has started but whose outcome the coach hasn't recorded yet. */
export const needsOutcome = (status: SessionStatus, start: Date, now: Date) => status === "confirmed" && start.getTime() <= now.getTime();
