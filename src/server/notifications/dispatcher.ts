import "server-only";
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { now } from "@/server/clock";
import { getDb, type Db } from "@/server/db/client";
import { emailOutbox } from "@/server/db/schema";
import { log } from "@/server/log";
import { EmailTemplateError, renderEmail } from "./templates";
import { EmailDeliveryError, getTransport, type EmailTransport } from "./transport";

/** A claim older than this is presumed dead (its dispatcher crashed) and is taken over. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** After this many tries a message is marked failed and left for a person to look at. */
export const MAX_ATTEMPTS = 8;
/** Wait before try n+1, in minutes; the last value repeats. Eight tries span about a day. */
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;
const DEFAULT_BATCH = 50;

export type DispatchResult = { claimed: number; sent: number; retried: number; failed: number };

export type DispatchOptions = {
  /** How many rows to claim in this run. */
  limit?: number;
  transport?: EmailTransport;
  /** The database to work on; another connection pool acts as another dispatcher. */
  db?: Db;
  /** The instant to act at; defaults to the server clock. Tests use it to step past a backoff. */
  at?: Date;
};

/** How long to wait after the given (1-based) failed attempt. */
export function backoffAfter(attempt: number): number {
  const index = Math.min(Math.max(attempt, 1), BACKOFF_MINUTES.length) - 1;
  return BACKOFF_MINUTES[index]! * 60_000;
}

type ClaimedRow = typeof emailOutbox.$inferSelect;

/**
 * Sends the emails that are due, each at most once however many
 * dispatchers run at the same time:
 *
 * 1. A short transaction locks due rows with `FOR UPDATE SKIP LOCKED` (rows
 *    another dispatcher holds are skipped, not waited for) and marks them
 *    `sending`, stamping `claimed_at` and counting the attempt.
 * 2. Outside any transaction, each row is rendered and handed to the
 *    transport with its idempotency key.
 * 3. The row becomes `sent`, or goes back to `pending` later (backoff), or
 *    `failed` when it can never work or has used up its attempts.
 *
 * A dispatcher that dies between 1 and 3 leaves rows in `sending`; after
 * the lease they are claimed again. If the first try had in fact reached
 * Resend, the idempotency key makes the second one a no-op there.
 */
export async function dispatchDueEmails(options: DispatchOptions = {}): Promise<DispatchResult> {
  const db = options.db ?? getDb();
  const at = options.at ?? now();
  const transport = options.transport ?? getTransport();
  const from = env().EMAIL_FROM;

  const claimed = await claimDueRows(db, at, options.limit ?? DEFAULT_BATCH);
  const result: DispatchResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };

  for (const row of claimed) {
    try {
      const email = await renderEmail(row.template, row.data);
      const { id } = await transport.send({
        to: row.recipient,
        from,
        ...email,
        idempotencyKey: row.idempotencyKey,
        template: row.template,
      });
      await finish(db, row, { status: "sent", sentAt: options.at ?? now(), providerMessageId: id, lastError: null });
      result.sent++;
    } catch (error) {
      const message = describe(error);
      if (isPermanent(error) || row.attempts >= MAX_ATTEMPTS) {
        await finish(db, row, { status: "failed", lastError: message });
        result.failed++;
        log.error({ outboxId: row.id, template: row.template, attempt: row.attempts, problem: message }, "email given up");
      } else {
        const retryAt = new Date(at.getTime() + backoffAfter(row.attempts));
        await finish(db, row, { status: "pending", sendAfter: retryAt, lastError: message });
        result.retried++;
        log.warn({ outboxId: row.id, template: row.template, attempt: row.attempts, retryAt: retryAt.toISOString(), problem: message }, "email send failed; will retry");
      }
    }
  }
  return result;
}

/**
 * Runs rounds until fewer than a full batch was due (or `rounds` is used
 * up), so a backlog clears in one call without one call running forever.
 * Returns the summed counts. Used by the in-process loop and the cron route.
 */
export async function drainDueEmails(options: Omit<DispatchOptions, "limit"> & { batch?: number; rounds?: number } = {}) {
  const { batch = DEFAULT_BATCH, rounds = 10, ...rest } = options;
  const total: DispatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  for (let round = 0; round < rounds; round++) {
    const result = await dispatchDueEmails({ ...rest, limit: batch });
    total.claimed += result.claimed;
    total.sent += result.sent;
    total.retried += result.retried;
    total.failed += result.failed;
    if (result.claimed < batch) break;
  }
  return total;
}

async function claimDueRows(db: Db, at: Date, limit: number): Promise<ClaimedRow[]> {
  const staleBefore = new Date(at.getTime() - CLAIM_LEASE_MS);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        or(
          and(eq(emailOutbox.status, "pending"), lte(emailOutbox.sendAfter, at)),
          and(eq(emailOutbox.status, "sending"), lte(emailOutbox.claimedAt, staleBefore)),
        ),
      )
      .orderBy(asc(emailOutbox.sendAfter))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ status: "sending", claimedAt: at, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(
        inArray(
          emailOutbox.id,
          due.map((r) => r.id),
        ),
      )
      .returning();
  });
}

/**
 * Records the outcome, but only if the row is still ours: if our claim
 * outlived its lease and another dispatcher took the row over (so
 * `attempts` moved on), that dispatcher's outcome is the one that counts.
 */
async function finish(db: Db, row: ClaimedRow, values: Partial<typeof emailOutbox.$inferInsert>) {
  await db
    .update(emailOutbox)
    .set(values)
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "sending"), eq(emailOutbox.attempts, row.attempts)));
}

function isPermanent(error: unknown): boolean {
  return error instanceof EmailTemplateError || (error instanceof EmailDeliveryError && error.permanent);
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
