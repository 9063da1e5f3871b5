// Pure formatting for the booking screens (server and client render the same words).
import type { PolicySnapshot } from "@/lib/scheduling/policy";

const LOCALE = "en-US";

function part(timeZone: string, at: Date, timeZoneName: "longGeneric" | "shortOffset"): string {
  try {
    return new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

// Browsers still list some zones under their old names (CLDR keeps them as canonical ids);
// people look for the city's name today.
const MODERN_CITY: Record<string, string> = {
  "Asia/Calcutta": "Kolkata",
  "Asia/Katmandu": "Kathmandu",
  "Asia/Saigon": "Ho Chi Minh City",
  "Asia/Rangoon": "Yangon",
  "Europe/Kiev": "Kyiv",
  "America/Godthab": "Nuuk",
  "Atlantic/Faeroe": "Faroe Islands",
  "Pacific/Truk": "Chuuk",
  "Pacific/Ponape": "Pohnpei",
  "Pacific/Enderbury": "Kanton",
};

/** "New York" for America/New_York, "Buenos Aires" for America/Argentina/Buenos_Aires, "Kolkata" for Asia/Calcutta. */
export function zoneCity(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  return MODERN_CITY[timeZone] ?? (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

/** "Eastern Time", "India Standard Time"; zones without a name read as their offset ("GMT+3"). */
export function zoneName(timeZone: string, at: Date = new Date()): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "Coordinated Universal Time";
  const name = part(timeZone, at, "longGeneric");
  return name && !name.startsWith("GMT") ? name : part(timeZone, at, "shortOffset") || timeZone;
}

/** "GMT-5", "GMT+5:30". */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  return part(timeZone, at, "shortOffset") || "GMT";
}

/** "Eastern Time (New York)": what a person recognises, with the city that disambiguates. */
export function describeZone(timeZone: string, at: Date = new Date()): string {
  const city = zoneCity(timeZone);
  const name = zoneName(timeZone, at);
  return city === "UTC" ? "UTC" : `${name} (${city})`;
}

/** Whether two zones show the same clock time at this instant (then one line is enough). */
export function sameClock(a: string, b: string, at: Date): boolean {
  return a === b || zoneOffset(a, at) === zoneOffset(b, at);
}

/** "Thursday, March 5, 2026" in the zone. */
export function formatDayLong(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(new Date(iso));
}

/** "Thu, Mar 5" in the zone. */
export function formatDayShort(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: "short", month: "short", day: "numeric" }).format(new Date(iso));
}

/** "9:30 AM" in the zone. */
export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

/** "10:00 – 11:00 AM" in the zone. */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, hour: "numeric", minute: "2-digit" }).formatRange(new Date(startIso), new Date(endIso));
}

/** "Thursday, March 5, 2026 at 10:00 AM": one line for confirmations and buttons. */
export function formatWhen(iso: string, timeZone: string): string {
  return `${formatDayLong(iso, timeZone)} at ${formatTime(iso, timeZone)}`;
}

function hoursText(hours: number): string {
  if (hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** The booking policy as a person would say it: "Free to cancel or reschedule up to 24 hours before." */
export function policySentence(policy: PolicySnapshot): string {
  const cancel = policy.cancellationWindowHours;
  const move = policy.rescheduleWindowHours;
  if (cancel === 0 && move === 0) return "Free to cancel or reschedule any time before the session.";
  if (cancel === move) return `Free to cancel or reschedule up to ${hoursText(cancel)} before.`;
  const cancelPart = cancel === 0 ? "Free to cancel any time before the session" : `Free to cancel up to ${hoursText(cancel)} before`;
  const movePart = move === 0 ? "reschedule online any time before it" : `reschedule online up to ${hoursText(move)} before`;
  return `${cancelPart}; ${movePart}.`;
}

/** The late-cancel warning, in the words shown before the person confirms. */
export function lateCancelWarning(policy: PolicySnapshot): string {
  return `Cancelling now counts as a late cancellation, because the session starts in less than ${hoursText(policy.cancellationWindowHours)}. Your coach may keep the session fee.`;
}

const toUtc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "March 2026". */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", month: "long", year: "numeric" }).format(toUtc(`${month}-01`));
}

/** "Thursday, March 5" for a wall date. */
export function formatDateKey(date: string, { year = false } = {}): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", weekday: "long", month: "long", day: "numeric", ...(year ? { year: "numeric" } : {}) }).format(
    toUtc(date),
  );
}

export type StatusTone = "brand" | "neutral" | "clay";

/** A session's state in a word or two, for badges (a confirmed session that has begun reads "Past"). */
export function statusLabel(status: string, startIso: string, nowIso: string): { label: string; tone: StatusTone } {
  switch (status) {
    case "confirmed":
      return new Date(startIso).getTime() > new Date(nowIso).getTime() ? { label: "Booked", tone: "brand" } : { label: "Past", tone: "neutral" };
    case "pending_payment":
      return { label: "Awaiting payment", tone: "clay" };
    case "canceled":
      return { label: "Canceled", tone: "neutral" };
    case "late_canceled":
      return { label: "Canceled late", tone: "clay" };
    case "completed":
      return { label: "Completed", tone: "neutral" };
    case "no_show":
      return { label: "Missed", tone: "clay" };
    default:
      return { label: status, tone: "neutral" };
  }
}

/** "Wednesday, November 25", with the year only when it isn't this year's (at `nowIso`). */
export function formatDayInList(iso: string, timeZone: string, nowIso: string): string {
  const year = new Intl.DateTimeFormat(LOCALE, { timeZone, year: "numeric" });
  const sameYear = year.format(new Date(iso)) === year.format(new Date(nowIso));
  return new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: "long", month: "long", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) }).format(
    new Date(iso),
  );
}
