// The words for an intake's state, shared by the database enum, the coach's pages and the portal.

export const INTAKE_STATUSES = ["not_started", "in_progress", "submitted"] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

export const intakeStatusLabels: Record<IntakeStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  submitted: "Submitted",
};

/**
 * The three intake templates follow the offering kinds; "checkin" is the short pillars check-in a
 * coach re-assigns over time; a coach's own questionnaire is "custom".
 */
export const QUESTIONNAIRE_KINDS = ["relationship", "crisis", "one_on_one", "custom", "checkin"] as const;

/** A recurring check-in: running, paused (kept, sends nothing; by the coach or after unanswered check-ins), or stopped for good. */
export const CHECKIN_SCHEDULE_STATUSES = ["active", "paused", "stopped"] as const;

/** Why a schedule paused itself (null: the coach paused it, or it isn't paused). */
export const CHECKIN_PAUSE_REASONS = ["unanswered"] as const;
export type CheckInPauseReason = (typeof CHECKIN_PAUSE_REASONS)[number];

/**
 * A schedule pauses itself once this many check-ins in a row went unanswered: the client has
 * stopped answering, and the coach should hear about it rather than the schedule running on.
 */
export const CHECKIN_UNANSWERED_LIMIT = 3;

/** What the client page says about a paused schedule. */
export function checkInPausedLabel(reason: CheckInPauseReason | null): string {
  if (reason === "unanswered") return `Paused: ${CHECKIN_UNANSWERED_LIMIT} check-ins went unanswered. Nothing is sent until you resume or the client answers.`;
  return "Paused: nothing is sent until you resume.";
}

/** Every N weeks, N from 1 to 26. */
export const CHECKIN_MIN_WEEKS = 1;
export const CHECKIN_MAX_WEEKS = 26;
