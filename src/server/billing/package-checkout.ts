import "server-only";
import { and, eq, isNotNull, lte } from "drizzle-orm";
import { DateTime } from "luxon";
import { env } from "@/lib/env";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, clients, offerings, packagePurchases, packages, payments, practices } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { log } from "@/server/log";
import { assignIntakeForBooking } from "@/server/intake/assign";
import { enqueueBookingEmails } from "@/server/scheduling/booking-emails";
import { holdEndsAt, onlineCollection, startCheckoutSession, type Collection } from "./checkout";
import { grantCredits, spendCredit } from "./credits";
import { confirmHeldBooking } from "./held-booking";
import { noteCreditSpent } from "./package-emails";
import { bookingClients } from "./payment-context";
import { enqueueCoachAlert, enqueueHoldExpired, enqueuePackageAlert, enqueuePurchaseReceipt, enqueueReceipt } from "./payment-emails";
import type { PaidCheckout } from "./lifecycle";

type Practice = typeof practices.$inferSelect;
type Package = typeof packages.$inferSelect;
type Booking = typeof bookings.$inferSelect;

/**
 * Opens Checkout for a package, in the caller's transaction: the purchase row
 * (with the first session when bought and booked in one flow, held
 * `pending_payment` by the caller), the session on the practice's account (or
 * the laptop's test checkout), and the payment asked.
 */
export async function openPackageCheckout(
  tx: DbOrTx,
  args: { practice: Practice; pkg: Package; clientId: string; email: string; booking: Booking | null; collection: Extract<Collection, { kind: "checkout" }>; returnUrl: string },
) {
  const { practice, pkg, collection } = args;
  const [purchase] = await tx
    .insert(packagePurchases)
    .values({ practiceId: practice.id, packageId: pkg.id, clientId: args.clientId, bookingId: args.booking?.id ?? null })
    .returning();
  const session = await startCheckoutSession(collection, {
    name: `${pkg.name} (${pkg.sessions} sessions) with ${practice.name}`,
    amountCents: pkg.priceCents,
    currency: pkg.currency,
    email: args.email,
    reference: purchase!.id,
    metadata: { packagePurchaseId: purchase!.id, practiceId: practice.id, ...(args.booking ? { bookingId: args.booking.id } : {}) },
    idempotencyKey: `checkout:package:${purchase!.id}`,
    returnUrl: args.returnUrl,
  });
  const [payment] = await tx
    .insert(payments)
    .values({
      practiceId: practice.id,
      packagePurchaseId: purchase!.id,
      provider: collection.provider,
      stripeAccountId: collection.stripeAccountId,
      checkoutSessionId: session.id,
      checkoutUrl: session.url,
      amountCents: pkg.priceCents,
      currency: pkg.currency,
      expiresAt: args.booking?.holdExpiresAt ?? holdEndsAt(now()),
    })
    .returning();
  return { purchase: purchase!, payment: payment! };
}

/**
 * A signed-in client buys a package on its own (no session yet): Checkout,
 * coming back to the portal's payments, where the sessions show once the
 * payment is confirmed. Returns where to send the browser.
 */
export async function buyPackage(practiceId: string, clientId: string, packageId: string) {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ pkg: packages, practice: practices, client: clients })
      .from(packages)
      .innerJoin(practices, eq(practices.id, packages.practiceId))
      .innerJoin(clients, and(eq(clients.practiceId, packages.practiceId), eq(clients.id, clientId)))
      .where(and(eq(packages.practiceId, practiceId), eq(packages.id, packageId), eq(packages.active, true)));
    if (!row) throw notFound("That package");
    const collection = await onlineCollection(practiceId, tx);
    if (!collection) throw packagesNotSoldOnline();
    const returnUrl = new URL("/portal/payments", env().APP_URL).toString();
    const { payment } = await openPackageCheckout(tx, { ...row, clientId, email: row.client.email, booking: null, collection, returnUrl });
    return { url: payment.checkoutUrl! };
  });
}

