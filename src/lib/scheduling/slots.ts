// Open slots. Pure (no DB, no clock, no process TZ): the server computes them, and the booking
// page groups them by day with the same code.
// The rules are written down in docs/scheduling.md; keep the two in step.
import { DAY_MS as DAY, MINUTE_MS as MINUTE, formatLocalDate } from "@/lib/time/dates";
import { localDayWall, offsetMs, resolveWall, transitionDay, zoneOf, type WallInstant as Resolved, type Zone } from "@/lib/time/zones";
import { workingHours, type DateOverride, type DayHours, type TimeOff, type WeeklyHoursInterval } from "./availability";

export interface Interval {
  start: Date;
  end: Date;
}

export type Slot = Interval;

/** A coach form's `start` when the coach typed a clock time ("Another time") instead of picking an open one. */
export const OTHER_TIME = "other";

export interface SlotInput {
  /** The practice's IANA zone: weekly hours, overrides, time off and the daily cap are read in it. */
  timeZone: string;
  weeklyHours: readonly WeeklyHoursInterval[];
  overrides?: readonly DateOverride[];
  timeOff?: readonly TimeOff[];
  /**
   * Time already taken: bookings that hold time, each ALREADY widened by its own buffers
   * ([start − its bufferBefore, end + its bufferAfter)), and the coach's blocks as they are.
   * Half-open: touching is not overlapping.
   */
  busy?: readonly Interval[];
  durationMinutes: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  minimumNoticeMinutes?: number;
  /** Last bookable day is the practice-local date of `now` plus this many days. Omit for no horizon. */
  horizonDays?: number | null;
  /** Grid step; defaults to defaultSlotInterval(durationMinutes). */
  slotIntervalMinutes?: number | null;
  /** Omit or null for no cap. */
  maxPerDay?: number | null;
  /** Sessions that already count against the cap, by practice-local date "YYYY-MM-DD". */
  bookedPerDay?: Readonly<Record<string, number>>;
  now: Date;
  /** Slots whose start is in [from, to). */
  range: { from: Date; to: Date };
}

/** The duration when it sits evenly on the clock (divides an hour, or is whole half-hours), otherwise 30 minutes. */
export function defaultSlotInterval(durationMinutes: number): number {
  if (durationMinutes > 0 && (60 % durationMinutes === 0 || durationMinutes % 30 === 0)) return durationMinutes;
  return 30;
}

