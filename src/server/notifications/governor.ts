import "server-only";
import { eq, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { rowsOf, type Db } from "@/server/db/client";
import { emailSendGovernor } from "@/server/db/schema";

/** The governor row the Resend transport shares (one per provider). */
const RESEND_PROVIDER = "resend";
/** After "too many requests" the interval doubles, up to this factor... */
const MAX_SLOWDOWN = 16;
/** ...and each reserved slot takes it this much of the way back towards 1. */
const SLOWDOWN_DECAY = 0.95;

export type SendSlot = {
  /** The instant, on the database's clock, this request may go. */
  at: Date;
  /** How long to wait for it from now. */
  waitMs: number;
};

/**
 * Reserves the next moment one request may go to the provider, shared by
 * every dispatcher and server instance through one row in Postgres:
 * `next_slot_at` holds the last slot given out; the next one is that plus
 * the interval (1 / EMAIL_RATE_PER_SECOND, times the slowdown), or now if
 * the provider has been idle. One INSERT … ON CONFLICT DO UPDATE does it, so
 * concurrent reservations queue on the row lock and never share a slot. The
 * wait is worked out on the database's clock, so instances whose clocks
 * disagree still keep the spacing.
 *
 * Returns undefined, reserving nothing, when the slot would be more than
 * `maxWaitMs` away (the provider asked for a long pause): the caller tries later.
 */
export async function reserveSendSlot(db: Db, options: { maxWaitMs: number; ratePerSecond?: number; provider?: string }): Promise<SendSlot | undefined> {
  const intervalMs = 1000 / (options.ratePerSecond ?? env().EMAIL_RATE_PER_SECOND);
  const provider = options.provider ?? RESEND_PROVIDER;
  const next = sql`greatest(g.next_slot_at + ${intervalMs}::float8 * g.slowdown * interval '1 millisecond', clock_timestamp())`;
  const result = await db.execute(sql`
    insert into email_send_governor as g (provider, next_slot_at) values (${provider}, clock_timestamp())
    on conflict (provider) do update
      set next_slot_at = ${next}, slowdown = greatest(1, g.slowdown * ${SLOWDOWN_DECAY}::float8)
      where ${next} <= clock_timestamp() + ${options.maxWaitMs}::float8 * interval '1 millisecond'
    returning g.next_slot_at as at,
      greatest(0, extract(epoch from (g.next_slot_at - clock_timestamp())) * 1000)::float8 as wait_ms`);
  const [row] = rowsOf<{ at: Date | string; wait_ms: number | string }>(result);
  if (!row) return undefined;
  return { at: new Date(row.at), waitMs: Number(row.wait_ms) };
}

/** Reserves a slot and waits for it; false when none was free within `maxWaitMs`. */
export async function waitForSendSlot(db: Db, options: { maxWaitMs: number; onSlot?: (slot: SendSlot) => void }): Promise<boolean> {
  const slot = await reserveSendSlot(db, options);
  if (!slot) return false;
  options.onSlot?.(slot);
  if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
  return true;
}

/**
 * The provider said "too many" (or "unavailable, come back in…"): nobody
 * sends before `retryAfterMs` from now, and the pace halves for a while
 * (it recovers as slots are given out), in case the account's real limit is
 * lower than EMAIL_RATE_PER_SECOND.
 */
export async function reportProviderBusy(db: Db, retryAfterMs: number, problem: string, provider = RESEND_PROVIDER) {
  await db.execute(sql`
    insert into email_send_governor as g (provider, next_slot_at, slowdown, last_error, last_error_at)
    values (${provider}, clock_timestamp() + ${retryAfterMs}::float8 * interval '1 millisecond', 2, ${problem}, clock_timestamp())
    on conflict (provider) do update set
      next_slot_at = greatest(g.next_slot_at, excluded.next_slot_at),
      slowdown = least(${MAX_SLOWDOWN}::float8, g.slowdown * 2),
      last_error = excluded.last_error,
      last_error_at = excluded.last_error_at`);
}

/** Remembers the provider's latest refusal, for GET /api/health. */
export async function reportProviderError(db: Db, problem: string, provider = RESEND_PROVIDER) {
  await db
    .insert(emailSendGovernor)
    .values({ provider, lastError: problem, lastErrorAt: sql`clock_timestamp()` })
    .onConflictDoUpdate({ target: emailSendGovernor.provider, set: { lastError: problem, lastErrorAt: sql`clock_timestamp()` } });
}

/** The provider's latest refusal, if any. */
export async function lastProviderError(db: Db, provider = RESEND_PROVIDER): Promise<{ message: string; at: Date } | null> {
  const [row] = await db
    .select({ message: emailSendGovernor.lastError, at: emailSendGovernor.lastErrorAt })
    .from(emailSendGovernor)
    .where(eq(emailSendGovernor.provider, provider));
  return row?.message && row.at ? { message: row.message, at: row.at } : null;
}
