// How Tend writes dates, times and zones for people: always in an explicit IANA zone (the reader's
// or the practice's), never the process's. Instants may be Dates or ISO strings. Intl only, so
// the browser can run it without the zone engine.
import { canonicalZone } from "./zones";

const LOCALE = "en-US";

type Instant = Date | string;

const toDate = (instant: Instant) => (typeof instant === "string" ? new Date(instant) : instant);

/** A wall date ("YYYY-MM-DD") as a Date to format in UTC. */
const wallDate = (date: string) => new Date(`${date}T00:00:00Z`);

function format(instant: Instant, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, ...options }).format(toDate(instant));
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: "long", month: "long", day: "numeric", year: "numeric" };
const SHORT_DAY: Intl.DateTimeFormatOptions = { weekday: "short", month: "short", day: "numeric" };

// ---------------------------------------------------------------------------------------------
// Instants, in a zone.

/** "9:30 AM". */
export const formatTime = (instant: Instant, timeZone: string) => format(instant, timeZone, CLOCK);

/** "10:00 – 11:00 AM" (Intl joins the two sensibly). */
export function formatTimeRange(start: Instant, end: Instant, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, ...CLOCK }).formatRange(toDate(start), toDate(end));
}

/** "Thursday, March 5, 2026". */
export const formatDayLong = (instant: Instant, timeZone: string) => format(instant, timeZone, LONG_DAY);

/** "Thu, Mar 5". */
export const formatDayShort = (instant: Instant, timeZone: string) => format(instant, timeZone, SHORT_DAY);

/** "Thursday, March 5, 2026 at 10:00 AM": one line for confirmations, buttons and records. */
export const formatWhen = (instant: Instant, timeZone: string) => `${formatDayLong(instant, timeZone)} at ${formatTime(instant, timeZone)}`;

/** "Wednesday, November 25", with the year only when it isn't the year of `now`. */
export function formatDayInList(instant: Instant, timeZone: string, now: Instant): string {
  const sameYear = format(instant, timeZone, { year: "numeric" }) === format(now, timeZone, { year: "numeric" });
  return format(instant, timeZone, { weekday: "long", month: "long", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) });
}

// ---------------------------------------------------------------------------------------------
// Wall dates ("YYYY-MM-DD", "YYYY-MM") and wall-clock minutes: no zone, they are already local.

/** "Monday, March 9, 2026"; without the year, "Monday, March 9". */
export function formatLongDate(date: string, { year = true } = {}): string {
  return format(wallDate(date), "UTC", year ? LONG_DAY : { weekday: "long", month: "long", day: "numeric" });
}

/** "March 2026" for "2026-03". */
export const formatMonth = (month: string) => format(wallDate(`${month}-01`), "UTC", { month: "long", year: "numeric" });

/** "Mon", "9" and "Mar" for a date, for the week grid's column headings. */
export function formatDayParts(date: string): { weekday: string; day: string; month: string } {
  const d = wallDate(date);
  return { weekday: format(d, "UTC", { weekday: "short" }), day: format(d, "UTC", { day: "numeric" }), month: format(d, "UTC", { month: "short" }) };
}

/** "March 9 – 15, 2026", "March 30 – April 5, 2026", "Dec 28, 2026 – Jan 3, 2027". */
export function formatDateRange(first: string, last: string): string {
  const a = wallDate(first);
  const b = wallDate(last);
  if (first.slice(0, 4) !== last.slice(0, 4)) {
    const withYear = { month: "short", day: "numeric", year: "numeric" } as const;
    return `${format(a, "UTC", withYear)} – ${format(b, "UTC", withYear)}`;
  }
  const start = format(a, "UTC", { month: "long", day: "numeric" });
  if (first.slice(0, 7) !== last.slice(0, 7)) return `${start} – ${format(b, "UTC", { month: "long", day: "numeric", year: "numeric" })}`;
  return `${start} – ${Number(last.slice(8))}, ${last.slice(0, 4)}`;
}

