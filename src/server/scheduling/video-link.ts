import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { bookings } from "@/server/db/schema";
import { now as clock } from "@/server/clock";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { blankAs, webUrlSchema } from "@/lib/validation";
import { holdsTime } from "@/lib/scheduling/status";
import { enqueueBookingEmails } from "./booking-emails";
import { getBookingDetails } from "./booking-queries";

/** The coach's link for one session; null (or blank) goes back to the offering's. */
export const sessionVideoLinkInput = z.object({
  videoUrl: blankAs(null, webUrlSchema("Enter the meeting link, starting with https://, such as https://zoom.us/j/123456789.").nullable()),
});

/**
 * Sets (or clears) the video link of one session, instead of the one its
 * offering gives: the coach moves this session to their own Zoom, say.
 * The session page, the manage page, the portal and the API show it at once;
 * the calendar invite's SEQUENCE rises, and the reminders still to come are
 * rewritten to carry it. Emails already sent keep what they said. A canceled
 * or finished session can't change.
 */
export async function setSessionVideoLink(practiceId: string, bookingId: string, input: z.input<typeof sessionVideoLinkInput>) {
  const { videoUrl: override } = parseInput(sessionVideoLinkInput, input);
  const { booking, practice, offering, client, partner } = await getBookingDetails({ practiceId }, bookingId);
  const now = clock();
  if (!holdsTime(booking.status) || booking.endsAt <= now) {
    throw new AppError("conflict", "This session is over or canceled, so its link can no longer change.");
  }
  if (override === booking.videoUrlOverride) return booking;
  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(bookings)
      .set({ videoUrlOverride: override, sequence: sql`${bookings.sequence} + 1` })
      .where(and(eq(bookings.practiceId, practiceId), eq(bookings.id, booking.id)))
      .returning();
    await enqueueBookingEmails(tx, { event: "place-changed", booking: updated!, practice, offering, client, partner, now });
    return updated!;
  });
}
