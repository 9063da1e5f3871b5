import { formatLongDate } from "@/lib/time/format";

// What a homework cadence is, shared by the database enum, the forms and the occurrence maths.

export const CADENCE_KINDS = ["once", "daily", "weekly", "times_per_week"] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

/** How often a practice is done. "once" is due by a date; the others repeat until the end. */
export type Cadence =
  | { kind: "once"; dueDate: string }
  | { kind: "daily" }
  | { kind: "weekly" }
  | { kind: "times_per_week"; timesPerWeek: number };

/** "N times a week" means 2–6: once is "weekly", seven is "daily". */
export const MIN_TIMES_PER_WEEK = 2;
export const MAX_TIMES_PER_WEEK = 6;

/** Who does it: the client alone, or (for a couple) each partner on their own, or both together. */
export const ASSIGN_TO = ["client", "each", "shared"] as const;
/** When it ends: never (until the coach ends it), on a date, or with the next booked session. */
export const END_MODES = ["open", "date", "next_session"] as const;

export const ASSIGNMENT_STATUSES = ["active", "paused", "ended"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** How it went, as the client rates it when marking a practice done. */
export const MIN_RATING = 1;
export const MAX_RATING = 5;

/** The cadence as a person says it: "Daily", "3 times a week", "Once, by Monday, March 9". */
export function describeCadence(cadence: Cadence): string {
  switch (cadence.kind) {
    case "once":
      return `Once, by ${formatLongDate(cadence.dueDate, { year: false })}`;
    case "daily":
      return "Daily";
    case "weekly":
      return "Weekly";
    case "times_per_week":
      return `${cadence.timesPerWeek} times a week`;
  }
}

/** The cadence from its stored columns, or null when they don't describe one. */
export function cadenceFrom(kind: CadenceKind, timesPerWeek: number | null, dueDate: string | null): Cadence | null {
  switch (kind) {
    case "once":
      return dueDate ? { kind, dueDate } : null;
    case "times_per_week":
      return timesPerWeek !== null && timesPerWeek >= MIN_TIMES_PER_WEEK && timesPerWeek <= MAX_TIMES_PER_WEEK
        ? { kind, timesPerWeek }
        : null;
    default:
      return { kind };
  }
}
