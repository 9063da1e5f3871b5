import "server-only";
import { createEvents, type EventAttributes } from "ics";

/**
 * iCalendar output, via the `ics` package (it folds lines, escapes text and
 * formats dates per RFC 5545, which is easy to get subtly wrong by hand).
 * Times are written in UTC; every calendar shows them in its own zone.
 */
export type InviteEvent = {
  method: "REQUEST" | "CANCEL";
  uid: string;
  sequence: number;
  /**
   * DTSTAMP: when this version of the event was made (the booking's last
   * change). Fixed rather than "now", so re-rendering one outbox message
   * yields the same bytes, which a retried send with the same idempotency
   * key requires.
   */
  stampIso?: string;
  startIso: string;
  endIso: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
};

const PRODUCT_ID = "-//Tend//Practice manager//EN";

function toEventAttributes(event: InviteEvent): EventAttributes {
  return {
    uid: event.uid,
    sequence: event.sequence,
    start: Date.parse(event.startIso),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(event.endIso),
    endInputType: "utc",
    endOutputType: "utc",
    title: event.summary,
    description: event.description,
    ...(event.location ? { location: event.location } : {}),
    ...(event.url ? { url: event.url } : {}),
    status: event.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    organizer: { name: event.organizer.name, email: event.organizer.email },
    attendees: event.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      rsvp: false,
      partstat: "ACCEPTED" as const,
      role: "REQ-PARTICIPANT" as const,
    })),
    productId: PRODUCT_ID,
    // Supported by `ics` (DTSTAMP) though missing from its type definitions.
    ...(event.stampIso ? ({ timestamp: Date.parse(event.stampIso) } as object) : {}),
  };
}

function serialize(events: EventAttributes[], header: { method?: string; calName?: string }) {
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, ...header });
  if (error || !value) throw error ?? new Error("Could not build the calendar file.");
  return value;
}

/** One invite (METHOD:REQUEST) or cancellation (METHOD:CANCEL), for an email attachment or a download. */
export function buildInvite(event: InviteEvent): string {
  return serialize([toEventAttributes(event)], { method: event.method });
}

/** The coach's subscribable feed: many events, no METHOD (it's a published calendar, not a message). */
export function buildCalendarFeed(calName: string, events: InviteEvent[]): string {
  if (!events.length) {
    // `ics` refuses an empty list; an empty calendar is still a valid feed.
    return ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODUCT_ID}`, `X-WR-CALNAME:${calName}`, "END:VCALENDAR", ""].join("\r\n");
  }
  return serialize(events.map(toEventAttributes), { calName });
}

/** "Add to Google Calendar" link for a session. */
export function googleCalendarUrl(event: Pick<InviteEvent, "startIso" | "endIso" | "summary" | "description" | "location">): string {
  const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: event.summary,
    dates: `${stamp(event.startIso)}/${stamp(event.endIso)}`,
    details: event.description,
  });
  if (event.location) params.set("location", event.location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
