import "server-only";
import ical, { type VEvent } from "node-ical";
import { addDays } from "@/lib/time/dates";
import { isValidTimeZone, startOfLocalDate } from "@/lib/time/zones";
import type { Interval } from "@/lib/scheduling/slots";

/** A feed the parser can't read: the message is shown to the coach as it is. */
export class FeedParseError extends Error {}

const pad = (n: number) => String(n).padStart(2, "0");
/** node-ical builds a date-only value at local midnight of the process's zone; read it back the same way. */
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** An all-day event blocks its whole days, from midnight in the event's zone (or the coach's) to midnight after. */
function wholeDays(start: Date & { tz?: string }, end: Date, fallbackZone: string): Interval {
  const zone = start.tz && isValidTimeZone(start.tz) ? start.tz : fallbackZone;
  const first = localDate(start);
  const last = localDate(end);
  // DTEND of an all-day event is the day after its last day; a missing or equal end means one day.
  return { start: startOfLocalDate(first, zone), end: startOfLocalDate(last > first ? last : addDays(first, 1), zone) };
}

function blocks(event: Pick<VEvent, "transparency" | "status">): boolean {
  return event.transparency !== "TRANSPARENT" && event.status !== "CANCELLED";
}

/**
 * The busy times in an iCalendar text over [from, to): recurring events expanded (RRULE,
 * EXDATE, RECURRENCE-ID overrides, each in its own zone), transparent ("free") and cancelled
 * events left out, all-day events as whole days in the event's zone or `timeZone`. Sorted.
 * Throws FeedParseError when the text is not a calendar.
 */
export function busyIntervals(text: string, range: { from: Date; to: Date }, timeZone: string): Interval[] {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw new FeedParseError("This address did not return an iCalendar file (it should start with BEGIN:VCALENDAR).");
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(text);
  } catch (error) {
    throw new FeedParseError(`The calendar could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const out: Interval[] = [];
  for (const component of Object.values(parsed)) {
    if (component?.type !== "VEVENT") continue;
    const event = component as VEvent;
    if (!(event.start instanceof Date) || Number.isNaN(event.start.getTime())) continue;
    let instances: ReturnType<typeof ical.expandRecurringEvent>;
    try {
      instances = ical.expandRecurringEvent(event, { from: range.from, to: range.to, expandOngoing: true });
    } catch (error) {
      throw new FeedParseError(`An event could not be expanded: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const instance of instances) {
      if (!blocks(instance.event)) continue;
      const span = instance.isFullDay
        ? wholeDays(instance.start, instance.end, timeZone)
        : { start: new Date(instance.start.getTime()), end: new Date(instance.end.getTime()) };
      if (span.end > span.start && span.end > range.from && span.start < range.to) out.push(span);
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}
