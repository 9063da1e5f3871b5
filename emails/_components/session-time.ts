import { canonicalZone } from "@/lib/time/zones";
import { formatDayLong, formatDayShort, formatTime, zoneAbbreviation, zoneName } from "@/lib/time/format";

/**
 * Session times as the booking emails write them, always on the recipient's
 * clock: the zone is passed in (from the outbox row), never taken from the
 * server. Built from src/lib/time/format.ts; what is particular to email is
 * the plain spaces and naming the zone's abbreviation next to each time.
 */

// ICU writes a narrow no-break space before AM/PM and thin spaces around
// range dashes. Some mail fonts have no glyph for them, and people search
// their inbox for "10:00 AM" with an ordinary space.
const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

const clock = (iso: string, timeZone: string) => plainSpaces(formatTime(iso, timeZone));
const abbreviation = (iso: string, timeZone: string) => plainSpaces(zoneAbbreviation(timeZone, iso));

/** "10:00 AM PST". */
export const formatClockWithZone = (iso: string, timeZone: string) => `${clock(iso, timeZone)} ${abbreviation(iso, timeZone)}`;

/** "Pacific Time — America/Los_Angeles": the name people know, and the exact zone. */
export function zoneLine(timeZone: string, iso: string): string {
  return `${zoneName(timeZone, new Date(iso))} — ${canonicalZone(timeZone)}`;
}

/**
 * "10:00 AM – 11:00 AM PST". A session that ends on the next day names that
 * day; one that spans a clock change names both zone abbreviations.
 */
export function formatSessionTimes(startIso: string, endIso: string, timeZone: string): string {
  const startZone = abbreviation(startIso, timeZone);
  const endZone = abbreviation(endIso, timeZone);
  const endDay = formatDayLong(endIso, timeZone) === formatDayLong(startIso, timeZone) ? "" : `${formatDayShort(endIso, timeZone)}, `;
  const start = clock(startIso, timeZone) + (startZone === endZone ? "" : ` ${startZone}`);
  return `${start} – ${endDay}${clock(endIso, timeZone)} ${endZone}`;
}

/** "Fri, Jan 8, 10:00 AM PST": short enough for a subject line. */
export function formatShort(iso: string, timeZone: string): string {
  return `${formatDayShort(iso, timeZone)}, ${formatClockWithZone(iso, timeZone)}`;
}

/** "Friday, January 8, 2027, 10:00 AM PST": a single instant (the old time of a moved session). */
export function formatDayAndClock(iso: string, timeZone: string): string {
  return `${formatDayLong(iso, timeZone)}, ${formatClockWithZone(iso, timeZone)}`;
}