/** Counts instants per local date: builds `bookedPerDay` from the starts of the sessions that count. */
export function countPerLocalDay(instants: readonly Date[], timeZone: string): Record<string, number> {
  const zone = zoneOf(timeZone);
  const out: Record<string, number> = {};
  for (const t of instants) {
    const d = formatLocalDate(localDayWall(zone, t.getTime()));
    out[d] = (out[d] ?? 0) + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface Prepared {
  zone: Zone;
  hoursOn: (dayWall: number) => DayHours;
  busyStart: Float64Array;
  busyEnd: Float64Array;
  duration: number;
  before: number;
  after: number;
  step: number;
  maxPerDay: number | null;
  bookedPerDay: Readonly<Record<string, number>>;
  from: number;
  to: number;
}

function nonNegative(value: number | null | undefined, name: string): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a non-negative number`);
  return v;
}

function prepare(input: SlotInput, busy: readonly Interval[]): Prepared | null {
  const zone = zoneOf(input.timeZone);
  const duration = input.durationMinutes;
  if (!Number.isInteger(duration) || duration <= 0) throw new RangeError("durationMinutes must be a positive integer");
  const stepIn = input.slotIntervalMinutes;
  const step = stepIn && stepIn > 0 && Number.isInteger(stepIn) ? stepIn : defaultSlotInterval(duration);
  const before = nonNegative(input.bufferBeforeMinutes, "bufferBeforeMinutes") * MINUTE;
  const after = nonNegative(input.bufferAfterMinutes, "bufferAfterMinutes") * MINUTE;
  const notice = nonNegative(input.minimumNoticeMinutes, "minimumNoticeMinutes") * MINUTE;

  const now = input.now.getTime();
  if (Number.isNaN(now) || Number.isNaN(input.range.from.getTime()) || Number.isNaN(input.range.to.getTime())) {
    throw new RangeError("now and range must be valid dates");
  }
  let from = Math.max(input.range.from.getTime(), now + notice);
  let to = input.range.to.getTime();
  if (input.horizonDays !== undefined && input.horizonDays !== null) {
    const horizon = nonNegative(input.horizonDays, "horizonDays");
    const lastDay = localDayWall(zone, now) + Math.floor(horizon) * DAY;
    to = Math.min(to, resolveWall(zone, lastDay + DAY).ms);
  }
  if (from >= to) return null;
  // A candidate's start is on a whole minute; nothing else needs sub-minute precision.
  from = Math.ceil(from / MINUTE) * MINUTE;

  // Sort once and merge, so each candidate is one binary search over disjoint, ordered spans.
  const raw: [number, number][] = [];
  for (const b of busy) {
    const s = b.start.getTime();
    const e = b.end.getTime();
    if (Number.isNaN(s) || Number.isNaN(e)) throw new RangeError("busy intervals must be valid dates");
    if (e > s) raw.push([s, e]);
  }
  raw.sort((x, y) => x[0] - y[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of raw) {
    const n = ends.length;
    if (n > 0 && s <= ends[n - 1]!) ends[n - 1] = Math.max(ends[n - 1]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }

  return {
    zone,
    hoursOn: workingHours(input),
    busyStart: Float64Array.from(starts),
    busyEnd: Float64Array.from(ends),
    duration: duration * MINUTE,
    before,
    after,
    step,
    maxPerDay: input.maxPerDay ?? null,
    bookedPerDay: input.bookedPerDay ?? {},
    from,
    to,
  };
}

/** True when [a, b) overlaps any busy span. */
function overlapsBusy(p: Prepared, a: number, b: number): boolean {
  const ends = p.busyEnd;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < ends.length && p.busyStart[lo]! < b;
}

function collect(p: Prepared, out: Slot[]): void {
  const { zone } = p;
  const firstDay = localDayWall(zone, p.from);
  const lastDay = localDayWall(zone, p.to - 1);
  // Zone lookups cost ~10 µs each, so walk the days carrying the offset: on most days one
  // lookup proves that midnight-to-midnight keeps one offset, and wall → instant is a subtraction.
  let dayStart = resolveWall(zone, firstDay);
  let offset = offsetMs(zone, dayStart.ms);
  for (let day = firstDay; day <= lastDay; day += DAY) {
    const guessEnd = day + DAY - offset;
    const steady = dayStart.exists && offsetMs(zone, guessEnd) === offset;
    const dayOffset = offset;
    const toInstant = steady ? (wall: number): Resolved => ({ ms: wall - dayOffset, exists: true }) : transitionDay(zone, day);
    const dayEnd = steady ? { ms: guessEnd, exists: true } : toInstant(day + DAY);
    dayStart = dayEnd;
    if (!steady) offset = offsetMs(zone, dayEnd.ms);

    const intervals = p.hoursOn(day).intervals;
    if (intervals.length === 0) continue;
    if (p.maxPerDay !== null && (p.bookedPerDay[formatLocalDate(day)] ?? 0) >= p.maxPerDay) continue;

    for (const [a, b] of intervals) {
      const end = toInstant(day + b * MINUTE).ms;
      for (let m = a; m < b; m += p.step) {
        const start = toInstant(day + m * MINUTE);
        if (!start.exists) continue; // spring-forward gap: that local time never happens
        const s = start.ms;
        const e = s + p.duration;
        if (e > end) break;
        if (s < p.from) continue;
        if (s >= p.to) return;
        if (overlapsBusy(p, s - p.before, e + p.after)) continue;
        out.push({ start: new Date(s), end: new Date(e) });
      }
    }
  }
}

/**
 * Open slots, sorted by start. See docs/scheduling.md for every rule; in short: starts sit on
 * the slot grid counted from each availability interval's start (local wall time); the session
 * fits inside one interval; the session widened by the offering's buffers overlaps no busy
 * span (buffers may reach outside working hours); notice, horizon and daily cap apply.
 */
export function computeSlots(input: SlotInput): Slot[] {
  const p = prepare(input, input.busy ?? []);
  const out: Slot[] = [];
  if (p) collect(p, out);
  return out;
}

/**
 * Whether `start` is exactly one of computeSlots' open starts. Computes only the practice-local
 * day of `start` (and only the busy spans near it), so createBooking can re-check cheaply.
 */
export function isSlotOpen(input: Omit<SlotInput, "range">, start: Date): boolean {
  const t = start.getTime();
  if (Number.isNaN(t) || t % MINUTE !== 0) return false;
  const zone = zoneOf(input.timeZone);
  const day = localDayWall(zone, t);
  const from = resolveWall(zone, day).ms;
  const to = resolveWall(zone, day + DAY).ms;
  const before = (input.bufferBeforeMinutes ?? 0) * MINUTE;
  const reach = (input.durationMinutes + (input.bufferAfterMinutes ?? 0)) * MINUTE;
  const busy = (input.busy ?? []).filter((b) => b.end.getTime() > from - before && b.start.getTime() < to + reach);
  const p = prepare({ ...input, range: { from: new Date(from), to: new Date(to) } }, busy);
  if (!p) return false;
  const out: Slot[] = [];
  collect(p, out);
  return out.some((s) => s.start.getTime() === t);
}

/** Slots grouped by local date in the booker's zone, in order (for the month calendar). */
export function groupSlotsByDay<S extends Interval>(slots: readonly S[], timeZone: string): { date: string; slots: S[] }[] {
  const zone = zoneOf(timeZone);
  const out: { date: string; slots: S[] }[] = [];
  let current: { date: string; slots: S[] } | undefined;
  for (const slot of slots) {
    const date = formatLocalDate(localDayWall(zone, slot.start.getTime()));
    if (!current || current.date !== date) {
      current = out.find((g) => g.date === date);
      if (!current) {
        current = { date, slots: [] };
        out.push(current);
      }
    }
    current.slots.push(slot);
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * Whether the coach may book `start` by hand (an evening crisis session): the start is on a whole
 * minute and not before `now` plus the notice given, and the session widened by the offering's
 * buffers overlaps no busy span. Working hours, the grid, the horizon and the daily cap don't
 * apply; busy time (bookings, blocks, the coach's calendars) always does.
 */
export function isStartFree(input: Omit<SlotInput, "range">, start: Date): boolean {
  const t = start.getTime();
  if (Number.isNaN(t) || t % MINUTE !== 0) return false;
  const p = prepare({ ...input, horizonDays: null, range: { from: start, to: new Date(t + MINUTE) } }, input.busy ?? []);
  if (!p || t < p.from) return false;
  return !overlapsBusy(p, t - p.before, t + p.duration + p.after);
}

/**
 * Whether a session [start, end) sits inside one of the working-hours intervals of its
 * practice-local day (the same hours computeSlots offers from). False for a session on a day
 * off, in time off, or reaching past the day's hours: the coach's "outside your working hours".
 */
export function isWithinWorkingHours(
  availability: Pick<SlotInput, "timeZone" | "weeklyHours" | "overrides" | "timeOff">,
  start: Date,
  end: Date,
): boolean {
  const zone = zoneOf(availability.timeZone);
  const s = start.getTime();
  const e = end.getTime();
  if (Number.isNaN(s) || Number.isNaN(e) || e <= s) return false;
  const day = localDayWall(zone, s);
  const toInstant = transitionDay(zone, day);
  return workingHours(availability)(day).intervals.some(
    ([a, b]) => toInstant(day + a * MINUTE).ms <= s && e <= toInstant(day + b * MINUTE).ms,
  );
}
