import "server-only";
import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { emailOutbox } from "@/server/db/schema";

/** A claim older than this is presumed dead (its dispatcher crashed) and is taken over. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** After this many failed tries a message is marked failed and left for a person to look at. */
export const MAX_ATTEMPTS = 8;
/** Wait before try n+1, in minutes; the last value repeats. Eight tries span about a day. */
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;

/** How long to wait after the given (1-based) failed attempt. */
export function backoffAfter(attempt: number): number {
  const index = Math.min(Math.max(attempt, 1), BACKOFF_MINUTES.length) - 1;
  return BACKOFF_MINUTES[index]! * 60_000;
}

export type OutboxRow = typeof emailOutbox.$inferSelect;

/** The rows one request to the provider will carry, claimed together at `claimedAt`. */
export type Claim = {
  rows: OutboxRow[];
  claimedAt: Date;
  /** The request's idempotency key, already stored on the rows. */
  requestKey: string;
  /** These rows are the retry of a request whose outcome was unknown: same key, same members. */
  retry: boolean;
};

/**
 * A lone message's request is keyed by the message's own key; a batch's by
 * a hash of its members' keys (in key order, the order they are sent in),
 * so the same rows always make the same request under the same key.
 */
export function requestKeyFor(idempotencyKeys: string[]): string {
  if (idempotencyKeys.length === 1) return idempotencyKeys[0]!;
  const hash = createHash("sha256");
  for (const key of [...idempotencyKeys].sort(byKey)) hash.update(key).update("\n");
  return `batch:${hash.digest("hex").slice(0, 40)}`;
}

function byKey(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function due(at: Date): SQL {
  return or(
    and(eq(emailOutbox.status, "pending"), lte(emailOutbox.sendAfter, at)),
    and(eq(emailOutbox.status, "sending"), lte(emailOutbox.claimedAt, new Date(at.getTime() - CLAIM_LEASE_MS))),
  )!;
}

const byPriority = [asc(emailOutbox.priority), asc(emailOutbox.sendAfter), asc(emailOutbox.id)];

/**
 * Claims what the next request carries, in one short transaction with
 * `FOR UPDATE SKIP LOCKED` (rows another dispatcher holds are skipped, not
 * waited for). The most urgent due row decides:
 *
 * - it was in a request whose outcome is unknown: that request's rows again,
 *   all of them and only them, so the retry is the very same request;
 * - it has attachments (or batches are off): it alone;
 * - otherwise it and up to `max - 1` more attachment-free rows, most urgent first.
 *
 * Claiming one request at a time keeps priorities sharp: a sign-in link
 * written during a backlog waits for the requests already in hand, no more.
 * A row whose earlier claim went stale counts that lost try as an attempt.
 * Undefined when nothing is due, or when the next request is a retry that
 * another dispatcher is claiming at this very moment (the run ends; the
 * next one finds it whole).
 */
export async function claimNextRequest(db: Db, options: { at: Date; max: number; batch: boolean }): Promise<Claim | undefined> {
  const { at, max } = options;
  return db.transaction(async (tx) => {
    const [head] = await tx
      .select({ id: emailOutbox.id, key: emailOutbox.idempotencyKey, requestKey: emailOutbox.requestKey, hasAttachments: emailOutbox.hasAttachments })
      .from(emailOutbox)
      .where(due(at))
      .orderBy(...byPriority)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!head) return undefined;

    let picked = [{ id: head.id, key: head.key }];
    if (head.requestKey) {
      // Every member, whatever its send_after: a request missing one would be
      // another request under the same key, which Resend refuses.
      picked = await tx
        .select({ id: emailOutbox.id, key: emailOutbox.idempotencyKey })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.requestKey, head.requestKey), or(eq(emailOutbox.status, "pending"), due(at))))
        .for("update", { skipLocked: true });
      // Another dispatcher holds part of it (a race between its two selects and
      // ours): sending only our part would be a different request under the same key.
      const [open] = await tx
        .select({ count: count() })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.requestKey, head.requestKey), inArray(emailOutbox.status, ["pending", "sending"])));
      if (picked.length < Number(open?.count ?? 0)) return undefined;
    } else if (!head.hasAttachments && options.batch && max > 1) {
      const more = await tx
        .select({ id: emailOutbox.id, key: emailOutbox.idempotencyKey })
        .from(emailOutbox)
        .where(and(due(at), eq(emailOutbox.hasAttachments, false), isNull(emailOutbox.requestKey)))
        .orderBy(...byPriority)
        .limit(max)
        .for("update", { skipLocked: true });
      picked = [picked[0]!, ...more.filter((m) => m.id !== head.id)].slice(0, max);
    }
    const requestKey = head.requestKey ?? requestKeyFor(picked.map((p) => p.key));
    const rows = await tx
      .update(emailOutbox)
      .set({
        status: "sending",
        claimedAt: at,
        attempts: sql`${emailOutbox.attempts} + case when ${emailOutbox.status} = 'sending' then 1 else 0 end`,
        // Stored before the request goes, so even a crash mid-request leaves the key for the retry.
        requestKey,
      })
      .where(
        inArray(
          emailOutbox.id,
          picked.map((p) => p.id),
        ),
      )
      .returning();
    // A fixed order makes a batch's contents the same on every retry.
    rows.sort((a, b) => byKey(a.idempotencyKey, b.idempotencyKey));
    return { rows, claimedAt: at, requestKey, retry: head.requestKey !== null };
  });
}

