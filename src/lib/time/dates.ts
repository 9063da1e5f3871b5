// Calendar dates ("YYYY-MM-DD") and clock times ("HH:mm") with no zone attached: what a person
// types and reads. Arithmetic runs on "wall" timestamps (the date's midnight as if it were UTC),
// so nothing here depends on the process's TZ.

/** ISO weekday, as the database stores it: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAYS: readonly { weekday: Weekday; label: string; short: string }[] = [
  { weekday: 1, label: "Monday", short: "Mon" },
  { weekday: 2, label: "Tuesday", short: "Tue" },
  { weekday: 3, label: "Wednesday", short: "Wed" },
  { weekday: 4, label: "Thursday", short: "Thu" },
  { weekday: 5, label: "Friday", short: "Fri" },
  { weekday: 6, label: "Saturday", short: "Sat" },
  { weekday: 7, label: "Sunday", short: "Sun" },
];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 24 * 60;

/** "HH:mm" in 24-hour time, 00:00–23:59. */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** "YYYY-MM-DD". */
export const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since local midnight for "HH:mm" ("24:00" → 1440), or null when malformed. */
export function parseLocalTime(value: string): number | null {
  if (value === "24:00") return MINUTES_PER_DAY;
  const m = LOCAL_TIME_PATTERN.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** "HH:mm" for minutes since local midnight (1440 → "24:00"). */
export function formatLocalTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/**
 * Epoch milliseconds of the date's midnight *as if it were UTC* (a "wall" timestamp), or null
 * when the string is not a real calendar date. Wall timestamps let us do calendar arithmetic
 * without ever touching the process's TZ.
 */
export function parseLocalDate(value: string): number | null {
  const m = LOCAL_DATE_PATTERN.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

/** "YYYY-MM-DD" of a wall timestamp (see parseLocalDate). */
export function formatLocalDate(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

/** The wall timestamp of a date that must be real (dates from our own code or already validated). */
export function wallOf(date: string): number {
  const wall = parseLocalDate(date);
  if (wall === null) throw new RangeError(`Not a date: ${date}`);
  return wall;
}

/** `date` moved by whole calendar days (DST doesn't matter: these are dates, not instants). */
export function addDays(date: string, days: number): string {
  return formatLocalDate(wallOf(date) + days * DAY_MS);
}

/** The ISO weekday of a wall timestamp. */
export function weekdayOfWall(wallMs: number): Weekday {
  return (new Date(wallMs).getUTCDay() || 7) as Weekday;
}

/** The ISO weekday of a date: Monday = 1 … Sunday = 7. */
export function weekdayOf(date: string): Weekday {
  return weekdayOfWall(wallOf(date));
}

/** The Monday that begins the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** "YYYY-MM" of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** A "YYYY-MM" month moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return formatLocalDate(Date.UTC(y, m - 1 + months, 1)).slice(0, 7);
}

/** The last date of a "YYYY-MM" month. */
export function lastDayOfMonth(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}
