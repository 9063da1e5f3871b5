import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { paidStatusAfterRefunds, type RefundCause } from "@/lib/billing/payments";
import { refundReasonSchema } from "@/lib/validation";
import { now } from "@/server/clock";
import type { DbOrTx } from "@/server/db/client";
import { bookings, payments, refunds } from "@/server/db/schema";
import { enqueueRefundIssued, type PaymentContext } from "./payment-emails";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { lockPayment, type PaymentRow } from "./payment-context";
import { onStripeAccount, stripe, type Stripe } from "./stripe-client";

/** What the payer reads about why money came back. */
const EXPLANATIONS: Record<RefundCause, string> = {
  client_cancel: "you canceled in time, so your payment is refunded in full.",
  late_cancel: "you canceled inside the cancellation window; this is the part the cancellation policy gives back.",
  no_show: "the session was missed; this is the part the cancellation policy gives back for a missed session.",
  coach_cancel: "the session was canceled by your coach, so your payment is refunded in full.",
  hold_lost:
    "your payment arrived after the 30 minutes we held the time, and the time was no longer free, so we refunded it in full. Nothing is booked; please choose another time.",
  coach: "your coach issued a refund.",
  stripe_dashboard: "your coach issued a refund.",
};

/** A refund row as stored. */
type RefundRow = typeof refunds.$inferSelect;

/**
 * What a refund is about: the payment (locked by the caller), what it paid for
 * (`subject`, part of each refund's idempotency key: a booking id, or
 * `package:<purchase id>`), and what follows once Stripe confirms a refund of
 * it (the booking's payment status, the payer's email, credits withdrawn).
 */
export type RefundTarget = {
  payment: PaymentRow;
  subject: string;
  afterConfirmed: (tx: DbOrTx, refund: RefundRow, payment: PaymentRow, explanation: string) => Promise<void>;
};

/** A session's payment: a confirmed refund sets the booking's payment status and emails the booker. */
export function sessionRefundTarget(ctx: PaymentContext & { payment: PaymentRow }): RefundTarget {
  return {
    payment: ctx.payment,
    subject: ctx.booking.id,
    afterConfirmed: async (tx, refund, payment, explanation) => {
      ctx.payment = payment;
      const paymentStatus = paidStatusAfterRefunds(payment.amountCents, payment.refundedCents);
      await tx.update(bookings).set({ paymentStatus }).where(eq(bookings.id, ctx.booking.id));
      await enqueueRefundIssued(tx, ctx, { id: refund.id, amountCents: refund.amountCents, currency: payment.currency, explanation });
    },
  };
}

/** The refunds of a session's payment, for the cancel and payment flows (see refundPayment). */
export const issueRefund = (tx: DbOrTx, ctx: PaymentContext & { payment: PaymentRow }, args: RefundArgs) => refundPayment(tx, sessionRefundTarget(ctx), args);

type RefundArgs = { cents: number; cause: RefundCause; reason?: string | null; key?: string };

/**
 * Gives money back, once per subject and cause: the refund row's idempotency
 * key (`refund:<subject>:<cause>`) is unique here and sent to Stripe, so a
 * retried cancel or a redelivered event never refunds twice. The amount counts
 * (and the payer is told) only once Stripe reports the refund `succeeded`;
 * otherwise `charge.refunded` settles it later. Runs in the caller's
 * transaction. Returns the refund row, or null when there is nothing to give back.
 */
async function refundPayment(tx: DbOrTx, target: RefundTarget, args: RefundArgs) {
  const { payment } = target;
  const cents = Math.min(args.cents, payment.amountCents - payment.refundedCents);
  if (cents <= 0 || !["paid", "partially_refunded"].includes(payment.status)) return null;
  const idempotencyKey = args.key ?? `refund:${target.subject}:${args.cause}`;
  const [created] = await tx
    .insert(refunds)
    .values({ practiceId: payment.practiceId, paymentId: payment.id, cause: args.cause, amountCents: cents, reason: args.reason ?? null, idempotencyKey })
    .onConflictDoNothing({ target: refunds.idempotencyKey })
    .returning();
  if (!created) return null;

  let refundId: string;
  let status: Stripe.Refund["status"];
  if (payment.provider === "stripe") {
    const refund = await stripe().refunds.create(
      { payment_intent: payment.paymentIntentId!, amount: cents, metadata: { subject: target.subject, cause: args.cause } },
      { idempotencyKey, ...onStripeAccount(payment.stripeAccountId) },
    );
    refundId = refund.id;
    status = refund.status;
  } else {
    // The test checkout and payments the coach marked by hand move no real money.
    refundId = `${payment.provider}_re_${randomBytes(12).toString("hex")}`;
    status = "succeeded";
  }
  await tx.update(refunds).set({ stripeRefundId: refundId }).where(eq(refunds.id, created.id));
  if (status === "succeeded") await confirmRefund(tx, target, created.id);
  else if (status === "failed" || status === "canceled") await tx.update(refunds).set({ status: "failed" }).where(eq(refunds.id, created.id));
  return created;
}

