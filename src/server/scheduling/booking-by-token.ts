import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { bookings, offerings, practices } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { manageLinkExpired, recipientOfToken, type LinkRecipient } from "./manage-token";

/**
 * What a manage link opens: the booking, its practice and offering, and whose
 * link it is. Deliberately without the client records the booking is filed
 * under: a page reached by a link shows what the booker typed (on the
 * booking), never the coach's record of that person.
 */
export type TokenBooking = {
  booking: typeof bookings.$inferSelect;
  practice: typeof practices.$inferSelect;
  offering: typeof offerings.$inferSelect;
  recipient: LinkRecipient;
};

const idSchema = z.uuid();

/**
 * The booking a manage link points at, or null when the token is wrong,
 * revoked or expired, or the booking doesn't exist (all read as "not found":
 * a wrong link learns nothing). Used by the manage page, its actions, the
 * confirmation page and the invite download.
 */
export async function bookingByToken(id: string, token: unknown): Promise<TokenBooking | null> {
  if (typeof token !== "string" || !token || token.length > 128 || !idSchema.safeParse(id).success) return null;
  const [row] = await getDb()
    .select({ booking: bookings, practice: practices, offering: offerings })
    .from(bookings)
    .innerJoin(practices, eq(practices.id, bookings.practiceId))
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(eq(bookings.id, id));
  if (!row) return null;
  const recipient = recipientOfToken(row.booking, token);
  if (!recipient || manageLinkExpired(row.booking, now())) return null;
  return { ...row, recipient };
}

/** Same, for actions: a bad link is an AppError("not_found") the form can show. */
export async function requireBookingByToken(id: unknown, token: unknown): Promise<TokenBooking> {
  const found = typeof id === "string" ? await bookingByToken(id, token) : null;
  if (!found) throw new AppError("not_found", "This link doesn’t match a booking. Please use the link from your most recent email.");
  return found;
}
