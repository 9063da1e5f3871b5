import "server-only";
import { bookingPaymentView, getBookingPayment } from "@/server/billing/payment-view";
import { getPracticeBySlug } from "@/server/practices/queries";
import { requireBookingByToken } from "@/server/scheduling/booking-by-token";
import { getBookingDetails } from "@/server/scheduling/booking-queries";

/** The booking a manage link opens, under the practice in the URL (another practice's booking is "not found"). */
export async function bookingOfLink(practiceSlug: string, id: string, token: string | null) {
  const practice = await getPracticeBySlug(practiceSlug);
  const found = await requireBookingByToken(id, token);
  if (found.practice.id !== practice.id) await requireBookingByToken("", null);
  return found;
}

/** `{ booking: { id, status, start, end, offering, payment } }`, re-read so it shows the state after a change. */
export async function bookingJson(practiceId: string, bookingId: string) {
  const { booking, offering } = await getBookingDetails({ practiceId }, bookingId);
  const payment = await getBookingPayment(booking.id);
  return {
    booking: {
      id: booking.id,
      status: booking.status,
      start: booking.startsAt.toISOString(),
      end: booking.endsAt.toISOString(),
      offering: offering.slug,
      payment: bookingPaymentView(booking, offering, payment),
    },
  };
}
