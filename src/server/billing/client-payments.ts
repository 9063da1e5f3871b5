import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { bookings, offerings, payments } from "@/server/db/schema";

/**
 * The portal's Payments page: what the signed-in client was asked to pay for their sessions,
 * newest first. The booker pays, so only sessions they booked are listed (a partner sees none
 * of the other's money); free sessions are left out. The amount is what was charged, or the
 * offering's price when nothing was collected online.
 */
export async function listClientPayments(scope: { practiceId: string; clientId: string }) {
  const rows = await getDb()
    .select({
      bookingId: bookings.id,
      startsAt: bookings.startsAt,
      status: bookings.paymentStatus,
      offeringName: offerings.name,
      priceCents: offerings.priceCents,
      priceCurrency: offerings.currency,
      amountCents: payments.amountCents,
      currency: payments.currency,
      refundedCents: payments.refundedCents,
      paidAt: payments.paidAt,
    })
    .from(bookings)
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .leftJoin(payments, and(eq(payments.bookingId, bookings.id), eq(payments.practiceId, scope.practiceId)))
    .where(and(eq(bookings.practiceId, scope.practiceId), eq(bookings.clientId, scope.clientId), ne(bookings.paymentStatus, "not_required")))
    .orderBy(desc(bookings.startsAt));
  return rows.map((r) => ({
    bookingId: r.bookingId,
    startsAt: r.startsAt,
    status: r.status,
    offeringName: r.offeringName,
    amountCents: r.amountCents ?? r.priceCents,
    currency: r.currency ?? r.priceCurrency,
    refundedCents: r.refundedCents ?? 0,
    paidAt: r.paidAt,
  }));
}
