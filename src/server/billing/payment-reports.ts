import "server-only";
import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { addMonths, monthOf } from "@/lib/time/dates";
import { localDateOf, startOfLocalDate } from "@/lib/time/zones";
import { getDb } from "@/server/db/client";
import { bookings, clients, offerings, packagePurchases, packages, payments, planInvoices, planSubscriptions, plans, practices, refunds } from "@/server/db/schema";
import { notFound } from "@/server/errors";

/** A "YYYY-MM" month as instants in the practice's zone: [from, to). */
function monthRange(month: string, timeZone: string) {
  return { from: startOfLocalDate(`${month}-01`, timeZone), to: startOfLocalDate(`${addMonths(month, 1)}-01`, timeZone) };
}

async function practiceZone(practiceId: string) {
  const [row] = await getDb().select({ timeZone: practices.timeZone }).from(practices).where(eq(practices.id, practiceId));
  if (!row) throw notFound("That practice");
  return row.timeZone;
}

const MONEY_STATES = ["paid", "partially_refunded", "refunded"] as const;

/** Checkout payments (sessions and packages) that brought money in within [from, to). */
const paymentsPaidIn = (practiceId: string, from: Date, to: Date) => [
  eq(payments.practiceId, practiceId),
  inArray(payments.status, [...MONEY_STATES]),
  gte(payments.paidAt, from),
  lt(payments.paidAt, to),
];

/** Plan months (Stripe invoices, kept apart from Checkout payments) paid within [from, to). */
const invoicesPaidIn = (practiceId: string, from: Date, to: Date) => [
  eq(planInvoices.practiceId, practiceId),
  eq(planInvoices.state, "paid"),
  gte(planInvoices.paidAt, from),
  lt(planInvoices.paidAt, to),
];

/**
 * The Payments page: money received in a month (by when it was paid), and the
 * refunds Stripe confirmed in it, optionally for one client; newest first.
 * Sessions, package purchases (a payment with no booking) and plan months
 * (Stripe invoices) each come as their own list, since each links elsewhere.
 * Disputed and mismatched payments carry their flags.
 */
export async function listPayments(practiceId: string, filter: { month: string; clientId?: string }) {
  const { from, to } = monthRange(filter.month, await practiceZone(practiceId));
  const byClient = filter.clientId ? [eq(bookings.clientId, filter.clientId)] : [];
  const paid = await getDb()
    .select({ payment: payments, bookingId: bookings.id, start: bookings.startsAt, clientName: clients.name, offeringName: offerings.name })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(and(...paymentsPaidIn(practiceId, from, to), ...byClient))
    .orderBy(desc(payments.paidAt));
  // Refunds of a session's payment, a package's or a plan month's: the client, what it was for and the
  // currency come from whichever it refunded.
  const refundedClientId = sql<string>`coalesce(${bookings.clientId}, ${packagePurchases.clientId}, ${planInvoices.clientId})`;
  const refunded = await getDb()
    .select({
      refund: refunds,
      currency: sql<string>`coalesce(${payments.currency}, ${planInvoices.currency})`,
      bookingId: bookings.id,
      clientId: clients.id,
      clientName: clients.name,
      forWhat: sql<string>`coalesce(${offerings.name}, ${packages.name}, ${plans.name})`,
    })
    .from(refunds)
    .leftJoin(payments, eq(payments.id, refunds.paymentId))
    .leftJoin(bookings, eq(bookings.id, payments.bookingId))
    .leftJoin(offerings, eq(offerings.id, bookings.offeringId))
    .leftJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .leftJoin(packages, eq(packages.id, packagePurchases.packageId))
    .leftJoin(planInvoices, eq(planInvoices.id, refunds.planInvoiceId))
    .leftJoin(planSubscriptions, eq(planSubscriptions.id, planInvoices.subscriptionId))
    .leftJoin(plans, eq(plans.id, planSubscriptions.planId))
    .innerJoin(clients, eq(clients.id, refundedClientId))
    .where(
      and(
        eq(refunds.practiceId, practiceId),
        eq(refunds.status, "succeeded"),
        gte(refunds.confirmedAt, from),
        lt(refunds.confirmedAt, to),
        ...(filter.clientId ? [eq(refundedClientId, filter.clientId)] : []),
      ),
    )
    .orderBy(desc(refunds.confirmedAt));
  const packageSales = await getDb()
    .select({ payment: payments, clientId: clients.id, clientName: clients.name, packageName: packages.name })
    .from(payments)
    .innerJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .innerJoin(clients, eq(clients.id, packagePurchases.clientId))
    .where(and(...paymentsPaidIn(practiceId, from, to), ...(filter.clientId ? [eq(packagePurchases.clientId, filter.clientId)] : [])))
    .orderBy(desc(payments.paidAt));
  const planMonths = await getDb()
    .select({ invoice: planInvoices, clientId: clients.id, clientName: clients.name, planName: plans.name })
    .from(planInvoices)
    .innerJoin(planSubscriptions, eq(planSubscriptions.id, planInvoices.subscriptionId))
    .innerJoin(plans, eq(plans.id, planSubscriptions.planId))
    .innerJoin(clients, eq(clients.id, planInvoices.clientId))
    .where(and(...invoicesPaidIn(practiceId, from, to), ...(filter.clientId ? [eq(planInvoices.clientId, filter.clientId)] : [])))
    .orderBy(desc(planInvoices.paidAt));
  return { paid, packageSales, planMonths, refunded };
}

