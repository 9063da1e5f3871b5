// IANA time zones: which names are valid, and the maths between instants and local wall time.
// Wall times are "wall" timestamps (see dates.ts): a local date-time encoded as if it were UTC.
// Never reads the process's TZ, so the server, the browser and every test agree.
import { IANAZone } from "luxon";
import { z } from "zod";
import { DAY_MS, HOUR_MS, MINUTE_MS, formatLocalDate, parseLocalDate, parseLocalTime, wallOf } from "./dates";

/** True for names the runtime's time zone database knows, e.g. "Asia/Kolkata". */
export function isValidTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone.")
  .refine(isValidTimeZone, "Choose a time zone from the list (for example America/New_York).");

/** The IANA zones offered in pickers, with UTC first. */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

// ---------------------------------------------------------------------------------------------
// Instants ↔ wall time. Zone lookups cost ~10 µs each, so hot loops (slots.ts) hold the zone
// object and call offsetMs / resolveWall / transitionDay directly.

export type Zone = IANAZone;

const zoneCache = new Map<string, IANAZone>();

/** The zone by name; throws RangeError for a name the time zone database doesn't know. */
export function zoneOf(name: string): Zone {
  let zone = zoneCache.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new RangeError(`Unknown time zone: ${name}`);
    zoneCache.set(name, zone);
  }
  return zone;
}

/** The zone's UTC offset at an instant, in milliseconds. */
export function offsetMs(zone: Zone, instantMs: number): number {
  return zone.offset(instantMs) * MINUTE_MS;
}

export interface WallInstant {
  ms: number;
  /** False when the wall time falls in a spring-forward gap; `ms` is then the instant the gap ends. */
  exists: boolean;
}

/** Every instant whose local wall time is `wallMs`, earliest first: none in a gap, two when the clock falls back. */
function instantsOfWall(zone: Zone, wallMs: number): number[] {
  const before = offsetMs(zone, wallMs - DAY_MS);
  const after = offsetMs(zone, wallMs + DAY_MS);
  const out: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    const t = wallMs - o;
    if (offsetMs(zone, t) === o && !out.includes(t)) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/**
 * The first instant whose local wall time is `wallMs` (the earlier one when the clock falls back;
 * luxon's own fromObject picks the later one in some zones, so we resolve it ourselves). When
 * the wall time doesn't exist, the instant the clock jumps past it.
 */
export function resolveWall(zone: Zone, wallMs: number): WallInstant {
  const [first] = instantsOfWall(zone, wallMs);
  if (first !== undefined) return { ms: first, exists: true };
  // In a gap: offsets jump from `before` to `after`; find the transition to the minute.
  const before = offsetMs(zone, wallMs - DAY_MS);
  const after = offsetMs(zone, wallMs + DAY_MS);
  let lo = wallMs - Math.max(before, after);
  let hi = wallMs - Math.min(before, after);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMs(zone, mid) === offsetMs(zone, lo)) lo = mid;
    else hi = mid;
  }
  return { ms: hi, exists: false };
}

/**
 * Wall → instant for a local day that holds an offset change: the change is located once (to the
 * minute), then each conversion is arithmetic with the same rules as resolveWall (first
 * occurrence when the clock falls back; "doesn't exist" in a spring-forward gap).
 */
export function transitionDay(zone: Zone, dayWall: number): (wall: number) => WallInstant {
  // Offsets lie within −12 h … +14 h, so these instants bracket every moment of the local day.
  let lo = dayWall - 15 * HOUR_MS;
  let hi = dayWall + DAY_MS + 13 * HOUR_MS;
  const before = offsetMs(zone, lo);
  const after = offsetMs(zone, hi);
  if (before === after) return (wall) => resolveWall(zone, wall); // two changes in one day: never in practice
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMs(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  const change = hi;
  return (wall) => {
    const early = wall - before;
    if (early < change) return { ms: early, exists: true };
    const late = wall - after;
    if (late >= change) return { ms: late, exists: true };
    return { ms: change, exists: false };
  };
}

/** Midnight wall timestamp of the local date that `instant` falls on in `zone`. */
export function localDayWall(zone: Zone, instantMs: number): number {
  const wall = instantMs + offsetMs(zone, instantMs);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/** "YYYY-MM-DD" of an instant in an IANA zone; with now(), today. */
export function localDateOf(instant: Date, timeZone: string): string {
  return formatLocalDate(localDayWall(zoneOf(timeZone), instant.getTime()));
}

/** Wall-clock minutes since local midnight of an instant in `timeZone` (0–1439). */
export function localMinutesOf(instant: Date, timeZone: string): number {
  const zone = zoneOf(timeZone);
  const t = instant.getTime();
  return Math.floor((t + offsetMs(zone, t) - localDayWall(zone, t)) / MINUTE_MS);
}

/** The instant a local date begins in `timeZone` (its first moment, even when midnight is skipped). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  return new Date(resolveWall(zoneOf(timeZone), wallOf(date)).ms);
}

/** [start of `startDate`, start of the day after `endDate`) in `timeZone`: for "dates in the booker's zone" queries. */
export function rangeForLocalDates(startDate: string, endDate: string, timeZone: string): { from: Date; to: Date } {
  const end = wallOf(endDate);
  return { from: startOfLocalDate(startDate, timeZone), to: startOfLocalDate(formatLocalDate(end + DAY_MS), timeZone) };
}

export type LocalInstant =
  | { ok: true; instant: Date }
  /** `skipped`: the clock jumps over that time on that date (spring forward). */
  | { ok: false; reason: "invalid" | "skipped" };

/**
 * The instant a local date and "HH:mm" clock time name in `timeZone`. When the clock falls back
 * and the time happens twice, `earliest` picks the first occurrence and `latest` the second (a
 * block then covers every moment the coach typed). "24:00" is midnight at the end of the date.
 */
export function localToInstant(date: string, time: string, timeZone: string, pick: "earliest" | "latest" = "earliest"): LocalInstant {
  const day = parseLocalDate(date);
  const minutes = parseLocalTime(time);
  if (day === null || minutes === null || !isValidTimeZone(timeZone)) return { ok: false, reason: "invalid" };
  const instants = instantsOfWall(zoneOf(timeZone), day + minutes * MINUTE_MS);
  const chosen = pick === "earliest" ? instants[0] : instants.at(-1);
  return chosen === undefined ? { ok: false, reason: "skipped" } : { ok: true, instant: new Date(chosen) };
}
