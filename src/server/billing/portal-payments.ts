import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { isStarted, PLAN_SUBSCRIPTION_STATES } from "@/lib/billing/plans";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, offerings, packagePurchases, packages, payments, planInvoices, planSubscriptions, plans, refunds } from "@/server/db/schema";
import { notFound, notFoundUnlessId } from "@/server/errors";
import { clientCredits } from "./credits";
import { subscriptionsOf } from "./subscriptions";

/**
 * What a client's payments page shows (and the coach's client page, for the
 * plan): only the signed-in client's own money. A session's payment belongs to
 * the client who booked it; a partner in a couple's session never sees it.
 */

type Credits = Awaited<ReturnType<typeof clientCredits>>;
type PlanRows = Awaited<ReturnType<typeof subscriptionsOf>>;

const startedPlans = (db: DbOrTx, practiceId: string, clientId: string) => subscriptionsOf(db, practiceId, clientId, PLAN_SUBSCRIPTION_STATES.filter(isStarted));

/** The plans newest first, each with the sessions left of the credits granted for the period running at `at`. */
function withSessionsLeft(rows: PlanRows, credits: Credits, at: Date) {
  return rows
    .sort((a, b) => b.subscription.createdAt.getTime() - a.subscription.createdAt.getTime())
    .map(({ subscription, plan }) => {
      const current = credits.filter(
        ({ grant }) => grant.kind === "plan" && grant.sourceKey.startsWith(`plan:${subscription.id}:`) && grant.validFrom <= at && grant.expiresAt > at,
      );
      return {
        subscription,
        plan,
        sessionsLeft: current.reduce((sum, c) => sum + c.balance, 0),
        /** Whether a paid period is running (credits granted for now). */
        periodPaid: current.length > 0,
      };
    });
}

/** Packages and other credits, as the ledger gives them (the page shows the ones still valid with sessions left). */
function packagesOf(credits: Credits, at: Date) {
  return credits
    .filter(({ grant }) => grant.kind === "package")
    .map(({ grant, balance }) => ({ id: grant.id, label: grant.label, quantity: grant.quantity, balance, expiresAt: grant.expiresAt, expired: grant.expiresAt <= at }));
}

/** The client's plans that started (not checkouts never paid), newest first, with the sessions left in the current period. */
export async function clientPlans(practiceId: string, clientId: string, db: DbOrTx = getDb()) {
  const rows = await startedPlans(db, practiceId, clientId);
  if (!rows.length) return [];
  return withSessionsLeft(rows, await clientCredits(practiceId, clientId, db), now());
}

/** The portal's payments page: the client's plans (as clientPlans) and packages from one read of the credit ledger. */
export async function clientPlansAndPackages(practiceId: string, clientId: string, db: DbOrTx = getDb()) {
  const [rows, credits] = await Promise.all([startedPlans(db, practiceId, clientId), clientCredits(practiceId, clientId, db)]);
  const at = now();
  return { plans: withSessionsLeft(rows, credits, at), packages: packagesOf(credits, at) };
}

/** One receipt line: a session paid, a package bought, or a month of a plan. */
export type Receipt = {
  id: string;
  kind: "session" | "package" | "plan";
  paidAt: Date;
  description: string;
  /** The session's start, for a session. */
  sessionStart: Date | null;
  period: { start: Date; end: Date } | null;
  amountCents: number;
  currency: string;
  refundedCents: number;
  refunds: { amountCents: number; at: Date; reason: string | null }[];
  /** Stripe's own receipt (a plan's hosted invoice page), when there is one. */
  stripeReceiptUrl: string | null;
};

const PAID_STATES = ["paid", "refunded", "partially_refunded"] as const;

/** The refunds Stripe confirmed of these payments (or, `of: "plan"`, of these plan months). */
async function refundsOf(db: DbOrTx, practiceId: string, ids: string[], of: "payment" | "plan" = "payment") {
  if (!ids.length) return [];
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.practiceId, practiceId), inArray(of === "plan" ? refunds.planInvoiceId : refunds.paymentId, ids), eq(refunds.status, "succeeded")));
}

const refundLines = (given: (typeof refunds.$inferSelect)[], matches: (r: typeof refunds.$inferSelect) => boolean) =>
  given.filter(matches).map((r) => ({ amountCents: r.amountCents, at: r.confirmedAt ?? r.createdAt, reason: r.reason }));

