import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/server/db/client";
import { packagePurchases, payments } from "@/server/db/schema";
import { notFound, notFoundUnlessId } from "@/server/errors";
import { withdrawUnspentCredits } from "./credits";
import { lockPackagePayment, packageSourceKey, type PackagePaymentContext } from "./package-checkout";
import { enqueuePackageAlert, enqueuePackageRefundIssued } from "./payment-emails";
import { refundByCoach, type coachRefundInput, type RefundTarget } from "./refunds";
import type { Stripe } from "./stripe-client";

/**
 * A package's payment: a confirmed refund emails the client, and once the
 * package is refunded in full what is left of its sessions is withdrawn (a
 * refunded package books nothing more; sessions already booked stay booked).
 * A partial refund leaves the sessions alone: the coach decides what it was for.
 */
function packageRefundTarget(ctx: PackagePaymentContext): RefundTarget {
  return {
    payment: ctx.payment,
    subject: packageSourceKey(ctx.purchase.id),
    afterConfirmed: async (tx, refund, payment, explanation) => {
      if (payment.status === "refunded") {
        await withdrawUnspentCredits(tx, { practiceId: ctx.practice.id, sourceKey: packageSourceKey(ctx.purchase.id), reason: "Package refunded in full" });
      }
      await enqueuePackageRefundIssued(tx, ctx, { id: refund.id, amountCents: refund.amountCents, currency: payment.currency, explanation });
    },
  };
}

/** The refund target of a package's payment by its payment intent (`charge.refunded`); null when it isn't a package's. */
export async function packageRefundTargetFor(tx: DbOrTx, paymentIntentId: string) {
  const ctx = await lockPackagePayment(tx, { paymentIntentId });
  return ctx ? packageRefundTarget(ctx) : null;
}

/** The coach refunds a package's payment in full or in part, with a reason (a full refund also withdraws its unused sessions). */
export async function refundPackagePayment(practiceId: string, paymentId: string, input: z.input<typeof coachRefundInput>) {
  notFoundUnlessId(paymentId, "That payment");
  return getDb().transaction(async (tx) => {
    const ctx = await lockPackagePayment(tx, { paymentId });
    if (!ctx || ctx.payment.practiceId !== practiceId) throw notFound("That payment");
    return refundByCoach(tx, packageRefundTarget(ctx), input);
  });
}

/**
 * `charge.dispute.created` on a package's charge: the payment is flagged and
 * the coach alerted (once per payment). False when the charge isn't a package's.
 */
export async function flagPackagePaymentDisputed(tx: DbOrTx, paymentIntentId: string, dispute: Stripe.Dispute) {
  const ctx = await lockPackagePayment(tx, { paymentIntentId });
  if (!ctx) return false;
  await tx.update(payments).set({ disputed: true }).where(eq(payments.id, ctx.payment.id));
  const asked = { amountCents: ctx.payment.amountCents, currency: ctx.payment.currency };
  await enqueuePackageAlert(tx, ctx, { paymentId: ctx.payment.id, problem: "dispute", asked, reported: { amountCents: dispute.amount, currency: dispute.currency } });
  return true;
}

/** A client's package payments by purchase, for the refund controls on the coach's client page. */
export async function clientPackagePayments(practiceId: string, clientId: string, db: DbOrTx = getDb()) {
  const rows = await db
    .select({ payment: payments, purchaseId: packagePurchases.id })
    .from(payments)
    .innerJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .where(and(eq(payments.practiceId, practiceId), eq(packagePurchases.clientId, clientId), isNotNull(payments.paidAt)));
  return new Map(rows.map(({ payment, purchaseId }) => [packageSourceKey(purchaseId), payment]));
}
