import "server-only";
import type { bookings, clients, offerings, practices } from "@/server/db/schema";
import type { InviteEvent } from "./ics";
import { manageUrlFor } from "./manage-token";

type Details = {
  booking: typeof bookings.$inferSelect;
  practice: typeof practices.$inferSelect;
  offering: typeof offerings.$inferSelect;
  client: typeof clients.$inferSelect;
  partner: typeof clients.$inferSelect | null;
};

/**
 * The calendar event of one booking, as every invite describes it (emails,
 * the confirmation page's download): one UID per booking, and the booking's
 * sequence, so a calendar that imported it once updates it in place.
 * A canceled booking is a CANCEL unless the caller says otherwise.
 */
export function inviteEventFor(details: Details, method?: InviteEvent["method"]): InviteEvent {
  const { booking, practice, offering, client, partner } = details;
  const manageUrl = manageUrlFor(booking.id);
  const canceled = booking.status === "canceled" || booking.status === "late_canceled";
  return {
    method: method ?? (canceled ? "CANCEL" : "REQUEST"),
    uid: `${booking.id}@tend`,
    sequence: booking.sequence,
    stampIso: booking.updatedAt.toISOString(),
    startIso: booking.startsAt.toISOString(),
    endIso: booking.endsAt.toISOString(),
    summary: `${offering.name} · ${practice.name}`,
    description: `${offering.name} with ${practice.name}.\nReschedule or cancel: ${manageUrl}`,
    location: offering.location,
    url: manageUrl,
    organizer: { name: practice.name, email: practice.contactEmail },
    attendees: [client, partner].filter((c): c is NonNullable<typeof c> => !!c).map((c) => ({ name: c.name, email: c.email })),
  };
}
