import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { bookings, clients, offerings, packagePurchases, packages, payments, practices } from "@/server/db/schema";
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
  // A session's payment names its booking; a package's names its purchase (and maybe the first session booked with it).
  const [row] = await getDb()
    .select({ payment: payments, booking: bookings, offering: offerings, practice: practices, pkg: packages, client: clients })
    .from(payments)
    .innerJoin(practices, eq(practices.id, payments.practiceId))
    .leftJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .leftJoin(packages, eq(packages.id, packagePurchases.packageId))
    .leftJoin(clients, eq(clients.id, packagePurchases.clientId))
    .leftJoin(bookings, eq(bookings.id, sql`coalesce(${payments.bookingId}, ${packagePurchases.bookingId})`))
    .leftJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(eq(payments.checkoutSessionId, sessionId));
  if (!row || row.payment.provider !== "test") throw notFound("That checkout");
  const { payment, booking, offering, practice, pkg } = row;
  const session = booking && offering ? { start: booking.startsAt, end: booking.endsAt, timeZone: booking.clientTimeZone } : null;
  return {
    sessionId,
    state: payment.status,
    amountCents: payment.amountCents,
    currency: payment.currency,
    practiceName: practice.name,
    offeringName: pkg ? `${pkg.name} (${pkg.sessions} sessions)${offering ? `, first session: ${offering.name}` : ""}` : offering!.name,
    session,
    timeZone: session?.timeZone ?? row.client?.timeZone ?? practice.timeZone,
    expiresAt: payment.expiresAt,
    /** Where Checkout sends the payer back: the booking's confirmation page (a package on its own: the portal's payments). */
    returnPath:
      booking && offering
        ? `/book/${practice.slug}/${encodeURIComponent(offering.slug)}/booked/${booking.id}?token=${manageTokenFor(booking, "booker")}`
        : "/portal/payments",
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
