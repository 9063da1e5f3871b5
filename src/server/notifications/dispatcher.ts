import "server-only";
import { env } from "@/lib/env";
import { now } from "@/server/clock";
import { getDb, type Db } from "@/server/db/client";
import { log } from "@/server/log";
import { claimNextRequest, markSent, recordFailure, release, requestKeyFor, setRequestKey, type Claim, type OutboxRow } from "./dispatch-store";
import { reportProviderBusy, reportProviderError, waitForSendSlot, type SendSlot } from "./governor";
import { EmailTemplateError, renderEmail } from "./templates";
import { openSealedFields } from "@/server/crypto/sealed";
import { EmailDeliveryError, getTransport, type BatchResult, type EmailTransport, type OutgoingEmail } from "./transport";

export { backoffAfter, CLAIM_LEASE_MS, MAX_ATTEMPTS } from "./dispatch-store";

/** Resend's batch endpoint takes up to 100 messages a request. */
const MAX_BATCH_SIZE = 100;
/** Outbox data fields stored sealed (a booker's note: booking-emails.ts; a waiting sign-in link: magic-link.ts), opened only to render. */
const SEALED_EMAIL_FIELDS = ["note", "url"] as const;
const DEFAULT_LIMIT = 200;
/** A run that would wait longer than this for a send slot stops and leaves the rest to the next run. */
const DEFAULT_MAX_WAIT_MS = 10_000;

export type DispatchResult = {
  claimed: number;
  sent: number;
  /** Real failures that will be tried again after the backoff. */
  retried: number;
  /** The provider was busy: sent later, no attempt counted. */
  postponed: number;
  failed: number;
};

/** One request to the provider, as the dispatcher made it (for tests and the bench). */
export type DispatchedRequest = { idempotencyKey: string; messages: string[]; slot?: SendSlot };

export type DispatchOptions = {
  /** How many rows to claim in this run, at most. */
  limit?: number;
  transport?: EmailTransport;
  /** The database to work on; another connection pool acts as another dispatcher. */
  db?: Db;
  /** The instant to act at; defaults to the server clock. Tests use it to step past a backoff. */
  at?: Date;
  /** See DEFAULT_MAX_WAIT_MS. */
  maxWaitMs?: number;
  /** Called as each request goes out. */
  onRequest?: (request: DispatchedRequest) => void;
  /** Start no request after this instant (real time, Date.now()): a cron call must end in time. */
  until?: number;
};

const emptyResult = (): DispatchResult => ({ claimed: 0, sent: 0, retried: 0, postponed: 0, failed: 0 });

function addTo(total: DispatchResult, part: DispatchResult) {
  for (const key of Object.keys(total) as (keyof DispatchResult)[]) total[key] += part[key];
}

/**
 * Sends the emails that are due, most urgent first, each exactly once
 * however many dispatchers run at once, one provider request at a time:
 *
 * 1. Claim the rows of the next request (`claimNextRequest`: one message
 *    with attachments, or up to 100 without, as one batch).
 * 2. Render them; fix the request's idempotency key (the message's own, or
 *    for a batch a hash of its members' keys) and store it on the rows.
 * 3. Wait for a send slot from the governor shared through Postgres
 *    (EMAIL_RATE_PER_SECOND), then send.
 * 4. Record: sent; postponed without an attempt when the provider was busy;
 *    retried after backoff on a real failure; failed when it can never work
 *    or has used up its attempts.
 *
 * A request whose outcome is unknown (timeout, dropped connection, 5xx) is
 * repeated later as the very same request, with the same key, which Resend
 * answers with the first response instead of delivering again.
 */
export async function dispatchDueEmails(options: DispatchOptions = {}): Promise<DispatchResult> {
  const db = options.db ?? getDb();
  const transport = options.transport ?? getTransport();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const result = emptyResult();
  while (result.claimed < limit && (options.until === undefined || Date.now() < options.until)) {
    const at = options.at ?? now();
    const claim = await claimNextRequest(db, { at, max: Math.min(MAX_BATCH_SIZE, limit - result.claimed), batch: !!transport.sendBatch });
    if (!claim) break;
    result.claimed += claim.rows.length;
    const outcome = await sendClaim({ db, transport, options }, claim);
    addTo(result, outcome.result);
    if (outcome.stop) break;
  }
  return result;
}

/**
 * Runs until less than a full run was due (or `rounds` is used up), so a
 * backlog clears in one call without one call running forever. Returns the
 * summed counts. Used by the in-process loop and the cron route.
 */
