import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { bookings } from "@/server/db/schema";
import { now as clock } from "@/server/clock";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { blankAs, webUrlSchema } from "@/lib/validation";
import { meetingPlaceOf, type MeetingPlace } from "@/lib/scheduling/meeting-place";
import { HOLDING_STATUSES, holdsTime } from "@/lib/scheduling/status";
import { enqueueBookingEmails, placeChangeRecipients } from "./booking-emails";
import { getBookingDetails } from "./booking-queries";

/** The coach's link for one session; null (or blank) goes back to the offering's. */
export const sessionVideoLinkInput = z.object({
  videoUrl: blankAs(null, webUrlSchema("Enter the meeting link, starting with https://, such as https://zoom.us/j/123456789.").nullable()),
});

const over = () => new AppError("conflict", "This session is over or canceled, so its link can no longer change.");

/** Where people go, as they'd notice it: the link, the address or the number (not whether the coach chose it). */
const samePlace = (a: MeetingPlace, b: MeetingPlace) => a.kind === b.kind && a.url === b.url && a.address === b.address && a.details === b.details;

/**
 * Sets (or clears) the video link of one session, instead of the one its
 * offering gives: the coach moves this session to their own Zoom, say.
 * The session page, the manage page, the portal and the API show it at once;
 * when the place people go to changes, the invite's SEQUENCE rises, the
 * reminders still to come are rewritten to carry it and, for a confirmed
 * session that hasn't ended, booker and partner are emailed the new place with
 * the updated invite (`notified`: their names), since the emails and invite they
 * have would send them to the old room. The same link again changes nothing and
 * sends nothing. A canceled or finished session can't change.
 */
export async function setSessionVideoLink(practiceId: string, bookingId: string, input: z.input<typeof sessionVideoLinkInput>) {
  const { videoUrl: override } = parseInput(sessionVideoLinkInput, input);
  const { booking, practice, offering, client, partner } = await getBookingDetails({ practiceId }, bookingId);
  const now = clock();
  if (!holdsTime(booking.status) || booking.endsAt <= now) throw over();
  if (override === booking.videoUrlOverride) return { booking, notified: [] };
  // An override equal to the link the session had anyway (its own room, say) changes nothing anyone sees.
  const moved = !samePlace(meetingPlaceOf(offering, booking), meetingPlaceOf(offering, { ...booking, videoUrlOverride: override }));
  return getDb().transaction(async (tx) => {
    // Only from the link read above, and only while the session still holds time: a cancel, or an
    // identical request racing this one, finds its change made, so nobody hears of a link twice
    // or of a canceled session.
    const [updated] = await tx
      .update(bookings)
      .set({ videoUrlOverride: override, ...(moved ? { sequence: sql`${bookings.sequence} + 1` } : {}) })
      .where(
        and(
          eq(bookings.practiceId, practiceId),
          eq(bookings.id, booking.id),
          inArray(bookings.status, [...HOLDING_STATUSES]),
          gt(bookings.endsAt, now),
          sql`${bookings.videoUrlOverride} is not distinct from ${booking.videoUrlOverride}::text`,
        ),
      )
      .returning();
    if (!updated) {
      const [current] = await tx.select().from(bookings).where(eq(bookings.id, booking.id));
      if (!current || !holdsTime(current.status) || current.endsAt <= now) throw over();
      if (current.videoUrlOverride === override) return { booking: current, notified: [] };
      throw new AppError("conflict", "This session's link changed at the same moment. Reload the page to see it, then try again.");
    }
    if (!moved) return { booking: updated, notified: [] };
    await enqueueBookingEmails(tx, { event: "place-changed", booking: updated, practice, offering, client, partner, now });
    return { booking: updated, notified: placeChangeRecipients(updated, now).map((person) => person.name) };
  });
}
