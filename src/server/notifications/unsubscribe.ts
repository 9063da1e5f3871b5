import "server-only";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import { authSecret } from "@/server/auth/secret";
import { getDb } from "@/server/db/client";
import { clients } from "@/server/db/schema";

/**
 * One-click unsubscribe (RFC 8058) for the emails that aren't transactional.
 * The token is "<client id>.<HMAC-SHA256(AUTH_SECRET, "unsubscribe:homework:<client id>")>"
 * (base64url), so it names one client's homework email and can't be made
 * without the secret; nothing is stored. It never expires: an old email's
 * link must keep working.
 */

function macFor(clientId: string): Buffer {
  return crypto.createHmac("sha256", authSecret()).update(`unsubscribe:homework:${clientId}`).digest();
}

export function unsubscribeUrlFor(clientId: string): string {
  return new URL(`/u/${clientId}.${macFor(clientId).toString("base64url")}`, env().APP_URL).toString();
}

/** The client a token names, or null for any other string (compared in constant time). */
export function clientOfUnsubscribeToken(token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, clientId, mac] = match as unknown as [string, string, string];
  const given = Buffer.from(mac, "base64url");
  const expected = macFor(clientId);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? clientId : null;
}

/** Turns the homework email off for the token's client; false when the token is not one of ours. */
export async function unsubscribeByToken(token: string): Promise<boolean> {
  const clientId = clientOfUnsubscribeToken(token);
  if (!clientId) return false;
  const updated = await getDb().update(clients).set({ homeworkEmail: "off" }).where(eq(clients.id, clientId)).returning({ id: clients.id });
  return updated.length > 0;
}
