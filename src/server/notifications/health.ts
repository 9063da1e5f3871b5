import "server-only";
import { and, eq, gt, lte, min, or, sql } from "drizzle-orm";
import { now } from "@/server/clock";
import { getDb, type Db } from "@/server/db/client";
import { emailOutbox } from "@/server/db/schema";
import { lastProviderError } from "./governor";

type OutboxStatus = (typeof emailOutbox.status.enumValues)[number];

/** How many outbox rows are in each state, to see at a glance what is waiting or stuck. */
export async function countOutboxByStatus(db: Db = getDb()): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .select({ status: emailOutbox.status, count: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .groupBy(emailOutbox.status);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0, canceled: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export type OutboxHealth = {
  outbox: Record<OutboxStatus, number>;
  /** Seconds since the longest-waiting due message became due; null when nothing is waiting. */
  oldestDueAgeSeconds: number | null;
  /** The provider's latest refusal (a 429, a 5xx, a bad key), if any. */
  lastProviderError: { message: string; at: string } | null;
};

/** What an operator needs to see whether mail is flowing (GET /api/health with the cron secret). */
export async function readOutboxHealth(db: Db = getDb()): Promise<OutboxHealth> {
  const at = now();
  const [outbox, [oldest], providerError] = await Promise.all([
    countOutboxByStatus(db),
    db
      .select({ dueSince: min(emailOutbox.sendAfter) })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.sendAfter, at))),
    lastProviderError(db),
  ]);
  const dueSince = oldest?.dueSince ? new Date(oldest.dueSince) : null;
  return {
    outbox,
    oldestDueAgeSeconds: dueSince ? Math.max(0, Math.round((at.getTime() - dueSince.getTime()) / 1000)) : null,
    lastProviderError: providerError ? { message: providerError.message, at: providerError.at.toISOString() } : null,
  };
}

/** How far back a failed message still warns the coach. */
const TROUBLE_WINDOW_MS = 7 * 86_400_000;

/**
 * A practice's mail that is not getting through: messages given up in the
 * last week, and messages waiting for another try after a real failure
 * (the provider merely being busy is not trouble). Null when all is well.
 */
export async function readPracticeMailTrouble(practiceId: string, db: Db = getDb()): Promise<{ failed: number; retrying: number } | null> {
  const since = new Date(now().getTime() - TROUBLE_WINDOW_MS);
  const [counts] = await db
    .select({
      failed: sql<number>`count(*) filter (where ${emailOutbox.status} = 'failed')::int`,
      retrying: sql<number>`count(*) filter (where ${emailOutbox.status} <> 'failed')::int`,
    })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.practiceId, practiceId),
        or(
          and(eq(emailOutbox.status, "failed"), gt(emailOutbox.createdAt, since)),
          and(or(eq(emailOutbox.status, "pending"), eq(emailOutbox.status, "sending")), gt(emailOutbox.attempts, 0)),
        ),
      ),
    );
  const failed = Number(counts?.failed ?? 0);
  const retrying = Number(counts?.retrying ?? 0);
  return failed + retrying > 0 ? { failed, retrying } : null;
}