export async function drainDueEmails(options: Omit<DispatchOptions, "limit"> & { batch?: number; rounds?: number } = {}) {
  const { batch = DEFAULT_LIMIT, rounds = 10, ...rest } = options;
  const total = emptyResult();
  for (let round = 0; round < rounds && (rest.until === undefined || Date.now() < rest.until); round++) {
    const result = await dispatchDueEmails({ ...rest, limit: batch });
    addTo(total, result);
    if (result.claimed < batch) break;
  }
  return total;
}

type Context = { db: Db; transport: EmailTransport; options: DispatchOptions };
type Ready = { row: OutboxRow; email: OutgoingEmail };

async function sendClaim(context: Context, claim: Claim): Promise<{ result: DispatchResult; stop: boolean }> {
  const { db, transport, options } = context;
  const result = emptyResult();
  const at = () => options.at ?? now();

  const ready: Ready[] = [];
  for (const row of claim.rows) {
    try {
      const email = await renderEmail(row.template, openSealedFields(row.data, SEALED_EMAIL_FIELDS));
      ready.push({ row, email: { to: row.recipient, from: env().EMAIL_FROM, ...email, idempotencyKey: row.idempotencyKey, template: row.template } });
    } catch (error) {
      result[await fail(context, claim, row, error, at())]++;
    }
  }
  // Written before attachments were known to the outbox (or by older code):
  // such a message goes alone, in a later request.
  const withFiles = !claim.retry && ready.length > 1 ? ready.filter((r) => r.email.attachments?.length) : [];
  await release(db, claim, withFiles.map((r) => r.row), { sent: false, hasAttachments: true });
  result.claimed -= withFiles.length;
  const members = ready.filter((r) => !withFiles.includes(r));
  if (members.length === 0) return { result, stop: false };

  const rows = members.map((m) => m.row);
  let requestKey = claim.requestKey;
  if (!claim.retry && members.length < claim.rows.length) {
    requestKey = requestKeyFor(rows.map((r) => r.idempotencyKey));
    await setRequestKey(db, claim, rows, requestKey);
  }
  const asBatch = requestKey.startsWith("batch:");

  let slot: SendSlot | undefined;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  if (transport.governed && !(await waitForSendSlot(db, { maxWaitMs, onSlot: (s) => (slot = s) }))) {
    await release(db, claim, rows, { sent: false });
    // Handed back untouched: not claimed by this run after all.
    result.claimed -= rows.length;
    return { result, stop: true };
  }
  options.onRequest?.({ idempotencyKey: requestKey, messages: rows.map((r) => r.idempotencyKey), slot });

  let results: BatchResult;
  try {
    results = asBatch && transport.sendBatch ? await transport.sendBatch(members.map((m) => m.email), requestKey) : [await transport.send(members[0]!.email)];
  } catch (error) {
    if (error instanceof EmailDeliveryError && error.retryAfterMs !== undefined) {
      await reportProviderBusy(db, error.retryAfterMs, error.message);
      await release(db, claim, rows, { sent: true, sendAfter: new Date(at().getTime() + error.retryAfterMs) });
      result.postponed += rows.length;
      log.warn({ requestKey, messages: rows.length, retryAfterMs: error.retryAfterMs }, "email provider busy; postponed");
      return { result, stop: false };
    }
    if (error instanceof EmailDeliveryError) await reportProviderError(db, error.message);
    for (const row of rows) result[await fail(context, claim, row, error, at())]++;
    return { result, stop: false };
  }

  const sent: { row: OutboxRow; providerMessageId: string }[] = [];
  for (const [index, row] of rows.entries()) {
    const outcome = results[index];
    if (outcome && "id" in outcome) sent.push({ row, providerMessageId: outcome.id });
    else result[await fail(context, claim, row, new EmailDeliveryError(outcome?.error ?? "No answer for this message.", true), at())]++;
  }
  await markSent(db, claim, sent, at());
  result.sent += sent.length;
  return { result, stop: false };
}

async function fail(context: Context, claim: Claim, row: OutboxRow, error: unknown, at: Date): Promise<"failed" | "retried"> {
  const problem = describe(error);
  const permanent = error instanceof EmailTemplateError || (error instanceof EmailDeliveryError && error.permanent);
  const outcome = await recordFailure(context.db, claim, row, problem, permanent, at);
  const details = { outboxId: row.id, template: row.template, attempt: row.attempts + 1, problem };
  if (outcome === "failed") log.error(details, "email given up");
  else log.warn(details, "email send failed; will retry");
  return outcome;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
