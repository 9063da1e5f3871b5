import "server-only";
import type { ManageActions } from "@/components/booking/manage-session";
import type { SessionPageProps } from "@/components/booking/session-page";
import { now } from "@/server/clock";
import { googleCalendarUrl } from "@/server/scheduling/ics";
import { inviteEventFor } from "@/server/scheduling/invite-event";
import { manageTokenFor, type LinkRecipient } from "@/server/scheduling/manage-token";
import { canClientCancel, canClientReschedule } from "@/lib/scheduling/policy";
import type { TokenBooking } from "@/server/scheduling/booking-by-token";

type SessionDetails = Pick<TokenBooking, "booking" | "practice" | "offering">;

/**
 * Everything SessionPage needs about one booking, with the policy's answers
 * worked out now (server clock, so the test clock applies). Shared by the
 * manage-link page and the portal's session page; `recipient` is whose
 * link the invite download carries (the reader's own).
 */
export function sessionPageProps(
  details: SessionDetails,
  options: { timeZone: string; recipient: LinkRecipient; actions: ManageActions; link: Record<string, string>; done?: string | string[] },
): SessionPageProps {
  const { booking, practice, offering } = details;
  const at = now();
  const policyBooking = { start: booking.startsAt, status: booking.status, policy: booking.policy };
  const token = manageTokenFor(booking, options.recipient);
  return {
    summary: {
      offeringName: offering.name,
      practiceName: practice.name,
      startIso: booking.startsAt.toISOString(),
      endIso: booking.endsAt.toISOString(),
      timeZone: options.timeZone,
      practiceTimeZone: practice.timeZone,
      format: offering.format,
      location: offering.location,
    },
    status: booking.status,
    nowIso: at.toISOString(),
    horizonDays: offering.horizonDays,
    contactEmail: practice.contactEmail,
    policy: booking.policy,
    cancel: canClientCancel(policyBooking, at, "client"),
    reschedule: canClientReschedule(policyBooking, at, "client"),
    actions: options.actions,
    link: options.link,
    calendar: {
      icsHref: `/api/bookings/${booking.id}/invite?token=${encodeURIComponent(token)}`,
      googleHref: googleCalendarUrl(inviteEventFor(details, options.recipient)),
    },
    bookAgainHref: offering.active ? `/book/${practice.slug}/${offering.slug}` : `/book/${practice.slug}`,
    done: options.done === "rescheduled" || options.done === "canceled" ? options.done : undefined,
  };
}
