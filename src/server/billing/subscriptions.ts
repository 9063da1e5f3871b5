import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { env } from "@/lib/env";
import { isLive, type PlanSubscriptionState } from "@/lib/billing/plans";
import { formatDateRange } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { now } from "@/server/clock";
import type { DbOrTx } from "@/server/db/client";
import { clients, planInvoices, planSubscriptions, plans, practices } from "@/server/db/schema";
import { log } from "@/server/log";
import { enqueueEmail } from "@/server/notifications/outbox";
import type { TemplateData } from "@/server/notifications/templates";
import { grantCredits } from "./credits";
import { enqueuePurchaseReceipt } from "./payment-emails";

/**
 * A client's subscription to a monthly plan, as the webhook and the laptop's
 * test checkout report it (docs/billing.md, "Monthly plans"). Both call these
 * functions inside their transaction with the subscription row locked, so
 * events about one subscription apply one after the other; each is idempotent.
 */

export type PlanSubscription = typeof planSubscriptions.$inferSelect;

/** The subscription row, locked (FOR UPDATE) while an event about it applies. */
export async function lockSubscription(tx: DbOrTx, where: { id: string } | { stripeSubscriptionId: string } | { checkoutSessionId: string }) {
  const condition =
    "id" in where
      ? eq(planSubscriptions.id, where.id)
      : "stripeSubscriptionId" in where
        ? eq(planSubscriptions.stripeSubscriptionId, where.stripeSubscriptionId)
        : eq(planSubscriptions.checkoutSessionId, where.checkoutSessionId);
  const [row] = await tx.select().from(planSubscriptions).where(condition).for("update");
  return row ?? null;
}

/** What Stripe (re-read) or the test checkout says a subscription is now. */
export type SubscriptionReport = {
  stripeSubscriptionId: string;
  customerId: string | null;
  state: PlanSubscriptionState;
  cancelAtPeriodEnd: boolean;
  periodStart: Date | null;
  periodEnd: Date | null;
  endedAt: Date | null;
};

/** Keeps the subscription's state as reported. A checkout that was never completed can't be revived by a stale report. */
export async function recordSubscriptionState(tx: DbOrTx, sub: PlanSubscription, report: SubscriptionReport) {
  const hasPeriod = report.periodStart && report.periodEnd && report.periodStart < report.periodEnd;
  const [row] = await tx
    .update(planSubscriptions)
    .set({
      stripeSubscriptionId: report.stripeSubscriptionId,
      stripeCustomerId: report.customerId ?? sub.stripeCustomerId,
      state: report.state,
      cancelAtPeriodEnd: report.cancelAtPeriodEnd,
      ...(hasPeriod ? { currentPeriodStart: report.periodStart, currentPeriodEnd: report.periodEnd } : {}),
      endedAt: report.state === "canceled" ? (report.endedAt ?? sub.endedAt ?? now()) : null,
    })
    .where(eq(planSubscriptions.id, sub.id))
    .returning();
  return row!;
}

/** An invoice of the plan as reported: the month it pays for, and what was charged. */
export type PlanInvoiceReport = {
  invoiceId: string;
  amountCents: number;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  receiptUrl: string | null;
  /** The charge that paid it (Stripe's invoice payment); null when not paid, and on the test checkout. */
  paymentIntentId: string | null;
};

async function planOf(tx: DbOrTx, sub: PlanSubscription) {
  const [row] = await tx
    .select({ plan: plans, client: clients, practice: practices })
    .from(plans)
    .innerJoin(practices, eq(practices.id, plans.practiceId))
    .innerJoin(clients, eq(clients.id, sub.clientId))
    .where(eq(plans.id, sub.planId));
  return row!;
}

/** The practice's row for a Stripe invoice, locked (FOR UPDATE) while a report about it applies; null before the first report. */
async function lockInvoice(tx: DbOrTx, sub: PlanSubscription, invoiceId: string) {
  const [row] = await tx
    .select()
    .from(planInvoices)
    .where(and(eq(planInvoices.practiceId, sub.practiceId), eq(planInvoices.invoiceId, invoiceId)))
    .for("update");
  return row ?? null;
}

/** What an invoice report sets on its row, paid or failed. */
const invoiceColumns = (invoice: PlanInvoiceReport) => ({
  amountCents: invoice.amountCents,
  currency: invoice.currency.toUpperCase(),
  periodStart: invoice.periodStart,
  periodEnd: invoice.periodEnd,
  receiptUrl: invoice.receiptUrl,
  paymentIntentId: invoice.paymentIntentId,
});

/** The credits of one period: a grant named by the subscription and the period's start, so it is made once. */
export const periodSourceKey = (subscriptionId: string, periodStart: Date) => `plan:${subscriptionId}:${periodStart.toISOString()}`;

/**
 * `invoice.paid` (or the test checkout's payment and renewals): records the
 * invoice once and grants the period's S credits, valid until the period ends
 * (what is left then lapses, by expireCredits). A second report of the same
 * invoice, or another invoice for a period already granted, grants nothing.
 * Returns whether this report was new.
 */
