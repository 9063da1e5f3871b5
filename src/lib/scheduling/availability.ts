// Working hours, date overrides and time off: their types, form schemas and rules. Pure (no DB,
// no clock), so the settings forms and the server share them.
import { z } from "@/lib/zod";
import {
  LOCAL_DATE_PATTERN,
  LOCAL_TIME_PATTERN,
  MINUTES_PER_DAY,
  parseLocalDate,
  parseLocalTime,
  wallOf,
  WEEKDAYS,
  weekdayOfWall,
  type Weekday,
} from "@/lib/time/dates";

/** A span of local wall-clock time on one day, "HH:mm"; `end` may be "24:00" (midnight at the end of the day). */
export interface TimeInterval {
  start: string;
  end: string;
}

/** Recurring working hours, in the practice's IANA time zone. */
export interface WeeklyHoursInterval extends TimeInterval {
  weekday: Weekday;
}

/** Other hours on one local date; no intervals means the day off. Replaces that date's weekly hours. */
export interface DateOverride {
  date: string;
  intervals: TimeInterval[];
}

/** Days away, both dates included, local to the practice. Wins over weekly hours and overrides. */
export interface TimeOff {
  startDate: string;
  endDate: string;
}

export interface Availability {
  weeklyHours: WeeklyHoursInterval[];
  overrides: DateOverride[];
  timeOff: TimeOff[];
}

/** Sorted, with overlapping or touching intervals joined: 09:00–12:00 + 12:00–17:00 is one 09:00–17:00 span. */
export function mergeMinuteIntervals(intervals: readonly [number, number][]): [number, number][] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Working time on one day, as minutes since local midnight: [[540, 720], [780, 1020]]. */
export type MinuteIntervals = [number, number][];

/** Where a day's hours come from: time off wins, then a date override (no intervals = the day off), then the weekday's hours. */
export type HoursSource = "time_off" | "override" | "weekly";

export type DayHours = { intervals: MinuteIntervals; source: HoursSource };

/** Merged minute intervals of "HH:mm" spans; malformed ones are skipped, ends clipped to midnight. */
function minutesOf(intervals: readonly TimeInterval[]): MinuteIntervals {
  const pairs: MinuteIntervals = [];
  for (const iv of intervals) {
    const a = parseLocalTime(iv.start);
    const b = parseLocalTime(iv.end);
    if (a !== null && b !== null && a < MINUTES_PER_DAY) pairs.push([a, Math.min(b, MINUTES_PER_DAY)]);
  }
  return mergeMinuteIntervals(pairs);
}

/**
 * The working-hours rule, prepared once for many days: for a local date (as a wall timestamp,
 * see src/lib/time/dates.ts), its hours and where they come from. Slots and the coach's
 * calendar both read hours through this, so they can't disagree.
 */
export function workingHours(availability: {
  weeklyHours: readonly WeeklyHoursInterval[];
  overrides?: readonly DateOverride[];
  timeOff?: readonly TimeOff[];
}): (dayWall: number) => DayHours {
  const weekly = WEEKDAYS.map(({ weekday }): DayHours => ({
    intervals: minutesOf(availability.weeklyHours.filter((w) => w.weekday === weekday)),
    source: "weekly",
  }));
  const overrides = new Map<number, DayHours>();
  for (const o of availability.overrides ?? []) {
    const wall = parseLocalDate(o.date);
    if (wall !== null) overrides.set(wall, { intervals: minutesOf(o.intervals), source: "override" });
  }
  const timeOff: [number, number][] = [];
  for (const t of availability.timeOff ?? []) {
    const a = parseLocalDate(t.startDate);
    const b = parseLocalDate(t.endDate);
    if (a !== null && b !== null && b >= a) timeOff.push([a, b]);
  }
  const away: DayHours = { intervals: [], source: "time_off" };
  return (dayWall) => {
    for (const [a, b] of timeOff) if (dayWall >= a && dayWall <= b) return away;
    return overrides.get(dayWall) ?? weekly[weekdayOfWall(dayWall) - 1]!;
  };
}

/** The coach's working hours on one local date, as merged minute intervals. */
export function workingMinutesOn(date: string, availability: Availability): MinuteIntervals {
  return workingHours(availability)(wallOf(date)).intervals;
}

/** Why a date has no hours, for the day's heading: time off, a day off set for that date, or a usual day off. */
export function dayOffReason(date: string, availability: Availability): HoursSource | null {
  const hours = workingHours(availability)(wallOf(date));
  return hours.intervals.length ? null : hours.source;
}

// ---------------------------------------------------------------------------------------------
// zod schemas for the settings forms and the API. They normalise (sort) what they accept.

const startTimeSchema = z
  .string({ error: "Enter a start time, like 09:00." })
  .trim()
  .regex(LOCAL_TIME_PATTERN, "Enter the start time as HH:mm in 24-hour time, like 09:00.");

const endTimeSchema = z
  .string({ error: "Enter an end time, like 17:00." })
  .trim()
  .refine((v) => parseLocalTime(v) !== null, "Enter the end time as HH:mm in 24-hour time, like 17:00 (24:00 for midnight).");