type Totals = Record<string, { receivedCents: number; refundedCents: number }>;

/**
 * Revenue at a glance, per currency: this month and last (received, refunded),
 * this month by offering, and sessions delivered but still unpaid.
 */
export async function revenueSummary(practiceId: string, now: Date) {
  const timeZone = await practiceZone(practiceId);
  const thisMonth = monthOf(localDateOf(now, timeZone));
  const lastMonth = addMonths(thisMonth, -1);
  const totals = async (month: string): Promise<Totals> => {
    const { from, to } = monthRange(month, timeZone);
    const received = getDb()
      .select({ currency: payments.currency, cents: sql<number>`sum(${payments.amountCents})::int` })
      .from(payments)
      .where(and(...paymentsPaidIn(practiceId, from, to)))
      .groupBy(payments.currency);
    const planReceived = getDb()
      .select({ currency: planInvoices.currency, cents: sql<number>`sum(${planInvoices.amountCents})::int` })
      .from(planInvoices)
      .where(and(...invoicesPaidIn(practiceId, from, to)))
      .groupBy(planInvoices.currency);
    const refundCurrency = sql<string>`coalesce(${payments.currency}, ${planInvoices.currency})`;
    const back = getDb()
      .select({ currency: refundCurrency, cents: sql<number>`sum(${refunds.amountCents})::int` })
      .from(refunds)
      .leftJoin(payments, eq(payments.id, refunds.paymentId))
      .leftJoin(planInvoices, eq(planInvoices.id, refunds.planInvoiceId))
      .where(and(eq(refunds.practiceId, practiceId), eq(refunds.status, "succeeded"), gte(refunds.confirmedAt, from), lt(refunds.confirmedAt, to)))
      .groupBy(refundCurrency);
    const [paidRows, planRows, backRows] = await Promise.all([received, planReceived, back]);
    const out: Totals = {};
    for (const r of [...paidRows, ...planRows]) (out[r.currency] ??= { receivedCents: 0, refundedCents: 0 }).receivedCents += r.cents;
    for (const r of backRows) (out[r.currency] ??= { receivedCents: 0, refundedCents: 0 }).refundedCents = r.cents;
    return out;
  };
  const { from, to } = monthRange(thisMonth, timeZone);
  const byOffering = getDb()
    .select({ offering: offerings.name, currency: payments.currency, cents: sql<number>`sum(${payments.amountCents})::int`, count: sql<number>`count(*)::int` })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(and(...paymentsPaidIn(practiceId, from, to)))
    .groupBy(offerings.name, payments.currency)
    .orderBy(offerings.name);
  // What was sold ahead: packages (payments without a booking) and plan months, named as such.
  const byPackage = getDb()
    .select({ offering: sql<string>`'Package: ' || ${packages.name}`, currency: payments.currency, cents: sql<number>`sum(${payments.amountCents})::int`, count: sql<number>`count(*)::int` })
    .from(payments)
    .innerJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(and(...paymentsPaidIn(practiceId, from, to)))
    .groupBy(packages.name, payments.currency)
    .orderBy(packages.name);
  const byPlan = getDb()
    .select({ offering: sql<string>`'Plan: ' || ${plans.name}`, currency: planInvoices.currency, cents: sql<number>`sum(${planInvoices.amountCents})::int`, count: sql<number>`count(*)::int` })
    .from(planInvoices)
    .innerJoin(planSubscriptions, eq(planSubscriptions.id, planInvoices.subscriptionId))
    .innerJoin(plans, eq(plans.id, planSubscriptions.planId))
    .where(and(...invoicesPaidIn(practiceId, from, to)))
    .groupBy(plans.name, planInvoices.currency)
    .orderBy(plans.name);
  const unpaid = getDb()
    .select({ currency: offerings.currency, cents: sql<number>`sum(${offerings.priceCents})::int`, count: sql<number>`count(*)::int` })
    .from(bookings)
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(and(eq(bookings.practiceId, practiceId), eq(bookings.status, "completed"), eq(bookings.paymentStatus, "unpaid")))
    .groupBy(offerings.currency);
  // The queries are independent: they run side by side rather than one after another.
  const [current, previous, offeringRows, packageRows, planRows, unpaidRows] = await Promise.all([totals(thisMonth), totals(lastMonth), byOffering, byPackage, byPlan, unpaid]);
  return { thisMonth, lastMonth, current, previous, byOffering: [...offeringRows, ...packageRows, ...planRows], unpaid: unpaidRows };
}
