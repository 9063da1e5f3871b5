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

/** A recurring check-in: running, paused by the coach (kept, sends nothing), or stopped for good. */
export const CHECKIN_SCHEDULE_STATUSES = ["active", "paused", "stopped"] as const;

/** Every N weeks, N from 1 to 26. */
export const CHECKIN_MIN_WEEKS = 1;
export const CHECKIN_MAX_WEEKS = 26;
