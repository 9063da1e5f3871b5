import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export type CronAuthorization = "ok" | "unauthorized" | "not_configured";

/**
 * Checks an `Authorization: Bearer <CRON_SECRET>` header. With no secret
 * configured the endpoint is off rather than open. The comparison runs in
 * constant time (over hashes, so lengths don't leak either).
 */
export function authorizeCron(authorization: string | null): CronAuthorization {
  const secret = env().CRON_SECRET;
  if (!secret) return "not_configured";
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "");
  if (!match) return "unauthorized";
  const given = createHash("sha256").update(match[1]!).digest();
  const expected = createHash("sha256").update(secret).digest();
  return timingSafeEqual(given, expected) ? "ok" : "unauthorized";
}