export const coachRefundInput = z.object({
  amountCents: z.number().int().positive("Enter an amount above zero."),
  reason: refundReasonSchema,
});

/**
 * The coach refunds a payment (a session's or a package's) in full or in
 * part, with a reason, in the caller's transaction. Each refund is its own (the
 * idempotency key carries a fresh id), capped at what is left: more is a field
 * error, nothing left a conflict.
 */
export async function refundByCoach(tx: DbOrTx, target: RefundTarget, input: z.input<typeof coachRefundInput>) {
  const { amountCents, reason } = parseInput(coachRefundInput, input);
  const left = target.payment.amountCents - target.payment.refundedCents;
  if (!["paid", "partially_refunded"].includes(target.payment.status) || left <= 0) throw new AppError("conflict", "There is nothing left to refund on this payment.");
  if (amountCents > left) throw new AppError("invalid", "That is more than is left to refund.", { amount: [`At most ${(left / 100).toFixed(2)} is left to refund.`] });
  const refund = await refundPayment(tx, target, { cents: amountCents, cause: "coach", reason, key: `refund:${target.subject}:coach:${crypto.randomUUID()}` });
  return refund!;
}

/**
 * Marks a refund row succeeded (once: a row already succeeded gives null, so a
 * redelivered event changes nothing) and sums the succeeded refunds of what it
 * refunds (`of`: its payment, or its plan month), which is what now counts as refunded.
 */
export async function markRefundSucceeded(tx: DbOrTx, refundRowId: string, of: SQL | undefined) {
  const [refund] = await tx
    .update(refunds)
    .set({ status: "succeeded", confirmedAt: now() })
    .where(and(eq(refunds.id, refundRowId), sql`${refunds.status} <> 'succeeded'`))
    .returning();
  if (!refund) return null;
  const [{ total } = { total: 0 }] = await tx
    .select({ total: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
    .from(refunds)
    .where(and(of, eq(refunds.status, "succeeded")));
  return { refund, total };
}

/**
 * Stripe confirmed a refund: it counts towards the payment (the sum of
 * succeeded refunds, so applying twice changes nothing), what the payment paid
 * for follows (target.afterConfirmed), and the payer is told once.
 */
async function confirmRefund(tx: DbOrTx, target: RefundTarget, refundRowId: string) {
  const confirmed = await markRefundSucceeded(tx, refundRowId, eq(refunds.paymentId, target.payment.id));
  if (!confirmed) return;
  const { refund, total } = confirmed;
  const refundedCents = Math.min(total, target.payment.amountCents);
  const status = paidStatusAfterRefunds(target.payment.amountCents, refundedCents);
  const [updated] = await tx.update(payments).set({ refundedCents, status }).where(eq(payments.id, target.payment.id)).returning();
  target.payment = updated!;
  await target.afterConfirmed(tx, refund, updated!, EXPLANATIONS[refund.cause]);
}

/**
 * `charge.refunded`: re-reads the payment's refunds from Stripe and records
 * each that succeeded: ours (matched by Stripe's refund id) are confirmed,
 * ones made in Stripe's dashboard are added.
 */
export async function syncRefundsFromStripe(tx: DbOrTx, target: RefundTarget) {
  const { payment } = target;
  if (!payment.paymentIntentId) return;
  const list = await stripe().refunds.list({ payment_intent: payment.paymentIntentId, limit: 100 }, onStripeAccount(payment.stripeAccountId));
  for (const refund of list.data) {
    if (refund.status !== "succeeded") continue;
    let [row] = await tx.select().from(refunds).where(eq(refunds.stripeRefundId, refund.id));
    if (!row) {
      [row] = await tx
        .insert(refunds)
        .values({
          practiceId: payment.practiceId,
          paymentId: payment.id,
          cause: "stripe_dashboard",
          amountCents: refund.amount,
          reason: refund.reason ?? null,
          idempotencyKey: `stripe:${refund.id}`,
          stripeRefundId: refund.id,
        })
        .onConflictDoNothing()
        .returning();
    }
    if (row) await confirmRefund(tx, target, row.id);
  }
}

/** The refund target of a session's payment by its payment intent (`charge.refunded`); null when it isn't a session's. */
export async function sessionRefundTargetFor(tx: DbOrTx, paymentIntentId: string) {
  const ctx = await lockPayment(tx, { paymentIntentId });
  return ctx ? sessionRefundTarget(ctx) : null;
}