/** Only rows still ours: a claim that outlived its lease lost them to whoever took over. */
function ours(claim: Pick<Claim, "claimedAt">, ids: string[]): SQL {
  return and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "sending"), eq(emailOutbox.claimedAt, claim.claimedAt))!;
}

/** When rendering changed what a fresh request carries, its key changes with it. */
export async function setRequestKey(db: Db, claim: Claim, rows: OutboxRow[], requestKey: string) {
  await db.update(emailOutbox).set({ requestKey }).where(ours(claim, rows.map((r) => r.id)));
}

export async function markSent(db: Db, claim: Claim, sent: { row: OutboxRow; providerMessageId: string }[], at: Date) {
  if (sent.length === 0) return;
  const pairs = sql.join(
    sent.map((s) => sql`(${s.row.id}::uuid, ${s.providerMessageId}::text)`),
    sql`, `,
  );
  await db
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: at,
      lastError: null,
      requestKey: null,
      providerMessageId: sql`(select v.pid from (values ${pairs}) as v(id, pid) where v.id = ${emailOutbox.id})`,
    })
    .where(
      ours(
        claim,
        sent.map((s) => s.row.id),
      ),
    );
}

/**
 * Back to pending without counting an attempt: the provider was busy
 * (`sendAfter` after its retry-after), or the dispatcher could not use the
 * rows in this request (no send slot soon enough; a message that turned out
 * to carry files). `sent: false` says the request never went, so a fresh
 * one's key is dropped (the rows may be grouped anew); otherwise, and for
 * any retry, the key stays and the next try repeats the request.
 */
export async function release(db: Db, claim: Claim, rows: OutboxRow[], values: { sent: boolean; sendAfter?: Date; hasAttachments?: boolean }) {
  if (rows.length === 0) return;
  const { sent, ...rest } = values;
  await db
    .update(emailOutbox)
    .set({ status: "pending", claimedAt: null, ...rest, ...(sent || claim.retry ? {} : { requestKey: null }) })
    .where(
      ours(
        claim,
        rows.map((r) => r.id),
      ),
    );
}

/**
 * A real failure: one more attempt. Permanent ones, and the last allowed
 * attempt, end as `failed`; the rest wait out the backoff (keeping their
 * request key: the request may have reached the provider).
 */
export async function recordFailure(db: Db, claim: Claim, row: OutboxRow, problem: string, permanent: boolean, at: Date): Promise<"failed" | "retried"> {
  const attempts = row.attempts + 1;
  const givenUp = permanent || attempts >= MAX_ATTEMPTS;
  await db
    .update(emailOutbox)
    .set(
      givenUp
        ? { status: "failed", attempts, lastError: problem, requestKey: null }
        : { status: "pending", attempts, lastError: problem, sendAfter: new Date(at.getTime() + backoffAfter(attempts)) },
    )
    .where(ours(claim, [row.id]));
  return givenUp ? "failed" : "retried";
}
