import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { monthlyPeriod, periodAfter } from "@/lib/billing/plans";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { planInvoices, planSubscriptions, plans, practices } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { paymentMode } from "./stripe-client";
import {
  lockSubscription,
  recordPlanCheckoutExpired,
  recordPlanInvoiceFailed,
  recordPlanInvoicePaid,
  recordSubscriptionState,
  type PlanSubscription,
} from "./subscriptions";

/**
 * The laptop's stand-ins for Stripe's subscription Checkout and Billing Portal
 * (no Stripe keys, local APP_URL; docs/billing.md): paying starts a monthly
 * subscription, and the periodic job renews it at period end as if
 * `invoice.paid` arrived, through the very functions the webhook calls.
 * Anywhere else, and for anything that isn't a test subscription, "not found".
 */

const TEST_SESSION = /^test_plan_cs_[0-9a-f]{36}$/;
const TEST_SUBSCRIPTION = /^test_plan_sub_[0-9a-f]{36}$/;
const PAYMENTS_PAGE = "/portal/payments";

async function testRow(where: { checkoutSessionId: string } | { stripeSubscriptionId: string }) {
  const valid = "checkoutSessionId" in where ? TEST_SESSION.test(where.checkoutSessionId) : TEST_SUBSCRIPTION.test(where.stripeSubscriptionId);
  if (paymentMode() !== "test" || !valid) throw notFound("That checkout");
  const condition =
    "checkoutSessionId" in where ? eq(planSubscriptions.checkoutSessionId, where.checkoutSessionId) : eq(planSubscriptions.stripeSubscriptionId, where.stripeSubscriptionId);
  const [row] = await getDb()
    .select({ subscription: planSubscriptions, plan: plans, practice: practices })
    .from(planSubscriptions)
    .innerJoin(plans, eq(plans.id, planSubscriptions.planId))
    .innerJoin(practices, eq(practices.id, planSubscriptions.practiceId))
    .where(condition);
  if (!row || row.subscription.provider !== "test") throw notFound("That checkout");
  return row;
}

/** The test checkout of a plan: what is asked, and whether it is still open. */
export async function getTestPlanCheckout(sessionId: string) {
  const { subscription, plan, practice } = await testRow({ checkoutSessionId: sessionId });
  return { sessionId, state: subscription.state, planName: plan.name, practiceName: practice.name, sessionsPerPeriod: plan.sessionsPerPeriod, amountCents: plan.priceCents, currency: plan.currency, returnPath: PAYMENTS_PAGE };
}

const testInvoiceId = (sub: PlanSubscription, periodStart: Date) => `test_in_${sub.id}_${periodStart.getTime()}`;

/** Pays one period: the invoice as `invoice.paid` would report it (credits granted), and the subscription active in that period. */
async function payPeriod(tx: DbOrTx, sub: PlanSubscription, period: { start: Date; end: Date }, amountCents: number, currency: string) {
  const updated = await recordSubscriptionState(tx, sub, {
    stripeSubscriptionId: sub.stripeSubscriptionId ?? `test_plan_sub_${randomBytes(18).toString("hex")}`,
    customerId: sub.stripeCustomerId ?? `test_cus_${randomBytes(8).toString("hex")}`,
    state: "active",
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    periodStart: period.start,
    periodEnd: period.end,
    endedAt: null,
  });
  await recordPlanInvoicePaid(tx, updated, { invoiceId: testInvoiceId(sub, period.start), amountCents, currency, periodStart: period.start, periodEnd: period.end, receiptUrl: null, paymentIntentId: null });
  return updated;
}

/** "Pay": a monthly subscription starts now, its first period paid, as `checkout.session.completed` and `invoice.paid` would report. */
export async function payTestPlanCheckout(sessionId: string) {
  const { plan } = await testRow({ checkoutSessionId: sessionId });
  await getDb().transaction(async (tx) => {
    const sub = await lockSubscription(tx, { checkoutSessionId: sessionId });
    if (!sub || sub.state !== "checkout") return;
    await payPeriod(tx, sub, monthlyPeriod(now(), 0), plan.priceCents, plan.currency);
  });
  return `${PAYMENTS_PAGE}?subscribed=1`;
}

/** "Abandon": the checkout ends unpaid, as `checkout.session.expired` would end it. */
export async function abandonTestPlanCheckout(sessionId: string) {
  await testRow({ checkoutSessionId: sessionId });
  await getDb().transaction(async (tx) => {
    const sub = await lockSubscription(tx, { checkoutSessionId: sessionId });
    if (sub) await recordPlanCheckoutExpired(tx, sub);
  });
  return PAYMENTS_PAGE;
}

/** The test Billing Portal: the plan, its period, and an invoice that failed (to pay it again). */
export async function getTestBillingPortal(subscriptionId: string) {
  const { subscription, plan, practice } = await testRow({ stripeSubscriptionId: subscriptionId });
  const [failed] = await getDb()
    .select()
    .from(planInvoices)
    .where(and(eq(planInvoices.subscriptionId, subscription.id), eq(planInvoices.state, "failed")))
    .orderBy(desc(planInvoices.createdAt));
  return { subscription, planName: plan.name, practiceName: practice.name, amountCents: plan.priceCents, currency: plan.currency, failedInvoice: failed ?? null, returnPath: PAYMENTS_PAGE };
}

