import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { getDb, rowsOf } from "@/server/db/client";
import { rateLimits } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { now } from "@/server/clock";

/**
 * Fixed-window limit shared by all server processes (the counter is a row).
 * Throws AppError("rate_limited") once `limit` is passed within the window.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number) {
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
