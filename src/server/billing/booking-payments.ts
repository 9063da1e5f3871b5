import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { creditReturnedOnCancel } from "@/lib/billing/credits";
import { refundOnCancel } from "@/lib/billing/payments";
import type { Actor } from "@/lib/scheduling/policy";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, offerings, payments, practices } from "@/server/db/schema";
import { AppError, notFound, notFoundUnlessId } from "@/server/errors";
import { lockPayment } from "./payment-context";
import { returnCredit } from "./credits";
import { coachRefundInput, issueRefund, refundByCoach, sessionRefundTarget } from "./refunds";

/**
 * A booking was canceled (in the caller's transaction): money follows its
 * policy snapshot (see refundOnCancel). A payment still awaited is closed, so
 * a late Checkout payment is refunded instead of confirming. Cash the coach
 * marked as paid is theirs to give back by hand.
 */
export async function settleCanceledBooking(tx: DbOrTx, booking: typeof bookings.$inferSelect, args: { actor: Actor; late: boolean; noShow?: boolean }) {
  if (booking.paymentStatus === "credit") {
    // Paid with a credit: given back in time or by the coach; a late cancel or a no-show forfeits it.
    const late = { ...args, lateCancelRefundPercent: booking.policy.lateCancelRefundPercent ?? 0 };
    if (creditReturnedOnCancel(late)) {
      const reason = args.actor === "coach" ? "Session canceled by the coach" : "Session canceled in time";
      await returnCredit(tx, { practiceId: booking.practiceId, bookingId: booking.id, reason });
    }
    return;
  }
  const ctx = await lockPayment(tx, { bookingId: booking.id });
  if (!ctx) {
    // A first session held while its package is paid for: nothing is paid yet; a payment still coming buys the package alone.
    if (booking.paymentStatus === "awaiting") await tx.update(bookings).set({ paymentStatus: "expired", holdExpiresAt: null }).where(eq(bookings.id, booking.id));
    return;
  }
  if (ctx.payment.status === "awaiting") {
    await tx.update(payments).set({ status: "expired" }).where(eq(payments.id, ctx.payment.id));
    await tx.update(bookings).set({ paymentStatus: "expired", holdExpiresAt: null }).where(eq(bookings.id, booking.id));
    return;
  }
  if (ctx.payment.provider === "manual") return;
  const { cents, cause } = refundOnCancel({
    paidCents: ctx.payment.amountCents,
    refundedCents: ctx.payment.refundedCents,
    actor: args.actor,
    late: args.late,
    lateCancelRefundPercent: booking.policy.lateCancelRefundPercent ?? 0,
  });
  // A no-show follows the late-cancel rule, under its own cause (so it too refunds once).
  await issueRefund(tx, ctx, { cents, cause: args.noShow ? "no_show" : cause });
}

/**
 * The coach refunds a session's payment in full or in part, with a reason
 * (refundByCoach: each refund its own, capped at what is left).
 */
export async function refundBookingPayment(practiceId: string, bookingId: string, input: z.input<typeof coachRefundInput>) {
  notFoundUnlessId(bookingId, "That payment");
  return getDb().transaction(async (tx) => {
    const ctx = await lockPayment(tx, { bookingId });
    if (!ctx || ctx.booking.practiceId !== practiceId) throw notFound("That payment");
    return refundByCoach(tx, sessionRefundTarget(ctx), input);
  });
}

/** The coach collected the money elsewhere: the session is marked paid (a `manual` payment). */
export async function markBookingPaid(practiceId: string, bookingId: string) {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ booking: bookings, offering: offerings })
      .from(bookings)
      .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
      .innerJoin(practices, eq(practices.id, bookings.practiceId))
      .where(and(eq(bookings.practiceId, practiceId), eq(bookings.id, bookingId)))
      .for("update", { of: bookings });
    if (!row) throw notFound("That session");
    if (row.booking.paymentStatus !== "unpaid") throw new AppError("conflict", "Only an unpaid session can be marked as paid.");
    await tx.insert(payments).values({
      practiceId,
      bookingId,
      provider: "manual",
      amountCents: row.offering.priceCents,
      currency: row.offering.currency,
      status: "paid",
      paidAt: now(),
    });
    const [updated] = await tx.update(bookings).set({ paymentStatus: "paid" }).where(eq(bookings.id, bookingId)).returning();
    return updated!;
  });
}