/** What the test portal can do to a subscription, as Stripe's Billing Portal would (and the events it sends). */
export type TestPortalAction = "cancel_at_period_end" | "keep" | "fail_next_renewal" | "pay_failed_invoice";

export async function actOnTestSubscription(subscriptionId: string, action: TestPortalAction) {
  const { plan } = await testRow({ stripeSubscriptionId: subscriptionId });
  await getDb().transaction(async (tx) => {
    const sub = await lockSubscription(tx, { stripeSubscriptionId: subscriptionId });
    if (!sub || sub.state === "canceled") return;
    if (action === "cancel_at_period_end" || action === "keep") {
      await tx.update(planSubscriptions).set({ cancelAtPeriodEnd: action === "cancel_at_period_end" }).where(eq(planSubscriptions.id, sub.id));
    } else if (action === "fail_next_renewal") {
      await tx.update(planSubscriptions).set({ testFailNextRenewal: true }).where(eq(planSubscriptions.id, sub.id));
    } else if (sub.currentPeriodStart && sub.currentPeriodEnd) {
      const [failed] = await tx
        .select()
        .from(planInvoices)
        .where(and(eq(planInvoices.subscriptionId, sub.id), eq(planInvoices.state, "failed")));
      if (!failed) return;
      const updated = await recordSubscriptionState(tx, sub, { ...reportOfRow(sub), state: "active" });
      await recordPlanInvoicePaid(tx, updated, { invoiceId: failed.invoiceId, amountCents: plan.priceCents, currency: plan.currency, periodStart: failed.periodStart, periodEnd: failed.periodEnd, receiptUrl: null, paymentIntentId: null });
    }
  });
  return PAYMENTS_PAGE;
}

const reportOfRow = (sub: PlanSubscription) => ({
  stripeSubscriptionId: sub.stripeSubscriptionId!,
  customerId: sub.stripeCustomerId,
  state: sub.state,
  cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
  periodStart: sub.currentPeriodStart,
  periodEnd: sub.currentPeriodEnd,
  endedAt: sub.endedAt,
});

/** At most this many periods are caught up in one round (a laptop asleep for a year catches up over a few rounds). */
const MAX_PERIODS_PER_ROUND = 12;

/**
 * The periodic job (test checkout only): each test subscription whose period
 * has ended renews as Stripe would: canceled at period end → it ends; still
 * past due from the last renewal → it ends (Stripe's retries ran out); the
 * next renewal set to fail → a failed invoice, past due, the client emailed;
 * otherwise the next period is paid and its credits granted. Returns how many
 * periods it handled.
 */
export async function renewTestSubscriptions(options: { at?: Date } = {}) {
  if (paymentMode() !== "test") return 0;
  const at = options.at ?? now();
  const due = await getDb()
    .select({ id: planSubscriptions.id })
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.provider, "test"), inArray(planSubscriptions.state, ["active", "past_due"]), lte(planSubscriptions.currentPeriodEnd, at)));
  let handled = 0;
  for (const { id } of due) {
    for (let i = 0; i < MAX_PERIODS_PER_ROUND; i++) {
      const renewed = await getDb().transaction((tx) => renewOnce(tx, id, at));
      if (!renewed) break;
      handled++;
    }
  }
  return handled;
}

async function renewOnce(tx: DbOrTx, id: string, at: Date) {
  const sub = await lockSubscription(tx, { id });
  if (!sub || sub.provider !== "test" || !sub.currentPeriodStart || !sub.currentPeriodEnd || sub.currentPeriodEnd > at) return false;
  if (sub.state !== "active" && sub.state !== "past_due") return false;
  if (sub.cancelAtPeriodEnd || sub.state === "past_due") {
    await recordSubscriptionState(tx, sub, { ...reportOfRow(sub), state: "canceled", endedAt: sub.currentPeriodEnd });
    return true;
  }
  const [plan] = await tx.select().from(plans).where(eq(plans.id, sub.planId));
  // Counted from the first period's start, as Stripe bills (a plan begun on the 31st renews on the 31st where there is one).
  const [{ anchor } = { anchor: null }] = await tx
    .select({ anchor: sql<Date | null>`min(${planInvoices.periodStart})` })
    .from(planInvoices)
    .where(eq(planInvoices.subscriptionId, sub.id));
  const next = periodAfter(anchor ? new Date(anchor) : sub.currentPeriodStart, sub.currentPeriodEnd);
  if (sub.testFailNextRenewal) {
    const moved = await recordSubscriptionState(tx, sub, { ...reportOfRow(sub), state: "past_due", periodStart: next.start, periodEnd: next.end });
    await tx.update(planSubscriptions).set({ testFailNextRenewal: false }).where(eq(planSubscriptions.id, sub.id));
    await recordPlanInvoiceFailed(tx, moved, { invoiceId: testInvoiceId(sub, next.start), amountCents: plan!.priceCents, currency: plan!.currency, periodStart: next.start, periodEnd: next.end, receiptUrl: null, paymentIntentId: null });
    return true;
  }
  await payPeriod(tx, sub, next, plan!.priceCents, plan!.currency);
  return true;
}