export async function recordPlanInvoicePaid(tx: DbOrTx, sub: PlanSubscription, invoice: PlanInvoiceReport) {
  const existing = await lockInvoice(tx, sub, invoice.invoiceId);
  if (existing?.state === "paid") return false;
  const at = now();
  const values = { ...invoiceColumns(invoice), state: "paid" as const, paidAt: at };
  if (existing) await tx.update(planInvoices).set(values).where(eq(planInvoices.id, existing.id));
  else await tx.insert(planInvoices).values({ ...values, practiceId: sub.practiceId, clientId: sub.clientId, subscriptionId: sub.id, invoiceId: invoice.invoiceId });

  const { plan, client, practice } = await planOf(tx, sub);
  // The receipt, once per invoice: the plan and the period it pays for, on the client's calendar.
  const period = formatDateRange(localDateOf(invoice.periodStart, client.timeZone), localDateOf(invoice.periodEnd, client.timeZone));
  await enqueuePurchaseReceipt(
    tx,
    { practice, client },
    {
      what: `${plan.name}, ${period}`,
      amountCents: invoice.amountCents,
      currency: invoice.currency.toUpperCase(),
      topic: `plan:${sub.id}`,
      key: `plan-invoice:${sub.practiceId}:${invoice.invoiceId}:receipt`,
    },
  );
  if (invoice.periodEnd > at) {
    await grantCredits(tx, {
      practiceId: sub.practiceId,
      clientId: sub.clientId,
      kind: "plan",
      sourceKey: periodSourceKey(sub.id, invoice.periodStart),
      label: `${plan.name}, ${DateTime.fromJSDate(invoice.periodStart, { zone: "utc" }).toFormat("LLLL yyyy")}`,
      offeringIds: plan.offeringIds,
      quantity: plan.sessionsPerPeriod,
      validFrom: invoice.periodStart,
      expiresAt: invoice.periodEnd,
    });
  } else {
    log.warn({ subscriptionId: sub.id, invoice: invoice.invoiceId }, "plan invoice paid for a period already over; no credits granted");
  }
  return true;
}

/** Where the client updates their card: the portal's link that opens a fresh Billing Portal session. */
const manageUrlFor = (subscriptionId: string) => new URL(`/portal/payments/manage/${subscriptionId}`, env().APP_URL).toString();

/**
 * `invoice.payment_failed`: the plan is past due and the client is emailed
 * once per invoice (Stripe's retries of the same invoice don't email again),
 * with a link to the Billing Portal. An invoice already paid stays paid.
 */
export async function recordPlanInvoiceFailed(tx: DbOrTx, sub: PlanSubscription, invoice: PlanInvoiceReport) {
  const existing = await lockInvoice(tx, sub, invoice.invoiceId);
  if (existing?.state === "paid") return false;
  if (!existing) {
    await tx
      .insert(planInvoices)
      .values({ ...invoiceColumns(invoice), state: "failed", practiceId: sub.practiceId, clientId: sub.clientId, subscriptionId: sub.id, invoiceId: invoice.invoiceId });
  }
  if (sub.state === "active") await tx.update(planSubscriptions).set({ state: "past_due" }).where(eq(planSubscriptions.id, sub.id));
  const { plan, client, practice } = await planOf(tx, sub);
  const data: TemplateData<"plan-payment-failed"> = {
    recipientName: client.name,
    practiceName: practice.name,
    planName: plan.name,
    amountCents: invoice.amountCents,
    currency: invoice.currency.toUpperCase(),
    coachEmail: practice.contactEmail,
    actionUrl: manageUrlFor(sub.id),
  };
  return enqueueEmail(tx, {
    practiceId: sub.practiceId,
    to: client.email,
    template: "plan-payment-failed",
    data,
    topic: `plan:${sub.id}`,
    idempotencyKey: `plan-invoice:${sub.practiceId}:${invoice.invoiceId}:payment-failed`,
  });
}

/** A checkout that ended unpaid (`checkout.session.expired`, the test checkout's "abandon"): it never became a plan. */
export async function recordPlanCheckoutExpired(tx: DbOrTx, sub: PlanSubscription) {
  if (sub.state !== "checkout") return;
  await tx.update(planSubscriptions).set({ state: "expired" }).where(eq(planSubscriptions.id, sub.id));
}

/** The client's live subscription to a plan, if any (one at a time: a second checkout is refused). */
export async function liveSubscriptionTo(db: DbOrTx, args: { practiceId: string; clientId: string; planId: string }) {
  const rows = await db
    .select()
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.practiceId, args.practiceId), eq(planSubscriptions.clientId, args.clientId), eq(planSubscriptions.planId, args.planId)));
  return rows.find((r) => isLive(r.state)) ?? null;
}

/** A client's subscriptions in the given states. */
export function subscriptionsOf(db: DbOrTx, practiceId: string, clientId: string, states: PlanSubscriptionState[]) {
  return db
    .select({ subscription: planSubscriptions, plan: plans })
    .from(planSubscriptions)
    .innerJoin(plans, eq(plans.id, planSubscriptions.planId))
    .where(and(eq(planSubscriptions.practiceId, practiceId), eq(planSubscriptions.clientId, clientId), inArray(planSubscriptions.state, states)));
}