export const packagesNotSoldOnline = () =>
  new AppError("conflict", "Packages can't be bought online here yet. Please ask your coach.", undefined, { internal: "no online collection for a package" });

/**
 * A package's payment with its purchase, package, practice and client, the
 * payment row locked; null when the payment isn't a package's. Found by its
 * Checkout Session (the checkout events), payment intent (refunds and disputes
 * from Stripe) or id (the coach's refund).
 */
export async function lockPackagePayment(tx: DbOrTx, where: { checkoutSessionId: string } | { paymentIntentId: string } | { paymentId: string }) {
  const condition =
    "checkoutSessionId" in where
      ? eq(payments.checkoutSessionId, where.checkoutSessionId)
      : "paymentIntentId" in where
        ? eq(payments.paymentIntentId, where.paymentIntentId)
        : eq(payments.id, where.paymentId);
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(condition, isNotNull(payments.packagePurchaseId)))
    .for("update");
  if (!payment) return null;
  const [row] = await tx
    .select({ purchase: packagePurchases, pkg: packages, practice: practices, client: clients })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .innerJoin(practices, eq(practices.id, packagePurchases.practiceId))
    .innerJoin(clients, eq(clients.id, packagePurchases.clientId))
    .where(eq(packagePurchases.id, payment.packagePurchaseId!));
  return { payment, ...row! };
}

export type PackagePaymentContext = NonNullable<Awaited<ReturnType<typeof lockPackagePayment>>>;

/** The credit grant a package purchase made (its source key). */
export const packageSourceKey = (purchaseId: string) => `package:${purchaseId}`;

/** The first session of a package bought and booked in one flow, locked, with its offering. */
async function lockFirstSession(tx: DbOrTx, bookingId: string | null) {
  if (!bookingId) return null;
  const [row] = await tx
    .select({ booking: bookings, offering: offerings })
    .from(bookings)
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(eq(bookings.id, bookingId))
    .for("update", { of: bookings });
  return row ?? null;
}

/** When credits bought at `at` expire: `validDays` calendar days later on the practice's clock (DST-safe). */
const expiryOf = (at: Date, validDays: number, timeZone: string) => DateTime.fromJSDate(at, { zone: timeZone }).plus({ days: validDays }).toJSDate();

/**
 * A package's Checkout was paid (the webhook or the test checkout, in their
 * transaction; twice changes nothing). False when the session isn't a package's.
 * The credits are granted (once per purchase); when the first session was
 * booked with it, that booking is confirmed and paid with the first credit in
 * the same transaction. If its hold was lost meanwhile the client keeps every
 * credit to book another time.
 */
