import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/server/db/client";
import { bookings, clients, offerings, payments, practices } from "@/server/db/schema";

export type PaymentRow = typeof payments.$inferSelect;

/**
 * A payment with its booking, practice and offering, the payment and booking
 * rows locked (FOR UPDATE) so two events about one payment apply one after
 * the other. Null when no payment matches, or it buys a package (those are
 * package-checkout.ts's).
 */
export async function lockPayment(tx: DbOrTx, where: { checkoutSessionId: string } | { paymentIntentId: string } | { bookingId: string }) {
  const condition =
    "checkoutSessionId" in where
      ? eq(payments.checkoutSessionId, where.checkoutSessionId)
      : "paymentIntentId" in where
        ? eq(payments.paymentIntentId, where.paymentIntentId)
        : eq(payments.bookingId, where.bookingId);
  const [payment] = await tx.select().from(payments).where(condition).for("update");
  if (!payment?.bookingId) return null;
  const [row] = await tx
    .select({ booking: bookings, practice: practices, offering: offerings })
    .from(bookings)
    .innerJoin(practices, eq(practices.id, bookings.practiceId))
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(eq(bookings.id, payment.bookingId))
    .for("update", { of: bookings });
  return { payment, ...row! };
}

/** The client records a booking is filed under, for the confirmation emails. */
export async function bookingClients(tx: DbOrTx, booking: typeof bookings.$inferSelect) {
  const ids = [booking.clientId, ...(booking.partnerClientId ? [booking.partnerClientId] : [])];
  const rows = await tx.select().from(clients).where(inArray(clients.id, ids));
  return { client: rows.find((c) => c.id === booking.clientId)!, partner: rows.find((c) => c.id === booking.partnerClientId) ?? null };
}
