import "server-only";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { CreditGrantKind } from "@/lib/billing/credits";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { creditGrants, creditLedger } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";

/**
 * Session credits (docs/billing.md, "Credits"): grants (a package bought, a
 * plan's period paid) and the append-only ledger of what happened to them.
 * A grant's balance is the sum of its ledger rows; the database refuses any
 * row that would take it below zero and any change to a written row.
 */

type Grant = typeof creditGrants.$inferSelect;

export type GrantCreditsInput = {
  practiceId: string;
  clientId: string;
  kind: CreditGrantKind;
  /** Where the credits come from, unique per practice: `package:<purchase id>`, `plan:<subscription>:<period start>`. */
  sourceKey: string;
  label: string;
  offeringIds: string[];
  quantity: number;
  validFrom: Date;
  expiresAt: Date;
};

/**
 * The balance of each grant: the sum of its ledger rows. Spelled out in full,
 * since drizzle leaves a lone table's columns unqualified in a select list
 * (where `id` would mean the ledger's own).
 */
const balanceOf = sql<number>`coalesce((select sum(l.delta) from credit_ledger l where l.grant_id = "credit_grants"."id"), 0)::int`;

/**
 * Grants credits, in the caller's transaction (the payment that bought them).
 * Once per source: granting the same `sourceKey` again returns the grant made
 * the first time and writes nothing.
 */
export async function grantCredits(tx: DbOrTx, input: GrantCreditsInput): Promise<Grant> {
  const [created] = await tx
    .insert(creditGrants)
    .values(input)
    .onConflictDoNothing({ target: [creditGrants.practiceId, creditGrants.sourceKey] })
    .returning();
  if (!created) {
    const [existing] = await tx
      .select()
      .from(creditGrants)
      .where(and(eq(creditGrants.practiceId, input.practiceId), eq(creditGrants.sourceKey, input.sourceKey)));
    return existing!;
  }
  await tx.insert(creditLedger).values({
    practiceId: input.practiceId,
    clientId: input.clientId,
    grantId: created.id,
    kind: "grant",
    delta: input.quantity,
    reason: input.label,
  });
  return created;
}

type Spender = { practiceId: string; clientId: string; offeringId: string; at: Date };

/** Grants of this client that book this offering at `at` (valid from, not yet expired). */
const bookableBy = (args: Spender) =>
  and(
    eq(creditGrants.practiceId, args.practiceId),
    eq(creditGrants.clientId, args.clientId),
    sql`${args.offeringId}::uuid = any(${creditGrants.offeringIds})`,
    lte(creditGrants.validFrom, args.at),
    gt(creditGrants.expiresAt, args.at),
  );

/** The client's grants that book this offering at `at` (valid, not expired), soonest to expire first. */
function usableGrants(db: DbOrTx, args: Spender) {
  return db
    .select({ id: creditGrants.id })
    .from(creditGrants)
    .where(
      and(bookableBy(args), sql`${balanceOf} > 0`),
    )
    .orderBy(asc(creditGrants.expiresAt), asc(creditGrants.createdAt));
}

/** Locks a grant row (spends, returns and expiries of one grant queue here) and reads its balance after the lock. */
async function lockGrant(tx: DbOrTx, grantId: string) {
  const [grant] = await tx.select().from(creditGrants).where(eq(creditGrants.id, grantId)).for("update");
  if (!grant) return null;
  const [row] = await tx.select({ balance: sql<number>`coalesce(sum(${creditLedger.delta}), 0)::int` }).from(creditLedger).where(eq(creditLedger.grantId, grantId));
  return { grant, balance: row!.balance };
}

const noCreditLeft = () =>
  new AppError("conflict", "You have no sessions left to use for this booking. Choose another way to pay.", undefined, {
    internal: "no usable credit for the booking",
  });

/**
 * Spends one credit on a booking, inside the booking's transaction (no credit:
 * throws, and the booking rolls back with it). The grant is locked before its
 * balance is read, so of 50 bookings at once on a last credit exactly one gets
 * it (the ledger's trigger refuses a negative balance as well). Returns the
 * grant used and what is left on it.
 */
export async function spendCredit(tx: DbOrTx, args: { practiceId: string; clientId: string; offeringId: string; bookingId: string; at?: Date }) {
  const at = args.at ?? now();
  for (const candidate of await usableGrants(tx, { ...args, at })) {
    const locked = await lockGrant(tx, candidate.id);
    if (!locked || locked.balance <= 0) continue;
    await tx.insert(creditLedger).values({
      practiceId: args.practiceId,
      clientId: args.clientId,
      grantId: locked.grant.id,
      kind: "spend",
      bookingId: args.bookingId,
      delta: -1,
      reason: "Session booked",
    });
    return { grant: locked.grant, left: locked.balance - 1 };
  }
  throw noCreditLeft();
}

/** The credit a booking spent (null: it was not paid with a credit). */
async function creditSpentOn(db: DbOrTx, practiceId: string, bookingId: string) {
  const [row] = await db
    .select({ grant: creditGrants, entry: creditLedger })
    .from(creditLedger)
    .innerJoin(creditGrants, eq(creditGrants.id, creditLedger.grantId))
    .where(and(eq(creditLedger.practiceId, practiceId), eq(creditLedger.bookingId, bookingId), eq(creditLedger.kind, "spend")));
  return row ?? null;
}

/**
 * Gives a booking's credit back to its grant (a cancel within policy, the coach
 * cancelling), in the caller's transaction. Once per booking: a second return
 * writes nothing. A credit returned after its grant expired lapses again at the
 * next expiry sweep. Returns whether a credit went back.
 */
