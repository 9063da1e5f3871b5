// The words for an intake's state, shared by the database enum, the coach's pages and the portal.

export const INTAKE_STATUSES = ["not_started", "in_progress", "submitted"] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

export const intakeStatusLabels: Record<IntakeStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  submitted: "Submitted",
};

/** The three templates follow the offering kinds; a coach's own questionnaire is "custom". */
export const QUESTIONNAIRE_KINDS = ["relationship", "crisis", "one_on_one", "custom"] as const;
