// When a homework assignment is due: its occurrences, on the client's local calendar dates.
// Everything here is dates ("YYYY-MM-DD"), never instants, so a week is Monday to Sunday where
// the client lives whatever DST does; the server turns instants into the client's dates first
// (localDateOf in src/lib/time/zones.ts).
import { addDays, DAY_MS, formatLocalDate, mondayOf, wallOf } from "@/lib/time/dates";
import type { Cadence } from "./cadence";

/** A stretch when the assignment was paused: from `from` (inclusive) to `until` (exclusive; null = still paused). */
type Pause = { from: string; until: string | null };

export type Schedule = {
  cadence: Cadence;
  /** The first date the practice can be done. */
  startDate: string;
  /** The last date (inclusive); null = no end. Ending an assignment sets it to the day it ended. */
  endDate: string | null;
  pauses: readonly Pause[];
};

/**
 * One time the practice is due. `date` + `slot` name it (and are what a completion stores):
 * the day for daily, the week's Monday for weekly and N a week (slots 1…N), the due date for
 * once. It can be done on any date from `from` to `until` (inclusive).
 */
export type Occurrence = { date: string; slot: number; from: string; until: string };

export function occurrenceKey(o: { date: string; slot: number }): string {
  return `${o.date}#${o.slot}`;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** Whether the assignment was paused on `date`. */
export function pausedOn(schedule: Schedule, date: string): boolean {
  return schedule.pauses.some((p) => p.from <= date && (p.until === null || date < p.until));
}

/** Paused on every day from `from` to `until`: an occurrence nobody could do. */
function pausedThroughout(schedule: Schedule, from: string, until: string): boolean {
  if (!schedule.pauses.some((p) => p.from <= until && (p.until === null || from < p.until))) return false;
  for (let d = from; d <= until; d = addDays(d, 1)) if (!pausedOn(schedule, d)) return false;
  return true;
}

/** Every occurrence whose days meet [from, to] (inclusive dates), in date order. */
export function occurrencesBetween(schedule: Schedule, from: string, to: string): Occurrence[] {
  const { cadence, startDate, endDate } = schedule;
  const first = later(from, startDate);
  const last = endDate === null ? to : earlier(to, endDate);
  if (first > last) return [];
  const out: Occurrence[] = [];
  const keep = (o: Occurrence) => {
    if (!pausedThroughout(schedule, o.from, o.until)) out.push(o);
  };
  switch (cadence.kind) {
    case "once": {
      const until = endDate === null ? cadence.dueDate : earlier(cadence.dueDate, endDate);
      if (startDate <= until && startDate <= to && until >= from) keep({ date: cadence.dueDate, slot: 1, from: startDate, until });
      break;
    }
    case "daily": {
      // Wall timestamps, not addDays: a year of days is walked on every page view.
      const lastWall = wallOf(last);
      for (let wall = wallOf(first); wall <= lastWall; wall += DAY_MS) {
        const d = formatLocalDate(wall);
        keep({ date: d, slot: 1, from: d, until: d });
      }
      break;
    }
    case "weekly":
    case "times_per_week": {
      const slots = cadence.kind === "weekly" ? 1 : cadence.timesPerWeek;
      for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
        const periodFrom = later(monday, startDate);
        const sunday = addDays(monday, 6);
        const periodUntil = endDate === null ? sunday : earlier(sunday, endDate);
        for (let slot = 1; slot <= slots; slot++) keep({ date: monday, slot, from: periodFrom, until: periodUntil });
      }
      break;
    }
  }
  return out;
}

/** The occurrence named by `date` + `slot`, or null when the assignment has no such occurrence. */
export function findOccurrence(schedule: Schedule, date: string, slot: number): Occurrence | null {
  const span = schedule.cadence.kind === "once" ? [schedule.startDate, schedule.cadence.dueDate] : [date, addDays(date, 6)];
  const [from, to] = span as [string, string];
  if (from > to) return null;
  return occurrencesBetween(schedule, from, to).find((o) => o.date === date && o.slot === slot) ?? null;
}

/** The seven dates of the week that begins on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export type Progress = {
  /** Occurrences that count: every one whose last day has passed, and any already done. */
  counted: number;
  done: number;
  /** done / counted, 0–1; null before anything counts. */
  rate: number | null;
  /**
   * Consecutive periods (days for daily, weeks for weekly and N a week) completed, ending with the
   * latest one; a period still open and not yet complete doesn't break it.
   */
  streak: number;
};

/** How the assignment has gone up to `today`, given the keys (occurrenceKey) of its completions. */
export function progressOf(schedule: Schedule, completed: ReadonlySet<string>, today: string): Progress {
  const occurrences = occurrencesBetween(schedule, schedule.startDate, today);
  let counted = 0;
  let done = 0;
  // Periods in order: every occurrence of a period shares its `date`.
  const periods: { open: boolean; complete: boolean }[] = [];
  let current: string | null = null;
  for (const o of occurrences) {
    const isDone = completed.has(occurrenceKey(o));
    const open = o.until >= today;
    if (isDone) done++;
    if (isDone || !open) counted++;
    if (o.date !== current) {
      periods.push({ open, complete: isDone });
      current = o.date;
    } else {
      const period = periods[periods.length - 1]!;
      period.complete &&= isDone;
    }
  }
  let streak = 0;
  for (let i = periods.length - 1; i >= 0; i--) {
    const period = periods[i]!;
    if (period.complete) streak++;
    else if (period.open && i === periods.length - 1) continue;
    else break;
  }
  return { counted, done, rate: counted === 0 ? null : done / counted, streak };
}
