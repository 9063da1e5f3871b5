import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { emailSchema } from "@/lib/validation";
import { getDb, rowsOf } from "@/server/db/client";
import { rateLimits } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { now } from "@/server/clock";

/**
 * Fixed-window limit shared by all server processes (the counter is a row).
 * Throws AppError("rate_limited") once `limit` is passed within the window.
 */
async function consumeRateLimit(key: string, limit: number, windowSeconds: number) {
  if (!env().TEND_RATE_LIMIT) return;
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now().getTime() / windowMs) * windowMs);
  const result = await getDb().execute(sql`
    insert into ${rateLimits} (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
    on conflict (key, window_start) do update set count = ${rateLimits}.count + 1
    returning count`);
  const count = Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
  if (count > limit) {
    throw new AppError("rate_limited", "Too many attempts. Please wait a few minutes and try again.");
  }
  // Old windows are useless; trim them now and then rather than on a schedule.
  if (Math.random() < 0.01) {
    await getDb().execute(sql`delete from ${rateLimits} where window_start < ${new Date(windowStart.getTime() - 86_400_000).toISOString()}`);
  }
}

/**
 * The limits that stand between a stranger and someone's inbox or a coach's
 * calendar. Each counts per client address (clientAddress(), which a request
 * cannot choose) and per email address, so neither rotating addresses nor
 * rotating targets gets far. The email key is the normalised address when
 * the input is one; anything else is refused later by validation, and only
 * the per-address limit applies to it.
 */
export async function limitSignInLinks(email: unknown, clientAddress: string) {
  await consumeRateLimit(`signin:ip:${clientAddress}`, 10, 600);
  const address = emailSchema.safeParse(email);
  if (address.success) await consumeRateLimit(`signin:email:${address.data}`, 5, 600);
}

export async function limitBookingRequests(email: unknown, clientAddress: string) {
  await consumeRateLimit(`booking:ip:${clientAddress}`, 20, 600);
  const address = emailSchema.safeParse(email);
  if (address.success) await consumeRateLimit(`booking:email:${address.data}`, 10, 3600);
}