/** "9 AM", "12 PM" for the week grid's hour labels. */
export function formatHour(hour: number): string {
  const h = hour % 24;
  return `${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? "AM" : "PM"}`;
}

/** Minutes since local midnight as "9:00 AM"; 1440 is "midnight" (the end of the day). */
export function formatClock(minute: number): string {
  if (minute === 24 * 60) return "midnight";
  const h = Math.floor(minute / 60) % 24;
  const m = minute % 60;
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

/** 540–1020 as "9:00 AM – 5:00 PM". */
export const formatClockRange = (startMinute: number, endMinute: number) => `${formatClock(startMinute)} – ${formatClock(endMinute)}`;

/** "60 min", "90 min", "2 h", "2 h 15 min". */
export function formatDuration(minutes: number): string {
  // Coaches talk about "90-minute sessions"; hours read better only beyond two.
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** "1 hour", "12 hours"; with `days`, whole days from two on: "2 days". */
export function formatHours(hours: number, { days = false } = {}): string {
  if (days && hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

// ---------------------------------------------------------------------------------------------
// Zones.

/** "America/Los_Angeles" → "America/Los Angeles", for pickers and labels; old names as today's ("Asia/Calcutta" → "Asia/Kolkata"). */
export const timeZoneLabel = (zone: string) => canonicalZone(zone).replaceAll("_", " ");

function zonePart(timeZone: string, at: Date, timeZoneName: "longGeneric" | "shortOffset" | "short"): string {
  try {
    return new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/** The zone's everyday name ("Pacific Time"), or "" when the runtime only knows an offset for it. */
function genericName(timeZone: string, at: Date): string {
  const name = zonePart(timeZone, at, "longGeneric");
  return name.startsWith("GMT") ? "" : name;
}

const isUtc = (timeZone: string) => canonicalZone(timeZone) === "UTC";

/** "New York" for America/New_York, "Buenos Aires" for America/Argentina/Buenos_Aires, "Kolkata" for Asia/Calcutta (old names read as today's). */
export function zoneCity(timeZone: string): string {
  if (isUtc(timeZone)) return "UTC";
  const zone = canonicalZone(timeZone);
  return (zone.split("/").at(-1) ?? zone).replaceAll("_", " ");
}

/** "GMT-5", "GMT+5:30". */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  return zonePart(timeZone, at, "shortOffset") || "GMT";
}

/** "PST", "PDT", "GMT+5:30": the zone's short name at that instant (so it tells summer from winter time). */
export function zoneAbbreviation(timeZone: string, at: Instant): string {
  return zonePart(timeZone, toDate(at), "short") || timeZone;
}

/** "Eastern Time", "India Standard Time"; zones without a name read as their offset ("GMT+3"). */
export function zoneName(timeZone: string, at: Date = new Date()): string {
  if (isUtc(timeZone)) return "Coordinated Universal Time";
  return genericName(timeZone, at) || zonePart(timeZone, at, "shortOffset") || timeZone;
}

/** "Eastern Time (New York)": what a client recognises, with the city that disambiguates. */
export function describeZone(timeZone: string, at: Date = new Date()): string {
  const city = zoneCity(timeZone);
  return city === "UTC" ? "UTC" : `${zoneName(timeZone, at)} (${city})`;
}

/** "Pacific Time (America/Los Angeles)": what a coach recognises, plus the exact zone; just the zone when it has no name. */
export function zoneNameWithId(timeZone: string, at: Date): string {
  const name = genericName(timeZone, at);
  return name && name !== timeZone ? `${name} (${timeZoneLabel(timeZone)})` : timeZoneLabel(timeZone);
}

/** Whether two zones show the same clock time at this instant (then one line is enough). */
export function sameClock(a: string, b: string, at: Date): boolean {
  return a === b || zoneOffset(a, at) === zoneOffset(b, at);
}
