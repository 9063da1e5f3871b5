import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/server/db/client";
import { planSubscriptions } from "@/server/db/schema";
import { log } from "@/server/log";
import { reportOf } from "./plan-checkout";
import { onStripeAccount, stripe, type Stripe } from "./stripe-client";
import {
  lockSubscription,
  recordPlanCheckoutExpired,
  recordPlanInvoiceFailed,
  recordPlanInvoicePaid,
  recordSubscriptionState,
  type PlanInvoiceReport,
} from "./subscriptions";

/**
 * Stripe's plan events (invoices, subscriptions, subscription-mode Checkout),
 * inside the webhook's transaction for that event id (webhook.ts). Order is
 * not trusted: the subscription row is locked first, then the subscription
 * (and invoice) are re-read from Stripe, so whatever arrives last writes the
 * state Stripe has now.
 */

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * Locks our row for a Stripe subscription: by its id, or (the first event
 * about it, which may be `invoice.paid` before `checkout.session.completed`)
 * by the row id Checkout put in the subscription's metadata, checked against
 * the practice and account it names.
 */
async function lockForStripe(tx: DbOrTx, subscriptionId: string, account: string | null) {
  const known = await lockSubscription(tx, { stripeSubscriptionId: subscriptionId });
  if (known) return known;
  const subscription = await stripe().subscriptions.retrieve(subscriptionId, {}, onStripeAccount(account));
  const { planSubscriptionId, practiceId } = subscription.metadata ?? {};
  if (!planSubscriptionId || !practiceId || !/^[0-9a-f-]{36}$/i.test(planSubscriptionId)) return null;
  const [row] = await tx
    .select()
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.id, planSubscriptionId), eq(planSubscriptions.practiceId, practiceId)))
    .for("update");
  if (!row || (row.stripeAccountId ?? null) !== account || (row.stripeSubscriptionId && row.stripeSubscriptionId !== subscriptionId)) return null;
  return row;
}

/** Locks the row and records the subscription as Stripe has it now. Null: not one of ours. */
async function syncSubscription(tx: DbOrTx, subscriptionId: string, account: string | null) {
  const row = await lockForStripe(tx, subscriptionId, account);
  if (!row) {
    log.warn({ subscription: subscriptionId }, "event about a subscription Tend doesn't know; ignored");
    return null;
  }
  const subscription = await stripe().subscriptions.retrieve(subscriptionId, {}, onStripeAccount(account));
  return recordSubscriptionState(tx, row, reportOf(subscription));
}

/** `checkout.session.*` for a subscription-mode session: completed → the subscription is recorded; expired → the checkout ends. */
export async function applyPlanCheckoutSession(tx: DbOrTx, event: Stripe.Event) {
  const account = event.account ?? null;
  const sent = event.data.object as Stripe.Checkout.Session;
  const session = await stripe().checkout.sessions.retrieve(sent.id, {}, onStripeAccount(account));
  const subscriptionId = idOf(session.subscription);
  if (session.status === "complete" && subscriptionId) {
    await syncSubscription(tx, subscriptionId, account);
    return;
  }
  if (session.status === "expired") {
    const row = await lockSubscription(tx, { checkoutSessionId: session.id });
    if (row) await recordPlanCheckoutExpired(tx, row);
  }
}

/** The subscription an invoice bills (null: a one-off invoice, not a plan's). */
function subscriptionOfInvoice(invoice: Stripe.Invoice) {
  return idOf(invoice.parent?.subscription_details?.subscription);
}

/** What an invoice pays for: the period of its (plan) line, as Stripe bills a subscription. */
function invoiceReport(invoice: Stripe.Invoice): PlanInvoiceReport {
  const line = invoice.lines?.data?.[0];
  const start = line?.period?.start ?? invoice.period_start;
  const end = line?.period?.end ?? invoice.period_end;
  return {
    invoiceId: invoice.id!,
    amountCents: invoice.status === "paid" ? invoice.amount_paid : invoice.amount_due,
    currency: invoice.currency,
    periodStart: new Date(start * 1000),
    periodEnd: new Date(end * 1000),
    receiptUrl: invoice.hosted_invoice_url ?? null,
    paymentIntentId: idOf(invoice.payments?.data.find((p) => p.status === "paid")?.payment.payment_intent),
  };
}

/** `invoice.paid` and `invoice.payment_failed`: re-read the invoice and the subscription, then record. */
export async function applyPlanInvoice(tx: DbOrTx, event: Stripe.Event) {
  const account = event.account ?? null;
  const sent = event.data.object as Stripe.Invoice;
  // The payments (expanded) name the payment intent, so a refund or a dispute of the month finds it.
  const invoice = await stripe().invoices.retrieve(sent.id!, { expand: ["payments"] }, onStripeAccount(account));
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return;
  const row = await syncSubscription(tx, subscriptionId, account);
  if (!row) return;
  if (invoice.status === "paid") await recordPlanInvoicePaid(tx, row, invoiceReport(invoice));
  else if (event.type === "invoice.payment_failed") await recordPlanInvoiceFailed(tx, row, invoiceReport(invoice));
}

/** `customer.subscription.updated` and `.deleted`: the state, cancel at period end and period, as Stripe has them now. */
export async function applyPlanSubscription(tx: DbOrTx, event: Stripe.Event) {
  const sent = event.data.object as Stripe.Subscription;
  await syncSubscription(tx, sent.id, event.account ?? null);
}
