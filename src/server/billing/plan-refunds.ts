import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { env } from "@/lib/env";
import { getDb, type DbOrTx } from "@/server/db/client";
import { clients, planInvoices, planSubscriptions, plans, practices, refunds } from "@/server/db/schema";
import { AppError, notFound, notFoundUnlessId } from "@/server/errors";
import { enqueueEmail } from "@/server/notifications/outbox";
import type { TemplateData } from "@/server/notifications/templates";
import { parseInput } from "@/server/validate";
import { coachRefundInput, markRefundSucceeded } from "./refunds";
import { withdrawUnspentCredits } from "./credits";
import { onStripeAccount, stripe, type Stripe } from "./stripe-client";
import { periodSourceKey } from "./subscriptions";

/**
 * Refunds and disputes of a plan's paid months (docs/billing.md, "Monthly
 * plans"). A month's refunds live in `refunds` beside the sessions' and
 * packages' (`plan_invoice_id` instead of `payment_id`), are created once
 * (idempotency key, unique, sent to Stripe) and count towards
 * `plan_invoices.refunded_cents` only when Stripe reports them `succeeded`.
 */

/** A paid month with what its Stripe calls and emails need, the invoice row locked (FOR UPDATE). */
async function lockPlanInvoice(tx: DbOrTx, where: { id: string } | { paymentIntentId: string }) {
  const [row] = await tx
    .select({ invoice: planInvoices, subscription: planSubscriptions, planName: plans.name, client: clients, practice: practices })
    .from(planInvoices)
    .innerJoin(planSubscriptions, eq(planSubscriptions.id, planInvoices.subscriptionId))
    .innerJoin(plans, eq(plans.id, planSubscriptions.planId))
    .innerJoin(clients, eq(clients.id, planInvoices.clientId))
    .innerJoin(practices, eq(practices.id, planInvoices.practiceId))
    .where("id" in where ? eq(planInvoices.id, where.id) : eq(planInvoices.paymentIntentId, where.paymentIntentId))
    .for("update", { of: planInvoices });
  return row ?? null;
}

type PlanMonth = NonNullable<Awaited<ReturnType<typeof lockPlanInvoice>>>;

/** The month as its emails describe it: the plan, the period on the reader's clock, an amount. */
function monthEmail(month: PlanMonth, reader: { name: string; timeZone: string }, amountCents: number, actionUrl: string) {
  return {
    recipientName: reader.name,
    practiceName: month.practice.name,
    clientName: month.client.name,
    planName: month.planName,
    periodStartIso: month.invoice.periodStart.toISOString(),
    periodEndIso: month.invoice.periodEnd.toISOString(),
    timeZone: reader.timeZone,
    amountCents,
    currency: month.invoice.currency,
    coachEmail: month.practice.contactEmail,
    actionUrl,
  };
}

/**
 * Stripe confirmed a refund of the month: it counts (the sum of succeeded
 * refunds, so applying twice changes nothing) and the client is told once.
 * Refunded in full, the period's unused credits are withdrawn; a partial
 * refund leaves them (the coach can adjust credits by hand).
 */
async function confirmPlanRefund(tx: DbOrTx, month: PlanMonth, refundRowId: string) {
  const confirmed = await markRefundSucceeded(tx, refundRowId, eq(refunds.planInvoiceId, month.invoice.id));
  if (!confirmed) return;
  const { refund, total } = confirmed;
  const refundedCents = Math.min(total, month.invoice.amountCents);
  const [updated] = await tx.update(planInvoices).set({ refundedCents }).where(eq(planInvoices.id, month.invoice.id)).returning();
  month.invoice = updated!;
  if (refundedCents >= month.invoice.amountCents) {
    await withdrawUnspentCredits(tx, {
      practiceId: month.invoice.practiceId,
      sourceKey: periodSourceKey(month.subscription.id, month.invoice.periodStart),
      reason: "The month was refunded in full",
    });
  }
  const data: TemplateData<"plan-refunded"> = {
    ...monthEmail(month, month.client, refund.amountCents, new URL("/portal/payments", env().APP_URL).toString()),
    reason: refund.cause === "coach" ? refund.reason : null,
  };
  await enqueueEmail(tx, {
    practiceId: month.invoice.practiceId,
    to: month.client.email,
    template: "plan-refunded",
    data,
    topic: `plan:${month.subscription.id}`,
    idempotencyKey: `refund:${refund.id}:issued`,
  });
}

/**
 * The payment intent that paid the month. Months recorded before Tend kept it
 * (or an `invoice.paid` that arrived before Stripe attached the payment) are
 * re-read from Stripe once, and it is kept.
 */
async function paymentIntentOf(tx: DbOrTx, month: PlanMonth) {
  if (month.invoice.paymentIntentId) return month.invoice.paymentIntentId;
  const invoice = await stripe().invoices.retrieve(month.invoice.invoiceId, { expand: ["payments"] }, onStripeAccount(month.subscription.stripeAccountId));
  const intent = invoice.payments?.data.find((p) => p.status === "paid")?.payment.payment_intent;
  const id = typeof intent === "string" ? intent : (intent?.id ?? null);
  if (!id) throw new AppError("conflict", "Stripe doesn't show a payment for this month; refund it from your Stripe dashboard.");
  await tx.update(planInvoices).set({ paymentIntentId: id }).where(eq(planInvoices.id, month.invoice.id));
  return id;
}