export const localDateSchema = z
  .string({ error: "Enter a date as YYYY-MM-DD." })
  .trim()
  .regex(LOCAL_DATE_PATTERN, "Enter the date as YYYY-MM-DD, like 2026-03-09.")
  .refine((v) => !LOCAL_DATE_PATTERN.test(v) || parseLocalDate(v) !== null, "That date doesn't exist on the calendar.");

/** A malformed time already has its own message; only compare two well-formed ones. */
function endsAfterStart(i: { start: string; end: string }): boolean {
  const a = parseLocalTime(i.start);
  const b = parseLocalTime(i.end);
  return a === null || b === null || b > a;
}

const MAX_INTERVALS_PER_DAY = 12;

const timeIntervalSchema = z
  .object({ start: startTimeSchema, end: endTimeSchema })
  .refine(endsAfterStart, {
    path: ["end"],
    message: "The end time must be after the start time.",
  });

/** Reports the first interval that overlaps an earlier one (touching is fine: 09:00–12:00 and 12:00–13:00). */
function checkNoOverlaps(
  intervals: readonly TimeInterval[],
  ctx: z.RefinementCtx,
  pathOf: (index: number) => (string | number)[],
  dayLabel: string,
) {
  const order = intervals
    .map((iv, index) => ({ index, a: parseLocalTime(iv.start), b: parseLocalTime(iv.end), iv }))
    .filter((x): x is { index: number; a: number; b: number; iv: TimeInterval } => x.a !== null && x.b !== null && x.b > x.a)
    .sort((x, y) => x.a - y.a || x.b - y.b);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (cur.a < prev.b) {
      const later = Math.max(prev.index, cur.index);
      const other = later === cur.index ? prev : cur;
      ctx.addIssue({
        code: "custom",
        path: pathOf(later),
        message: `These hours overlap ${other.iv.start}–${other.iv.end} on ${dayLabel}. Adjust or remove one of them.`,
      });
    }
  }
}

const byStart = (x: TimeInterval, y: TimeInterval) => (parseLocalTime(x.start) ?? 0) - (parseLocalTime(y.start) ?? 0);

const weeklyHoursIntervalSchema = z
  .object({
    weekday: z.coerce
      .number({ error: "Choose a day of the week." })
      .int("Choose a day of the week.")
      .min(1, "Choose a day of the week.")
      .max(7, "Choose a day of the week."),
    start: startTimeSchema,
    end: endTimeSchema,
  })
  .refine(endsAfterStart, {
    path: ["end"],
    message: "The end time must be after the start time.",
  })
  .transform((i) => ({ weekday: i.weekday as Weekday, start: i.start, end: i.end }));

export const weeklyHoursSchema = z
  .array(weeklyHoursIntervalSchema)
  .max(7 * MAX_INTERVALS_PER_DAY, `Use at most ${MAX_INTERVALS_PER_DAY} time ranges per day.`)
  .superRefine((all, ctx) => {
    for (const { weekday, label } of WEEKDAYS) {
      const indexes = all.flatMap((iv, i) => (iv.weekday === weekday ? [i] : []));
      if (indexes.length > MAX_INTERVALS_PER_DAY) {
        ctx.addIssue({ code: "custom", path: [indexes[0]!], message: `Use at most ${MAX_INTERVALS_PER_DAY} time ranges on ${label}.` });
      }
      checkNoOverlaps(
        indexes.map((i) => all[i]!),
        ctx,
        (k) => [indexes[k]!, "start"],
        label,
      );
    }
  })
  .transform((all) => [...all].sort((x, y) => x.weekday - y.weekday || byStart(x, y)));

export const dateOverrideSchema = z
  .object({
    date: localDateSchema,
    intervals: z
      .array(timeIntervalSchema)
      .max(MAX_INTERVALS_PER_DAY, `Use at most ${MAX_INTERVALS_PER_DAY} time ranges on one date.`)
      .default([]),
  })
  .superRefine((o, ctx) => checkNoOverlaps(o.intervals, ctx, (k) => ["intervals", k, "start"], o.date))
  .transform((o) => ({ date: o.date, intervals: [...o.intervals].sort(byStart) }));

export const dateOverridesSchema = z
  .array(dateOverrideSchema)
  .max(1000, "Use at most 1,000 date overrides; remove ones in the past.")
  .superRefine((all, ctx) => {
    const seen = new Set<string>();
    all.forEach((o, i) => {
      if (seen.has(o.date)) {
        ctx.addIssue({ code: "custom", path: [i, "date"], message: `There are already other hours for ${o.date}. Edit that entry instead.` });
      }
      seen.add(o.date);
    });
  })
  .transform((all) => [...all].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)));

export const timeOffSchema = z
  .object({ startDate: localDateSchema, endDate: localDateSchema })
  .refine((t) => t.endDate >= t.startDate, { path: ["endDate"], message: "The last day off can't be before the first." });

const timeOffListSchema = z
  .array(timeOffSchema)
  .max(500, "Use at most 500 time-off entries; remove ones in the past.")
  .transform((all) => [...all].sort((x, y) => (x.startDate < y.startDate ? -1 : x.startDate > y.startDate ? 1 : 0)));

export const availabilitySchema = z.object({
  weeklyHours: weeklyHoursSchema.default([]),
  overrides: dateOverridesSchema.default([]),
  timeOff: timeOffListSchema.default([]),
});