export async function returnCredit(tx: DbOrTx, args: { practiceId: string; bookingId: string; reason: string }) {
  const spent = await creditSpentOn(tx, args.practiceId, args.bookingId);
  if (!spent) return false;
  await lockGrant(tx, spent.grant.id);
  const [returned] = await tx
    .insert(creditLedger)
    .values({
      practiceId: args.practiceId,
      clientId: spent.entry.clientId,
      grantId: spent.grant.id,
      kind: "return",
      bookingId: args.bookingId,
      delta: 1,
      reason: args.reason,
    })
    .onConflictDoNothing({ target: creditLedger.bookingId, where: sql`kind = 'return'` })
    .returning();
  return Boolean(returned);
}

/**
 * Writes an `expire` row for what is left on each grant past its `expiresAt`.
 * Idempotent: a grant at zero has nothing to expire, and each grant is locked
 * while its rest is read, so two sweeps at once expire it once. Returns the
 * grants expired.
 */
export async function expireCredits(options: { at?: Date } = {}) {
  const at = options.at ?? now();
  const due = await getDb()
    .select({ id: creditGrants.id })
    .from(creditGrants)
    .where(and(lte(creditGrants.expiresAt, at), sql`${balanceOf} > 0`));
  let expired = 0;
  for (const { id } of due) {
    const done = await getDb().transaction(async (tx) => {
      const locked = await lockGrant(tx, id);
      if (!locked || locked.balance <= 0) return false;
      await tx.insert(creditLedger).values({
        practiceId: locked.grant.practiceId,
        clientId: locked.grant.clientId,
        grantId: id,
        kind: "expire",
        delta: -locked.balance,
        reason: `Unused ${locked.balance === 1 ? "session" : "sessions"} expired`,
      });
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

/**
 * The money that bought a grant went back in full (a refund by the coach or in
 * Stripe's dashboard): what is left on the grant is withdrawn with an `adjust`
 * row, in the caller's transaction, so a refunded package or plan month books
 * nothing more. Sessions already booked with it stay booked. Once per grant:
 * at zero there is nothing left to withdraw. Returns how many were withdrawn.
 */
export async function withdrawUnspentCredits(tx: DbOrTx, args: { practiceId: string; sourceKey: string; reason: string }) {
  const [grant] = await tx
    .select({ id: creditGrants.id })
    .from(creditGrants)
    .where(and(eq(creditGrants.practiceId, args.practiceId), eq(creditGrants.sourceKey, args.sourceKey)));
  const locked = grant ? await lockGrant(tx, grant.id) : null;
  if (!locked || locked.balance <= 0) return 0;
  await tx.insert(creditLedger).values({
    practiceId: args.practiceId,
    clientId: locked.grant.clientId,
    grantId: locked.grant.id,
    kind: "adjust",
    delta: -locked.balance,
    reason: args.reason,
  });
  return locked.balance;
}

const adjustInput = z.object({
  delta: z
    .number()
    .int("Enter a whole number of sessions.")
    .refine((n) => n !== 0, "Enter how many sessions to add (or take away, with a minus).")
    .refine((n) => Math.abs(n) <= 100, "Adjust by at most 100 sessions at a time."),
  reason: z.string().trim().min(1, "Say why (the client may ask).").max(500, "Keep the reason under 500 characters."),
});

/** The coach adds or takes away credits on a grant, with a reason. Never below zero. */
export async function adjustCredits(practiceId: string, grantId: string, input: z.input<typeof adjustInput>) {
  const { delta, reason } = parseInput(adjustInput, input);
  return getDb().transaction(async (tx) => {
    const locked = await lockGrant(tx, grantId);
    if (!locked || locked.grant.practiceId !== practiceId) throw notFound("That package");
    if (locked.balance + delta < 0) {
      throw new AppError("invalid", "That would leave fewer than zero sessions.", { delta: [`At most ${locked.balance} can be taken away.`] });
    }
    const [entry] = await tx
      .insert(creditLedger)
      .values({ practiceId, clientId: locked.grant.clientId, grantId, kind: "adjust", delta, reason })
      .returning();
    return { entry: entry!, balance: locked.balance + delta };
  });
}

/** How many credits the client can spend on this offering at `at` (now by default). */
export async function creditBalanceFor(args: { practiceId: string; clientId: string; offeringId: string; at?: Date }, db: DbOrTx = getDb()) {
  const at = args.at ?? now();
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${balanceOf}), 0)::int` })
    .from(creditGrants)
    .where(
      bookableBy({ ...args, at }),
    );
  return row!.total;
}

/** A client's grants with their balances and ledgers, newest first (the coach's client page). */
export async function clientCredits(practiceId: string, clientId: string, db: DbOrTx = getDb()) {
  const grants = await db
    .select({ grant: creditGrants, balance: balanceOf })
    .from(creditGrants)
    .where(and(eq(creditGrants.practiceId, practiceId), eq(creditGrants.clientId, clientId)))
    .orderBy(sql`${creditGrants.createdAt} desc`);
  const entries = grants.length
    ? await db
        .select()
        .from(creditLedger)
        .where(and(eq(creditLedger.practiceId, practiceId), eq(creditLedger.clientId, clientId)))
        .orderBy(asc(creditLedger.createdAt))
    : [];
  return grants.map(({ grant, balance }) => ({ grant, balance, entries: entries.filter((e) => e.grantId === grant.id) }));
}