/**
 * The coach refunds a paid month in full or in part, with a reason. Each
 * refund is its own (the idempotency key carries a fresh id), at most what is
 * left. Test-checkout months move no money: the refund succeeds at once.
 */
export async function refundPlanInvoice(practiceId: string, planInvoiceId: string, input: z.input<typeof coachRefundInput>) {
  const { amountCents, reason } = parseInput(coachRefundInput, input);
  notFoundUnlessId(planInvoiceId, "That payment");
  return getDb().transaction(async (tx) => {
    const month = await lockPlanInvoice(tx, { id: planInvoiceId });
    if (!month || month.invoice.practiceId !== practiceId) throw notFound("That payment");
    const left = month.invoice.amountCents - month.invoice.refundedCents;
    if (month.invoice.state !== "paid" || left <= 0) throw new AppError("conflict", "There is nothing left to refund on this payment.");
    if (amountCents > left) throw new AppError("invalid", "That is more than is left to refund.", { amount: [`At most ${(left / 100).toFixed(2)} is left to refund.`] });
    const idempotencyKey = `refund:plan-invoice:${month.invoice.id}:coach:${crypto.randomUUID()}`;
    const [created] = await tx
      .insert(refunds)
      .values({ practiceId, planInvoiceId: month.invoice.id, cause: "coach", amountCents, reason, idempotencyKey })
      .returning();

    let refundId: string;
    let status: Stripe.Refund["status"];
    if (month.subscription.provider === "stripe") {
      const refund = await stripe().refunds.create(
        { payment_intent: await paymentIntentOf(tx, month), amount: amountCents, metadata: { planInvoiceId: month.invoice.id, cause: "coach" } },
        { idempotencyKey, ...onStripeAccount(month.subscription.stripeAccountId) },
      );
      refundId = refund.id;
      status = refund.status;
    } else {
      // The laptop's test checkout moves no real money.
      refundId = `${month.subscription.provider}_re_${randomBytes(12).toString("hex")}`;
      status = "succeeded";
    }
    const [row] = await tx.update(refunds).set({ stripeRefundId: refundId }).where(eq(refunds.id, created!.id)).returning();
    if (status === "succeeded") await confirmPlanRefund(tx, month, created!.id);
    else if (status === "failed" || status === "canceled") await tx.update(refunds).set({ status: "failed" }).where(eq(refunds.id, created!.id));
    return row!;
  });
}

/**
 * `charge.refunded` about a plan month's charge: re-reads the payment
 * intent's refunds from Stripe and records each that succeeded: ours
 * (matched by Stripe's refund id) are confirmed, ones made in Stripe's
 * dashboard are added (cause `stripe_dashboard`, once: key `stripe:<refund>`).
 * False when the payment intent isn't a plan month's (or is on another account).
 */
export async function syncPlanInvoiceRefunds(tx: DbOrTx, paymentIntentId: string, account: string | null) {
  const month = await lockPlanInvoice(tx, { paymentIntentId });
  if (!month || (month.subscription.stripeAccountId ?? null) !== account) return false;
  const list = await stripe().refunds.list({ payment_intent: paymentIntentId, limit: 100 }, onStripeAccount(account));
  for (const refund of list.data) {
    if (refund.status !== "succeeded") continue;
    let [row] = await tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.stripeRefundId, refund.id), eq(refunds.planInvoiceId, month.invoice.id)));
    if (!row) {
      [row] = await tx
        .insert(refunds)
        .values({
          practiceId: month.invoice.practiceId,
          planInvoiceId: month.invoice.id,
          cause: "stripe_dashboard",
          amountCents: refund.amount,
          reason: refund.reason ?? null,
          idempotencyKey: `stripe:${refund.id}`,
          stripeRefundId: refund.id,
        })
        .onConflictDoNothing()
        .returning();
    }
    if (row) await confirmPlanRefund(tx, month, row.id);
  }
  return true;
}

/**
 * `charge.dispute.created` about a plan month's charge: the month is flagged
 * and the coach alerted (once per month). False when it isn't a plan month's.
 */
export async function flagPlanInvoiceDisputed(tx: DbOrTx, paymentIntentId: string, dispute: Stripe.Dispute, account: string | null) {
  const month = await lockPlanInvoice(tx, { paymentIntentId });
  if (!month || (month.subscription.stripeAccountId ?? null) !== account) return false;
  await tx.update(planInvoices).set({ disputed: true }).where(eq(planInvoices.id, month.invoice.id));
  const clientUrl = new URL(`/coach/clients/${month.client.id}`, env().APP_URL).toString();
  const data: TemplateData<"plan-disputed"> = monthEmail(month, { name: month.practice.name, timeZone: month.practice.timeZone }, dispute.amount, clientUrl);
  await enqueueEmail(tx, {
    practiceId: month.invoice.practiceId,
    to: month.practice.contactEmail,
    template: "plan-disputed",
    data: { ...data, currency: dispute.currency.toUpperCase() },
    topic: `plan:${month.subscription.id}`,
    idempotencyKey: `plan-invoice:${month.invoice.id}:alert-dispute`,
  });
  return true;
}

/** A client's paid plan months, newest first, for the coach's client page (amount, refunded, disputed). */
export function paidPlanMonths(practiceId: string, clientId: string, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(planInvoices)
    .where(and(eq(planInvoices.practiceId, practiceId), eq(planInvoices.clientId, clientId), eq(planInvoices.state, "paid")))
    .orderBy(desc(planInvoices.periodStart));
}
