import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { bookings, offerings, payments, practices } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { manageTokenFor } from "@/server/scheduling/manage-token";
import { recordCheckoutPaid, recordCheckoutUnpaid } from "./lifecycle";
import { paymentMode } from "./stripe-client";

/**
 * The laptop's stand-in for Stripe Checkout (no Stripe keys, local APP_URL):
 * /dev/checkout/<session> shows what is asked and offers "pay" or "abandon",
 * which call the very functions the webhook calls. Anywhere else, and for
 * any session that isn't a test one, it is "not found".
 */
export async function getTestCheckout(sessionId: string) {
  if (paymentMode() !== "test" || !/^test_cs_[0-9a-f]{36}$/.test(sessionId)) throw notFound("That checkout");
  const [row] = await getDb()
    .select({ payment: payments, booking: bookings, offering: offerings, practice: practices })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .innerJoin(practices, eq(practices.id, bookings.practiceId))
    .where(eq(payments.checkoutSessionId, sessionId));
  if (!row || row.payment.provider !== "test") throw notFound("That checkout");
  const { payment, booking, offering, practice } = row;
  return {
    sessionId,
    state: payment.status,
    amountCents: payment.amountCents,
    currency: payment.currency,
    practiceName: practice.name,
    offeringName: offering.name,
    start: booking.startsAt,
    end: booking.endsAt,
    timeZone: booking.clientTimeZone,
    expiresAt: payment.expiresAt,
    /** Where Checkout sends the payer back: the booking's confirmation page. */
    returnPath: `/book/${practice.slug}/${encodeURIComponent(offering.slug)}/booked/${booking.id}?token=${manageTokenFor(booking, "booker")}`,
  };
}

/** "Pay": exactly what was asked, as `checkout.session.completed` with payment_status=paid would report it. */
export async function payTestCheckout(sessionId: string) {
  const checkout = await getTestCheckout(sessionId);
  await getDb().transaction((tx) =>
    recordCheckoutPaid(tx, { sessionId, paymentIntentId: `test_pi_${sessionId.slice(8)}`, amountCents: checkout.amountCents, currency: checkout.currency }),
  );
  return checkout.returnPath;
}

/** "Abandon": the hold ends now, as `checkout.session.expired` would end it. */
export async function abandonTestCheckout(sessionId: string) {
  const checkout = await getTestCheckout(sessionId);
  await getDb().transaction((tx) => recordCheckoutUnpaid(tx, sessionId, "expired"));
  return checkout.returnPath;
}
