import "server-only";
import { eq } from "drizzle-orm";
import { toMajorUnits } from "@/lib/billing/payments";
import { getDb } from "@/server/db/client";
import { payments, type bookings, type offerings } from "@/server/db/schema";

type Booking = typeof bookings.$inferSelect;
type Offering = typeof offerings.$inferSelect;

/** The booking's payment row, if money was asked (Checkout) or recorded (marked paid). */
export async function getBookingPayment(bookingId: string) {
  const [row] = await getDb().select().from(payments).where(eq(payments.bookingId, bookingId));
  return row ?? null;
}

/** Money as the public API shows it: major units (like `price`), the offering's price when nothing was asked online. */
function amountOf(offering: Offering, payment: typeof payments.$inferSelect | null) {
  return { amount: toMajorUnits(payment?.amountCents ?? offering.priceCents), currency: payment?.currency ?? offering.currency };
}

/** `booking.payment` in the answer to POST …/bookings: where to pay, until when. */
export function newBookingPayment(booking: Booking & { checkout: { url: string; expiresAt: Date } | null }, offering: Offering) {
  return {
    status: booking.paymentStatus,
    amount: toMajorUnits(offering.priceCents),
    currency: offering.currency,
    checkoutUrl: booking.checkout?.url ?? null,
    expiresAt: booking.checkout?.expiresAt.toISOString() ?? null,
  };
}

/** `booking.payment` when a booking is read or changed by its manage link. */
export function bookingPaymentView(booking: Booking, offering: Offering, payment: typeof payments.$inferSelect | null) {
  // Paid with a credit: no money moved for this session (the package's own payment bought it).
  const money = booking.paymentStatus === "credit" ? { amount: 0, currency: offering.currency } : amountOf(offering, payment);
  return { status: booking.paymentStatus, ...money, refunded: toMajorUnits(payment?.refundedCents ?? 0) };
}
