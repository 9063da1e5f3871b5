import { zoneName } from "@/components/booking/format";

/**
 * Session times as the booking emails write them, always on the recipient's
 * clock: the zone is passed in (from the outbox row), never taken from the
 * server. Pure, so tests and the preview server can call it directly.
 */

const LOCALE = "en-US";

// ICU writes a narrow no-break space before AM/PM and thin spaces around
// range dashes. Some mail fonts have no glyph for them, and people search
// their inbox for "10:00 AM" with an ordinary space.
const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

function format(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return plainSpaces(new Intl.DateTimeFormat(LOCALE, { timeZone, ...options }).format(new Date(iso)));
}

/** "Friday, January 8, 2027". */
export const formatDay = (iso: string, timeZone: string) =>
  format(iso, timeZone, { weekday: "long", month: "long", day: "numeric", year: "numeric" });

/** "Fri, Jan 8". */
export const formatDayShort = (iso: string, timeZone: string) => format(iso, timeZone, { weekday: "short", month: "short", day: "numeric" });

/** "10:00 AM". */
export const formatClock = (iso: string, timeZone: string) => format(iso, timeZone, { hour: "numeric", minute: "2-digit" });

/** "PST", "PDT", "GMT+5:30": the zone's short name at that instant (so it tells summer from winter time). */
export function zoneAbbreviation(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: "short" }).formatToParts(new Date(iso));
  return plainSpaces(parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone);
}

/** "Pacific Time — America/Los_Angeles": the name people know, and the exact zone. */
export function describeZone(timeZone: string, iso: string): string {
  return `${zoneName(timeZone, new Date(iso))} — ${timeZone}`;
}

/**
 * "10:00 AM – 11:00 AM PST". A session that ends on the next day names that
 * day; one that spans a clock change names both zone abbreviations.
 */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string): string {
  const startZone = zoneAbbreviation(startIso, timeZone);
  const endZone = zoneAbbreviation(endIso, timeZone);
  const endDay = formatDay(endIso, timeZone) === formatDay(startIso, timeZone) ? "" : `${formatDayShort(endIso, timeZone)}, `;
  const start = formatClock(startIso, timeZone) + (startZone === endZone ? "" : ` ${startZone}`);
  return `${start} – ${endDay}${formatClock(endIso, timeZone)} ${endZone}`;
}

/** "Friday, January 8, 2027, 10:00 AM – 11:00 AM PST (Pacific Time — America/Los_Angeles)". */
export function formatSession(startIso: string, endIso: string, timeZone: string): string {
  return `${formatDay(startIso, timeZone)}, ${formatTimeRange(startIso, endIso, timeZone)} (${describeZone(timeZone, startIso)})`;
}

/** "Fri, Jan 8, 10:00 AM PST": short enough for a subject line. */
export function formatShort(iso: string, timeZone: string): string {
  return `${formatDayShort(iso, timeZone)}, ${formatClock(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}`;
}

/** "Friday, January 8, 2027, 10:00 AM PST": a single instant (the old time of a moved session). */
export function formatInstant(iso: string, timeZone: string): string {
  return `${formatDay(iso, timeZone)}, ${formatClock(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}`;
}
