import "server-only";
import { env } from "@/lib/env";
import type { bookings, offerings, practices } from "@/server/db/schema";
import { locationLine, meetingPlaceOf } from "@/lib/scheduling/meeting-place";
import { isCanceled } from "@/lib/scheduling/status";
import type { InviteEvent } from "./ics";
import { manageUrlFor, type LinkRecipient } from "./manage-token";

type Details = {
  booking: typeof bookings.$inferSelect;
  practice: typeof practices.$inferSelect;
  offering: typeof offerings.$inferSelect;
};

/** Who an invite is for: the booker or partner (their own manage link), or the coach (the session in the dashboard). */
export type InviteAudience = LinkRecipient | "coach";

/** The session on the coach's calendar (the calendar page redirects ?booking= to the session page). */
export function coachSessionUrl(bookingId: string): string {
  return new URL(`/coach/calendar?booking=${bookingId}`, env().APP_URL).toString();
}

/** The people attending, as the booker gave them (never the coach's client records). */
function attendeesOf(booking: Details["booking"]): InviteEvent["attendees"] {
  const attendees = [{ name: booking.bookerName, email: booking.bookerEmail }];
  if (booking.partnerName && booking.partnerEmail) attendees.push({ name: booking.partnerName, email: booking.partnerEmail });
  return attendees;
}

/**
 * The calendar event of one booking, as every invite describes it (emails,
 * the confirmation page's download): one UID per booking, and the booking's
 * sequence, so a calendar that imported it once updates it in place. The
 * link inside is the reader's own: a booker's or partner's manage link, or
 * for the coach the session in the dashboard. A canceled booking is a CANCEL
 * unless the caller says otherwise.
 *
 * Where it meets goes in LOCATION (the join link, the address, or the
 * number); a video call's join link is also the event's URL, which calendars
 * show as a button (the reader's own link then stays in the description).
 * A canceled session carries no join link.
 */
export function inviteEventFor(details: Details, audience: InviteAudience, method?: InviteEvent["method"]): InviteEvent {
  const { booking, practice, offering } = details;
  const link = audience === "coach" ? coachSessionUrl(booking.id) : manageUrlFor(booking, audience);
  const place = meetingPlaceOf(offering, booking);
  const joinUrl = place.kind === "video" ? (place.url ?? null) : null;
  const joinLine = joinUrl ? `Join the video call: ${joinUrl}\n` : "";
  const description =
    audience === "coach"
      ? `${offering.name} with ${booking.bookerName}${booking.partnerName ? ` and ${booking.partnerName}` : ""}.\n${joinLine}In Tend: ${link}`
      : `${offering.name} with ${practice.name}.\n${joinLine}Reschedule or cancel: ${link}`;
  return {
    method: method ?? (isCanceled(booking.status) ? "CANCEL" : "REQUEST"),
    uid: `${booking.id}@tend`,
    sequence: booking.sequence,
    stampIso: booking.updatedAt.toISOString(),
    startIso: booking.startsAt.toISOString(),
    endIso: booking.endsAt.toISOString(),
    summary: `${offering.name} · ${practice.name}`,
    description,
    location: locationLine(place),
    url: joinUrl ?? link,
    organizer: { name: practice.name, email: practice.contactEmail },
    attendees: attendeesOf(booking),
  };
}
