import "server-only";
import { AppError } from "@/server/errors";
import { findBookingPracticeId, getBookingDetails } from "./bookings";
import { isValidManageToken } from "./manage-token";

export type TokenBooking = Awaited<ReturnType<typeof getBookingDetails>>;

/**
 * The booking a manage link points at, or null when the token doesn't match
 * the id or the booking doesn't exist (both read as "not found": a wrong
 * link learns nothing). Used by the manage page, its actions, the
 * confirmation page and the invite download.
 */
export async function bookingByToken(id: string, token: unknown): Promise<TokenBooking | null> {
  if (typeof token !== "string" || !token || token.length > 128 || !isValidManageToken(id, token)) return null;
  const practiceId = await findBookingPracticeId(id);
  if (!practiceId) return null;
  try {
    return await getBookingDetails({ practiceId }, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** Same, for actions: a bad link is an AppError("not_found") the form can show. */
export async function requireBookingByToken(id: unknown, token: unknown): Promise<TokenBooking> {
  const found = typeof id === "string" ? await bookingByToken(id, token) : null;
  if (!found) throw new AppError("not_found", "This link doesn’t match a booking. Please use the link from your confirmation email.");
  return found;
}
