import "server-only";
import { meetingPlaceOf } from "@/lib/scheduling/meeting-place";
import { canClientCancel, canClientReschedule } from "@/lib/scheduling/policy";
import type { SessionView } from "@/lib/scheduling/session-view";
import { now } from "@/server/clock";
import type { TokenBooking } from "./booking-by-token";
import { googleCalendarUrl } from "./ics";
import { inviteEventFor } from "./invite-event";
import { manageTokenFor, type LinkRecipient } from "./manage-token";

type SessionDetails = Pick<TokenBooking, "booking" | "practice" | "offering">;

/**
 * One session as its client sees it, with the policy's answers worked out now
 * (server clock, so the test clock applies). The manage-link page and the
 * portal's session page render it with their own actions; `recipient` is
 * whose link the invite download carries (the reader's own).
 */
export function sessionView(
  details: SessionDetails,
  options: { timeZone: string; recipient: LinkRecipient; done?: string | string[] },
): SessionView {
  const { booking, practice, offering } = details;
  const at = now();
  const policyBooking = { start: booking.startsAt, bookedAt: booking.createdAt, status: booking.status, policy: booking.policy };
  const token = manageTokenFor(booking, options.recipient);
  return {
    summary: {
      offeringName: offering.name,
      practiceName: practice.name,
      startIso: booking.startsAt.toISOString(),
      endIso: booking.endsAt.toISOString(),
      timeZone: options.timeZone,
      practiceTimeZone: practice.timeZone,
      place: meetingPlaceOf(offering, booking),
    },
    status: booking.status,
    nowIso: at.toISOString(),
    horizonDays: offering.horizonDays,
    contactEmail: practice.contactEmail,
    policy: booking.policy,
    cancel: canClientCancel(policyBooking, at, "client"),
    reschedule: canClientReschedule(policyBooking, at, "client"),
    calendar: {
      icsHref: `/api/bookings/${booking.id}/invite?token=${encodeURIComponent(token)}`,
      googleHref: googleCalendarUrl(inviteEventFor(details, options.recipient)),
    },
    bookAgainHref: offering.active ? `/book/${practice.slug}/${offering.slug}` : `/book/${practice.slug}`,
    done: options.done === "rescheduled" || options.done === "canceled" ? options.done : undefined,
  };
}
