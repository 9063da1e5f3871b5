import "server-only";
import { locationJson, meetingPlaceOf } from "@/lib/scheduling/meeting-place";
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

/**
 * `{ booking: { id, status, start, end, offering, location, payment } }`, re-read so it shows the state
 * after a change. `location` is `{ kind, url?, address? }`; a canceled, expired or still unpaid (pending_payment) booking's has no url.
 */
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
      location: locationJson(meetingPlaceOf(offering, booking)),
      payment: bookingPaymentView(booking, offering, payment),
    },
  };
}