/** A paid payment (a session's or a package's) as a receipt, with the refunds given on it. */
function paymentReceipt(
  payment: typeof payments.$inferSelect,
  given: (typeof refunds.$inferSelect)[],
  line: Pick<Receipt, "kind" | "description" | "sessionStart">,
): Receipt {
  return {
    id: payment.id,
    ...line,
    paidAt: payment.paidAt ?? payment.createdAt,
    period: null,
    amountCents: payment.amountCents,
    currency: payment.currency,
    refundedCents: payment.refundedCents,
    refunds: refundLines(given, (r) => r.paymentId === payment.id),
    stripeReceiptUrl: null,
  };
}

/** Packages the client bought (their payment names the purchase, not a booking). */
async function packageReceipts(db: DbOrTx, practiceId: string, clientId: string, paymentId?: string) {
  const filters = [eq(payments.practiceId, practiceId), eq(packagePurchases.clientId, clientId), inArray(payments.status, [...PAID_STATES])];
  if (paymentId) filters.push(eq(payments.id, paymentId));
  const rows = await db
    .select({ payment: payments, packageName: packages.name })
    .from(payments)
    .innerJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(and(...filters));
  const given = await refundsOf(db, practiceId, rows.map((r) => r.payment.id));
  return rows.map(({ payment, packageName }) => paymentReceipt(payment, given, { kind: "package", description: packageName, sessionStart: null }));
}

async function sessionReceipts(db: DbOrTx, practiceId: string, clientId: string, paymentId?: string) {
  const filters = [eq(payments.practiceId, practiceId), eq(bookings.clientId, clientId), inArray(payments.status, [...PAID_STATES])];
  if (paymentId) filters.push(eq(payments.id, paymentId));
  const rows = await db
    .select({ payment: payments, booking: bookings, offeringName: offerings.name })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(and(...filters));
  const given = await refundsOf(db, practiceId, rows.map((r) => r.payment.id));
  return rows.map(({ payment, booking, offeringName }) => paymentReceipt(payment, given, { kind: "session", description: offeringName, sessionStart: booking.startsAt }));
}

async function planReceipts(db: DbOrTx, practiceId: string, clientId: string, invoiceRowId?: string) {
  const filters = [eq(planInvoices.practiceId, practiceId), eq(planInvoices.clientId, clientId), eq(planInvoices.state, "paid")];
  if (invoiceRowId) filters.push(eq(planInvoices.id, invoiceRowId));
  const rows = await db
    .select({ invoice: planInvoices, planName: plans.name })
    .from(planInvoices)
    .innerJoin(planSubscriptions, eq(planSubscriptions.id, planInvoices.subscriptionId))
    .innerJoin(plans, eq(plans.id, planSubscriptions.planId))
    .where(and(...filters))
    .orderBy(desc(planInvoices.paidAt));
  const given = await refundsOf(db, practiceId, rows.map((r) => r.invoice.id), "plan");
  return rows.map(
    ({ invoice, planName }): Receipt => ({
      id: invoice.id,
      kind: "plan",
      paidAt: invoice.paidAt ?? invoice.createdAt,
      description: planName,
      sessionStart: null,
      period: { start: invoice.periodStart, end: invoice.periodEnd },
      amountCents: invoice.amountCents,
      currency: invoice.currency,
      refundedCents: invoice.refundedCents,
      refunds: refundLines(given, (r) => r.planInvoiceId === invoice.id),
      stripeReceiptUrl: invoice.receiptUrl,
    }),
  );
}

/** The client's receipts, newest first: sessions they paid for, packages they bought and their plan's months. */
export async function clientReceipts(practiceId: string, clientId: string, db: DbOrTx = getDb()): Promise<Receipt[]> {
  const [sessions, bought, months] = await Promise.all([
    sessionReceipts(db, practiceId, clientId),
    packageReceipts(db, practiceId, clientId),
    planReceipts(db, practiceId, clientId),
  ]);
  return [...sessions, ...bought, ...months].sort((a, b) => b.paidAt.getTime() - a.paidAt.getTime());
}

/** One receipt of the signed-in client; anyone else's (or a malformed id) is "not found". */
export async function getClientReceipt(practiceId: string, clientId: string, receiptId: string, db: DbOrTx = getDb()): Promise<Receipt> {
  notFoundUnlessId(receiptId, "That receipt");
  const [found] = [
    ...(await sessionReceipts(db, practiceId, clientId, receiptId)),
    ...(await packageReceipts(db, practiceId, clientId, receiptId)),
    ...(await planReceipts(db, practiceId, clientId, receiptId)),
  ];
  if (!found) throw notFound("That receipt");
  return found;
}
