// How the calendar writes times and dates: always in an explicit zone (the practice's unless
// said otherwise), never the server's.
import { DateTime } from "luxon";
import { timeZoneLabel } from "@/lib/format";

const LOCALE = "en-US";

/** "9:00 AM". */
export function formatTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: "numeric", minute: "2-digit" }).format(instant);
}

/** "9:00 – 10:00 AM" style range (Intl joins them sensibly). */
export function formatTimeRange(start: Date, end: Date, zone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: "numeric", minute: "2-digit" }).formatRange(start, end);
}

/** "Monday, March 9, 2026" for a local date. */
export function formatLongDate(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale(LOCALE).toFormat("cccc, LLLL d, yyyy");
}

/** "Mon" and "9" for a local date, for the week grid's column headings. */
export function formatDayParts(date: string): { weekday: string; day: string; month: string } {
  const d = DateTime.fromISO(date, { zone: "UTC" }).setLocale(LOCALE);
  return { weekday: d.toFormat("ccc"), day: d.toFormat("d"), month: d.toFormat("LLL") };
}

/** "March 9 – 15, 2026", "March 30 – April 5, 2026", "Dec 28, 2026 – Jan 3, 2027". */
export function formatDateRange(first: string, last: string): string {
  const a = DateTime.fromISO(first, { zone: "UTC" }).setLocale(LOCALE);
  const b = DateTime.fromISO(last, { zone: "UTC" }).setLocale(LOCALE);
  if (a.year !== b.year) return `${a.toFormat("LLL d, yyyy")} – ${b.toFormat("LLL d, yyyy")}`;
  if (a.month !== b.month) return `${a.toFormat("LLLL d")} – ${b.toFormat("LLLL d, yyyy")}`;
  return `${a.toFormat("LLLL d")} – ${b.toFormat("d, yyyy")}`;
}

/** "Monday, March 9 at 9:00 AM" for an instant in `zone`. */
export function formatWhen(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    timeZone: zone,
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(instant);
}

/** "Pacific Time (America/Los Angeles)": what a coach recognises, plus the exact zone. */
export function zoneName(zone: string, at: Date = new Date(0)): string {
  let generic: string | undefined;
  try {
    generic = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: "longGeneric" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
  } catch {
    generic = undefined;
  }
  const label = timeZoneLabel(zone);
  return generic && !generic.startsWith("GMT") && generic !== zone ? `${generic} (${label})` : label;
}

/** "9 AM", "12 PM" for the grid's hour labels. */
export function formatHour(hour: number): string {
  const h = hour % 24;
  const suffix = h < 12 ? "AM" : "PM";
  return `${h % 12 === 0 ? 12 : h % 12} ${suffix}`;
}

/** "09:00"–"17:00" as "9:00 AM – 5:00 PM". */
export function formatClockRange(startMinute: number, endMinute: number): string {
  return `${formatClock(startMinute)} – ${formatClock(endMinute)}`;
}

export function formatClock(minute: number): string {
  const h = Math.floor(minute / 60) % 24;
  const m = minute % 60;
  if (minute === 24 * 60) return "midnight";
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}