export async function recordPackageCheckoutPaid(tx: DbOrTx, paid: PaidCheckout) {
  const ctx = await lockPackagePayment(tx, { checkoutSessionId: paid.sessionId });
  if (!ctx) return false;
  const { payment, purchase, pkg, practice, client } = ctx;
  if (payment.status !== "awaiting" && payment.status !== "expired" && payment.status !== "failed") return true;
  const first = await lockFirstSession(tx, purchase.bookingId);
  const asked = { amountCents: payment.amountCents, currency: payment.currency };
  if (paid.amountCents !== payment.amountCents || paid.currency.toUpperCase() !== payment.currency.toUpperCase()) {
    if (!payment.mismatch) {
      await tx.update(payments).set({ mismatch: true, paymentIntentId: paid.paymentIntentId }).where(eq(payments.id, payment.id));
      const reported = { amountCents: paid.amountCents, currency: paid.currency };
      const alert = { paymentId: payment.id, problem: "mismatch", asked, reported } as const;
      if (first) await enqueueCoachAlert(tx, { practice, ...first }, alert);
      else await enqueuePackageAlert(tx, ctx, alert);
      log.warn({ paymentId: payment.id }, "package Checkout paid an amount or currency other than asked; nothing granted");
    }
    return true;
  }
  const at = now();
  await tx.update(payments).set({ status: "paid", paidAt: at, paymentIntentId: paid.paymentIntentId }).where(eq(payments.id, payment.id));
  const grant = await grantCredits(tx, {
    practiceId: practice.id,
    clientId: client.id,
    kind: "package",
    sourceKey: packageSourceKey(purchase.id),
    label: pkg.name,
    offeringIds: pkg.offeringIds,
    quantity: pkg.sessions,
    validFrom: at,
    expiresAt: expiryOf(at, pkg.validDays, practice.timeZone),
  });
  const confirmed = first ? await confirmHeldBooking(tx, first.booking, "credit") : null;
  if (!first || !confirmed) {
    if (first) log.info({ bookingId: first.booking.id }, "package paid after its first session's hold was lost; the credits stay");
    // Bought on its own (or its first session's time was lost): the receipt names the package, not a session.
    const receipt = { what: pkg.name, ...asked, topic: `package-purchase:${purchase.id}`, key: `payment:${payment.id}:receipt` };
    await enqueuePurchaseReceipt(tx, { practice, client }, receipt);
    return true;
  }
  const spent = await spendCredit(tx, { practiceId: practice.id, clientId: client.id, offeringId: first.offering.id, bookingId: confirmed.id, at });
  await noteCreditSpent(tx, { practice, client, grant, left: spent.left });
  const people = await bookingClients(tx, confirmed);
  await assignIntakeForBooking(tx, {
    booking: confirmed,
    offering: first.offering,
    practice,
    people: people.partner ? [people.client, people.partner] : [people.client],
    now: at,
  });
  await enqueueBookingEmails(tx, { event: "confirmed", booking: confirmed, practice, offering: first.offering, ...people, now: at });
  await enqueueReceipt(tx, { practice, booking: confirmed, offering: first.offering }, { id: payment.id, ...asked });
  return true;
}

/**
 * A package's Checkout ended unpaid: the payment is closed and a first
 * session held with it expires (its booker told), as for a session's hold.
 * False when the session isn't a package's.
 */
export async function recordPackageCheckoutUnpaid(tx: DbOrTx, sessionId: string, outcome: "expired" | "failed") {
  const ctx = await lockPackagePayment(tx, { checkoutSessionId: sessionId });
  if (!ctx) return false;
  if (ctx.payment.status !== "awaiting") return true;
  await tx.update(payments).set({ status: outcome }).where(eq(payments.id, ctx.payment.id));
  const first = await lockFirstSession(tx, ctx.purchase.bookingId);
  if (!first) return true;
  const [expired] = await tx
    .update(bookings)
    .set({ status: "expired", paymentStatus: "expired", holdExpiresAt: null })
    .where(and(eq(bookings.id, first.booking.id), eq(bookings.status, "pending_payment")))
    .returning();
  if (!expired) {
    await tx.update(bookings).set({ paymentStatus: "expired" }).where(and(eq(bookings.id, first.booking.id), eq(bookings.paymentStatus, "awaiting")));
    return true;
  }
  const money = { id: ctx.payment.id, amountCents: ctx.payment.amountCents, currency: ctx.payment.currency };
  await enqueueHoldExpired(tx, { practice: ctx.practice, booking: expired, offering: first.offering }, money);
  return true;
}

/** Package Checkouts past their time still awaited (with or without a first session; of one coach's sessions when given). */
export async function stalePackageHolds(options: { coachId?: string; at: Date }) {
  const filters = [eq(payments.status, "awaiting"), isNotNull(payments.packagePurchaseId), lte(payments.expiresAt, options.at)];
  if (options.coachId) filters.push(eq(bookings.coachId, options.coachId));
  return getDb()
    .select({ sessionId: payments.checkoutSessionId })
    .from(payments)
    .innerJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .leftJoin(bookings, eq(bookings.id, packagePurchases.bookingId))
    .where(and(...filters));
}
