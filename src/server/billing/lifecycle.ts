import "server-only";
import { and, eq, lte } from "drizzle-orm";
import { isCanceled } from "@/lib/scheduling/status";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, payments } from "@/server/db/schema";
import { isExclusionViolation } from "@/server/errors";
import { log } from "@/server/log";
import { enqueueBookingEmails } from "@/server/scheduling/booking-emails";
import { assignIntakeForBooking } from "@/server/intake/assign";
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

  const confirmed = await confirmHeldBooking(tx, booking);
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
 * Turns a held (or just expired) booking into a confirmed, paid one. An expired
 * hold is revived inside a savepoint: when its time was taken meanwhile the
 * exclusion constraint refuses, the savepoint rolls back, and null says so.
 */
async function confirmHeldBooking(tx: DbOrTx, booking: typeof bookings.$inferSelect) {
  if (booking.status !== "pending_payment" && booking.status !== "expired") return null;
  const confirm = (db: DbOrTx) =>
    db
      .update(bookings)
      .set({ status: "confirmed", paymentStatus: "paid", holdExpiresAt: null })
      .where(eq(bookings.id, booking.id))
      .returning()
      .then((rows) => rows[0]!);
  if (booking.status === "pending_payment") return confirm(tx);
  try {
    return await tx.transaction((savepoint) => confirm(savepoint));
  } catch (error) {
    if (isExclusionViolation(error, "bookings_no_overlap")) return null;
    throw error;
  }
}

/**
 * A hold ends unpaid (`checkout.session.expired`, `async_payment_failed`, the
 * test checkout's "abandon", or the sweep): the booking becomes `expired`, its
 * time opens again, and the booker is told. A payment already recorded wins.
 */
export async function recordCheckoutUnpaid(tx: DbOrTx, sessionId: string, outcome: "expired" | "failed") {
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
  for (const { sessionId } of due) {
    if (sessionId) await getDb().transaction((tx) => recordCheckoutUnpaid(tx, sessionId, "expired"));
  }
  return due.length;
}
