// When the homework email goes out and what it lists: pure date maths on the client's own
// calendar, shared by the scheduler (src/server/homework/reminders.ts) and the preferences page.
import { addDays, weekdayOf } from "@/lib/time/dates";
import { occurrencesBetween, pausedOn, type Occurrence, type Schedule } from "./occurrences";

export const HOMEWORK_EMAIL_PREFERENCES = ["daily", "weekly", "off"] as const;
export type HomeworkEmailPreference = (typeof HOMEWORK_EMAIL_PREFERENCES)[number];

/** The local time the email goes out (minutes after midnight), and the quiet hours around it. */
const HOMEWORK_EMAIL_AT = 8 * 60;
const QUIET_HOURS = { from: 21 * 60, until: 8 * 60 } as const;

/** Whether `minutes` (local, after midnight) falls in the quiet hours 21:00–08:00. */
function inQuietHours(minutes: number): boolean {
  return minutes >= QUIET_HOURS.from || minutes < QUIET_HOURS.until;
}

/**
 * The dates the email due on local `date` at local `minutes` covers, or null when none goes out
 * now: off; before 08:00 or in the quiet hours; weekly on any day but Monday.
 */
export function reminderWindow(preference: HomeworkEmailPreference, date: string, minutes: number): { from: string; to: string } | null {
  if (preference === "off" || minutes < HOMEWORK_EMAIL_AT || inQuietHours(minutes)) return null;
  if (preference === "daily") return { from: date, to: date };
  return weekdayOf(date) === 1 ? { from: date, to: addDays(date, 6) } : null;
}

/**
 * The occurrences of one assignment the email lists: those open on some day of the window
 * (`until` not before its first day, `from` not after its last), unless it is paused on the day
 * the email goes out. (The caller drops the ones already done.)
 */
export function dueInWindow(schedule: Schedule, window: { from: string; to: string }): Occurrence[] {
  if (pausedOn(schedule, window.from)) return [];
  return occurrencesBetween(schedule, window.from, window.to).filter((o) => o.from <= window.to && o.until >= window.from);
}

/** The outbox key that makes it one email per client per local day, whoever enqueues it. */
export function homeworkEmailKey(clientId: string, date: string): string {
  return `homework:${clientId}:${date}`;
}
