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

// The `ics` package escapes TEXT values (backslash, comma, semicolon, and LF
// or CRLF as "\n") but passes a bare CR and other controls through, and it
// puts parameter values (a CN="name") in quotes with no escaping of line
// breaks at all, only a backslash before a quote, which RFC 5545 doesn't
// know. Input validation refuses such characters in names already; these two
// make sure nothing stored earlier, or by another path, can end a line of the
// file and start an event of its own.
const CONTROLS_BUT_TAB_AND_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** A TEXT value: line breaks become LF (which `ics` writes as "\n"); other controls go. */
const text = (value: string) => value.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(CONTROLS_BUT_TAB_AND_LF, "");
/**
 * A parameter value (CN) or an address: one line, no double quote (it would
 * end the quoted value), and no semicolon, which is legal inside quotes but
 * splits parameters in lenient parsers (node-ical among them).
 */
const param = (value: string) => value.replace(CONTROLS, " ").replace(/"/g, "'").replace(/;/g, ",").trim();

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
    title: text(event.summary),
    description: text(event.description),
    ...(event.location ? { location: text(event.location) } : {}),
    ...(event.url ? { url: event.url } : {}),
    status: event.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    organizer: { name: param(event.organizer.name), email: param(event.organizer.email) },
    attendees: event.attendees.map((a) => ({
      name: param(a.name),
      email: param(a.email),
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
    return ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODUCT_ID}`, `X-WR-CALNAME:${param(calName)}`, "END:VCALENDAR", ""].join("\r\n");
  }
  return serialize(events.map(toEventAttributes), { calName: param(calName) });
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
