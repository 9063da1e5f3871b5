import "server-only";
import { and, eq, lte } from "drizzle-orm";
import { isCanceled } from "@/lib/scheduling/status";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, payments } from "@/server/db/schema";
import { log } from "@/server/log";
import { enqueueBookingEmails } from "@/server/scheduling/booking-emails";
import { assignIntakeForBooking } from "@/server/intake/assign";
import { confirmHeldBooking } from "./held-booking";
import { recordPackageCheckoutPaid, recordPackageCheckoutUnpaid, stalePackageHolds } from "./package-checkout";
import { bookingClients, lockPayment } from "./payment-context";
import { enqueueCoachAlert, enqueueHoldExpired, enqueueReceipt } from "./payment-emails";
import { issueRefund } from "./refunds";

/** What a Checkout Session reported as paid (re-read from Stripe, or the test checkout's own values). */
export type PaidCheckout = { sessionId: string; paymentIntentId: string | null; amountCents: number; currency: string };

/**
 * A Checkout Session was paid. Called by the webhook (`checkout.session.completed`
 * with payment_status=paid, `checkout.session.async_payment_succeeded`) and by
 * the test checkout, inside their transaction; applying it twice changes nothing.
 *
 * - An amount or currency other than what was asked confirms nothing; the coach is alerted.
 * - A booking still held becomes `confirmed`; only now go the confirmation (with
 *   its invite), the reminders and the receipt.
 * - A hold that already expired is revived if its time is still free; if someone
 *   else took it (the exclusion constraint refuses), or the booking was canceled,
 *   the payment is refunded in full at once and the payer told: never double-booked.
 */
export async function recordCheckoutPaid(tx: DbOrTx, paid: PaidCheckout) {
  if (await recordPackageCheckoutPaid(tx, paid)) return;
  const ctx = await lockPayment(tx, { checkoutSessionId: paid.sessionId });
  if (!ctx) return log.warn({ sessionId: paid.sessionId }, "payment for an unknown Checkout Session ignored");
  const { payment, booking } = ctx;
  if (payment.status !== "awaiting" && payment.status !== "expired" && payment.status !== "failed") return;
  const asked = { amountCents: payment.amountCents, currency: payment.currency };
  if (paid.amountCents !== payment.amountCents || paid.currency.toUpperCase() !== payment.currency.toUpperCase()) {
    if (!payment.mismatch) {
      await tx.update(payments).set({ mismatch: true, paymentIntentId: paid.paymentIntentId }).where(eq(payments.id, payment.id));
      await enqueueCoachAlert(tx, ctx, { paymentId: payment.id, problem: "mismatch", asked, reported: { amountCents: paid.amountCents, currency: paid.currency } });
      log.warn({ paymentId: payment.id }, "Checkout paid an amount or currency other than asked; nothing confirmed");
    }
    return;
  }
  const at = now();
  const [marked] = await tx
    .update(payments)
    .set({ status: "paid", paidAt: at, paymentIntentId: paid.paymentIntentId })
    .where(eq(payments.id, payment.id))
    .returning();
  ctx.payment = marked!;

  const confirmed = await confirmHeldBooking(tx, booking, "paid");
  if (!confirmed) {
    await tx.update(bookings).set({ paymentStatus: "paid" }).where(eq(bookings.id, booking.id));
    // The payer is told why: the booking was canceled meanwhile, or its time went to someone else.
    const cause = isCanceled(booking.status) ? (booking.canceledBy === "coach" ? "coach_cancel" : "client_cancel") : "hold_lost";
    await issueRefund(tx, ctx, { cents: marked!.amountCents, cause });
    return;
  }
  ctx.booking = confirmed;
  const { client, partner } = await bookingClients(tx, confirmed);
  await assignIntakeForBooking(tx, { booking: confirmed, offering: ctx.offering, practice: ctx.practice, people: partner ? [client, partner] : [client], now: at });
  await enqueueBookingEmails(tx, { event: "confirmed", booking: confirmed, practice: ctx.practice, offering: ctx.offering, client, partner, now: at });
  await enqueueReceipt(tx, ctx, { id: payment.id, ...asked });
}

/**
 * A hold ends unpaid (`checkout.session.expired`, `async_payment_failed`, the
 * test checkout's "abandon", or the sweep): the booking becomes `expired`, its
 * time opens again, and the booker is told. A payment already recorded wins.
 */
export async function recordCheckoutUnpaid(tx: DbOrTx, sessionId: string, outcome: "expired" | "failed") {
  if (await recordPackageCheckoutUnpaid(tx, sessionId, outcome)) return;
  const ctx = await lockPayment(tx, { checkoutSessionId: sessionId });
  if (!ctx || ctx.payment.status !== "awaiting") return;
  await tx.update(payments).set({ status: outcome }).where(eq(payments.id, ctx.payment.id));
  const [expired] = await tx
    .update(bookings)
    .set({ status: "expired", paymentStatus: "expired", holdExpiresAt: null })
    .where(and(eq(bookings.id, ctx.booking.id), eq(bookings.status, "pending_payment")))
    .returning();
  if (!expired) {
    // Canceled while awaiting payment: nothing was paid, nothing to tell.
    await tx.update(bookings).set({ paymentStatus: "expired" }).where(and(eq(bookings.id, ctx.booking.id), eq(bookings.paymentStatus, "awaiting")));
    return;
  }
  await enqueueHoldExpired(tx, { ...ctx, booking: expired }, { id: ctx.payment.id, amountCents: ctx.payment.amountCents, currency: ctx.payment.currency });
}

/**
 * The server's own end of holds, for when `checkout.session.expired` never
 * arrives (or there is no Stripe): every hold past its time expires. Limited
 * to one coach when given (a new booking clears that coach's stale holds
 * first). Returns how many expired.
 */
export async function sweepExpiredHolds(options: { coachId?: string; at?: Date } = {}) {
  const at = options.at ?? now();
  const filters = [eq(bookings.status, "pending_payment"), lte(bookings.holdExpiresAt, at)];
  if (options.coachId) filters.push(eq(bookings.coachId, options.coachId));
  const due = await getDb()
    .select({ sessionId: payments.checkoutSessionId })
    .from(bookings)
    .innerJoin(payments, eq(payments.bookingId, bookings.id))
    .where(and(...filters));
  // Holds of a package bought with its first session, and package checkouts left unpaid.
  const packages = await stalePackageHolds({ ...options, at });
  for (const { sessionId } of [...due, ...packages]) {
    if (sessionId) await getDb().transaction((tx) => recordCheckoutUnpaid(tx, sessionId, "expired"));
  }
  return due.length + packages.length;
}
