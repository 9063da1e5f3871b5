// IANA time zones: which names are valid, and the maths between instants and local wall time.
// Wall times are "wall" timestamps (see dates.ts): a local date-time encoded as if it were UTC.
// Never reads the process's TZ, so the server, the browser and every test agree.
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

/**
 * Old names the runtime may still report or list (ICU follows CLDR, which kept "Asia/Calcutta"
 * and "Europe/Kiev" as its ids; Node answers Asia/Calcutta even when asked for Asia/Kolkata),
 * with the name the IANA database uses today. Zones merged into another (Uzhgorod into Kyiv,
 * Nipigon into Toronto) point at the zone that keeps their clock.
 */
const CANONICAL: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Asia/Thimbu": "Asia/Thimphu",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Macao": "Asia/Macau",
  "Asia/Ashkhabad": "Asia/Ashgabat",
  "Europe/Kiev": "Europe/Kyiv",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "America/Godthab": "America/Nuuk",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Nipigon": "America/Toronto",
  "America/Thunder_Bay": "America/Toronto",
  "America/Rainy_River": "America/Winnipeg",
  "America/Yellowknife": "America/Edmonton",
  "America/Pangnirtung": "America/Iqaluit",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Africa/Asmera": "Africa/Asmara",
  "Australia/Currie": "Australia/Hobart",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Johnston": "Pacific/Honolulu",
  "Etc/UTC": "UTC",
  "Etc/UCT": "UTC",
  "Etc/GMT": "UTC",
  "Etc/Universal": "UTC",
  "Etc/Zulu": "UTC",
  UCT: "UTC",
  Universal: "UTC",
  Zulu: "UTC",
};

/** The IANA database's current name for a zone: "Asia/Calcutta" → "Asia/Kolkata", "Europe/Kiev" → "Europe/Kyiv"; others unchanged. */
export function canonicalZone(name: string): string {
  const modern = CANONICAL[name];
  return modern && isValidTimeZone(modern) ? modern : name;
}

/** The IANA zones offered in pickers, under their current names, with UTC first. */
export function listTimeZones(): string[] {
  const zones = [...new Set(Intl.supportedValuesOf("timeZone").map(canonicalZone))].sort();
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

// ---------------------------------------------------------------------------------------------
// Instants ↔ wall time. Zone lookups cost ~10 µs each, so hot loops (slots.ts) hold the zone
// object and call offsetMs / resolveWall / transitionDay directly.

/** An IANA zone, ready for offset lookups (one Intl formatter, made once). */
export type Zone = { name: string; parts: Intl.DateTimeFormat };

const zoneCache = new Map<string, Zone>();

/** The zone by name; throws RangeError for a name the time zone database doesn't know. */
export function zoneOf(name: string): Zone {
  let zone = zoneCache.get(name);
  if (!zone) {
    if (!isValidTimeZone(name)) throw new RangeError(`Unknown time zone: ${name}`);
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    zone = { name, parts };
    zoneCache.set(name, zone);
  }
  return zone;
}

/**
 * The zone's UTC offset at an instant, in milliseconds: the zone's wall clock at that instant,
 * read back as if it were UTC, minus the instant. Intl is the time zone database here, in the
 * browser and on the server alike (the same method luxon uses; tests/unit/time.test.ts checks the
 * two agree), so the browser needs no date library for it.
 */
export function offsetMs(zone: Zone, instantMs: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeChrist = false;
  for (const part of zone.parts.formatToParts(instantMs)) {
    const value = Number(part.value);
    if (part.type === "year") year = value;
    else if (part.type === "month") month = value;
    else if (part.type === "day") day = value;
    else if (part.type === "hour") hour = value % 24; // some engines still write midnight as 24
    else if (part.type === "minute") minute = value;
    else if (part.type === "second") second = value;
    else if (part.type === "era") beforeChrist = part.value === "BC";
  }
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  wall.setUTCFullYear(beforeChrist ? 1 - year : year); // Date.UTC would read years 0–99 as 1900–1999
  const wholeSeconds = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wall.getTime() - wholeSeconds;
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
