import { getBookingPayment } from "@/server/billing/payment-view";
import type { BookingPaymentStatus } from "@/lib/billing/payments";
import { PaymentPanel } from "./payment-panel";

/** The session's payment card: shown for paid offerings, or whenever a payment was recorded. */
export async function SessionPayment({ bookingId, status, priceCents }: { bookingId: string; status: BookingPaymentStatus; priceCents: number }) {
  const payment = await getBookingPayment(bookingId);
  if (priceCents === 0 && !payment) return null;
  return <PaymentPanel bookingId={bookingId} status={status} payment={payment} />;
}
