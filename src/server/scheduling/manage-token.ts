import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";
import { authSecret } from "@/server/auth/secret";

// A manage link lets whoever holds it reschedule or cancel one booking without
// signing in, like Calendly's. It is an HMAC of the booking id, so nothing is
// stored and a guessed or altered token fails.
function signature(bookingId: string) {
  return crypto.createHmac("sha256", `manage-booking:${authSecret()}`).update(bookingId).digest("base64url");
}

export function manageTokenFor(bookingId: string): string {
  return signature(bookingId);
}

export function isValidManageToken(bookingId: string, token: string): boolean {
  const expected = Buffer.from(signature(bookingId));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export function manageUrlFor(bookingId: string): string {
  return new URL(`/manage/${bookingId}?token=${manageTokenFor(bookingId)}`, env().APP_URL).toString();
}
