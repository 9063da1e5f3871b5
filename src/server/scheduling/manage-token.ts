import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";
import { authSecret } from "@/server/auth/secret";
import type { bookings } from "@/server/db/schema";

/**
 * A manage link lets whoever holds it reschedule or cancel one booking
 * without signing in, like Calendly's. The token is
 * HMAC-SHA256(AUTH_SECRET, "manage-booking:<booking id>:<recipient>:<salt>"),
 * where the salt is random per booking (bookings.manage_salt):
 * - the booker and the partner get different tokens for the same booking;
 * - replacing the salt revokes every link mailed so far (revokeManageLinks);
 * - the database alone yields no token (the secret is not in it), and the
 *   secret alone neither (the salt is not in it), yet any page can rebuild a
 *   recipient's URL from the row, so nothing but the salt is stored.
 * A link stops working MANAGE_LINK_DAYS_AFTER_END days after the session ends.
 */

export type LinkRecipient = "booker" | "partner";
type Linkable = Pick<typeof bookings.$inferSelect, "id" | "manageSalt">;

const MANAGE_LINK_DAYS_AFTER_END = 30;
const DAY = 86_400_000;

function tokenFor(booking: Linkable, recipient: LinkRecipient): Buffer {
  return crypto.createHmac("sha256", authSecret()).update(`manage-booking:${booking.id}:${recipient}:${booking.manageSalt}`).digest();
}

export function manageTokenFor(booking: Linkable, recipient: LinkRecipient): string {
  return tokenFor(booking, recipient).toString("base64url");
}

export function manageUrlFor(booking: Linkable, recipient: LinkRecipient): string {
  const url = new URL(`/manage/${booking.id}`, env().APP_URL);
  url.searchParams.set("token", manageTokenFor(booking, recipient));
  return url.toString();
}

/**
 * Whose link `token` is (booker or partner), or null for any other string.
 * Both candidates are compared, each in constant time, so the answer's timing
 * says nothing about how close a guess came. Expiry is checked separately
 * (manageLinkExpired), as it needs the clock.
 */
export function recipientOfToken(booking: Linkable & { partnerEmail: string | null }, token: string): LinkRecipient | null {
  const given = Buffer.from(token, "base64url");
  // base64url decoding skips stray characters; a token that doesn't re-encode to itself is not one of ours.
  if (given.toString("base64url") !== token) return null;
  const candidates: LinkRecipient[] = booking.partnerEmail ? ["booker", "partner"] : ["booker"];
  let found: LinkRecipient | null = null;
  for (const recipient of candidates) {
    const expected = tokenFor(booking, recipient);
    if (expected.length === given.length && crypto.timingSafeEqual(expected, given)) found = recipient;
  }
  return found;
}

/** When a booking's links stop working: 30 days after the session ends. */
export function manageLinkExpiresAt(booking: { endsAt: Date }): Date {
  return new Date(booking.endsAt.getTime() + MANAGE_LINK_DAYS_AFTER_END * DAY);
}

export function manageLinkExpired(booking: { endsAt: Date }, at: Date): boolean {
  return at.getTime() > manageLinkExpiresAt(booking).getTime();
}

/** A fresh salt, for revoking a booking's links. */
export function newManageSalt(): string {
  return crypto.randomBytes(32).toString("base64url");
}
