import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { paidStatusAfterRefunds, type RefundCause } from "@/lib/billing/payments";
import { now } from "@/server/clock";
import type { DbOrTx } from "@/server/db/client";
import { bookings, payments, refunds } from "@/server/db/schema";
import { enqueueRefundIssued, type PaymentContext } from "./payment-emails";
import type { PaymentRow } from "./payment-context";
import { stripe, type Stripe } from "./stripe-client";

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

/**
 * Gives money back, once per booking and cause: the refund row's idempotency
 * key (`refund:<booking>:<cause>`) is unique here and sent to Stripe, so a
 * retried cancel or a redelivered event never refunds twice. The amount counts
 * (and the payer is told) only once Stripe reports the refund `succeeded`;
 * otherwise `charge.refunded` settles it later. Runs in the caller's
 * transaction. Returns the refund row, or null when there is nothing to give back.
 */
export async function issueRefund(
  tx: DbOrTx,
  ctx: PaymentContext & { payment: PaymentRow },
  args: { cents: number; cause: RefundCause; reason?: string | null; key?: string },
) {
  const { payment, booking } = ctx;
  const cents = Math.min(args.cents, payment.amountCents - payment.refundedCents);
  if (cents <= 0 || !["paid", "partially_refunded"].includes(payment.status)) return null;
  const idempotencyKey = args.key ?? `refund:${booking.id}:${args.cause}`;
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
      { payment_intent: payment.paymentIntentId!, amount: cents, metadata: { bookingId: booking.id, cause: args.cause } },
      { idempotencyKey, ...(payment.stripeAccountId ? { stripeAccount: payment.stripeAccountId } : {}) },
    );
    refundId = refund.id;
    status = refund.status;
  } else {
    // The test checkout and payments the coach marked by hand move no real money.
    refundId = `${payment.provider}_re_${randomBytes(12).toString("hex")}`;
    status = "succeeded";
  }
  await tx.update(refunds).set({ stripeRefundId: refundId }).where(eq(refunds.id, created.id));
  if (status === "succeeded") await confirmRefund(tx, ctx, created.id);
  else if (status === "failed" || status === "canceled") await tx.update(refunds).set({ status: "failed" }).where(eq(refunds.id, created.id));
  return created;
}

/**
 * Stripe confirmed a refund: it counts towards the payment (the sum of
 * succeeded refunds, so applying twice changes nothing), the booking's payment
 * status follows, and the payer is told once.
 */
async function confirmRefund(tx: DbOrTx, ctx: PaymentContext & { payment: PaymentRow }, refundRowId: string) {
  const [refund] = await tx
    .update(refunds)
    .set({ status: "succeeded", confirmedAt: now() })
    .where(and(eq(refunds.id, refundRowId), sql`${refunds.status} <> 'succeeded'`))
    .returning();
  if (!refund) return;
  const [{ total } = { total: 0 }] = await tx
    .select({ total: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, ctx.payment.id), eq(refunds.status, "succeeded")));
  const refundedCents = Math.min(total, ctx.payment.amountCents);
  const status = paidStatusAfterRefunds(ctx.payment.amountCents, refundedCents);
  const [updated] = await tx.update(payments).set({ refundedCents, status }).where(eq(payments.id, ctx.payment.id)).returning();
  ctx.payment = updated!;
  await tx.update(bookings).set({ paymentStatus: status }).where(eq(bookings.id, ctx.booking.id));
  await enqueueRefundIssued(tx, ctx, { id: refund.id, amountCents: refund.amountCents, currency: ctx.payment.currency, explanation: EXPLANATIONS[refund.cause] });
}

/**
 * `charge.refunded`: re-reads the payment's refunds from Stripe and records
 * each that succeeded: ours (matched by Stripe's refund id) are confirmed,
 * ones made in Stripe's dashboard are added.
 */
export async function syncRefundsFromStripe(tx: DbOrTx, ctx: PaymentContext & { payment: PaymentRow }) {
  if (!ctx.payment.paymentIntentId) return;
  const list = await stripe().refunds.list(
    { payment_intent: ctx.payment.paymentIntentId, limit: 100 },
    ctx.payment.stripeAccountId ? { stripeAccount: ctx.payment.stripeAccountId } : {},
  );
  for (const refund of list.data) {
    if (refund.status !== "succeeded") continue;
    let [row] = await tx.select().from(refunds).where(eq(refunds.stripeRefundId, refund.id));
    if (!row) {
      [row] = await tx
        .insert(refunds)
        .values({
          practiceId: ctx.payment.practiceId,
          paymentId: ctx.payment.id,
          cause: "stripe_dashboard",
          amountCents: refund.amount,
          reason: refund.reason ?? null,
          idempotencyKey: `stripe:${refund.id}`,
          stripeRefundId: refund.id,
        })
        .onConflictDoNothing()
        .returning();
    }
    if (row) await confirmRefund(tx, ctx, row.id);
  }
}
