import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { HOLD_MINUTES } from "@/lib/billing/payments";
import type { Actor } from "@/lib/scheduling/policy";
import { getDb, type DbOrTx } from "@/server/db/client";
import { payments, type bookings, type offerings, type practices } from "@/server/db/schema";
import { manageTokenFor } from "@/server/scheduling/manage-token";
import { getPaymentAccountStatus } from "./accounts";
import { onStripeAccount, stripe } from "./stripe-client";

type Offering = typeof offerings.$inferSelect;

/**
 * How a new booking is paid:
 * - `free`: the offering costs nothing;
 * - `offline`: not collected online (the offering says so, the coach booked it
 *   from the dashboard, or this server can't take payments: no Stripe key on a
 *   public address, or the practice hasn't connected its account yet);
 * - `checkout`: held as pending_payment while the booker pays through Checkout.
 */
export type Collection = { kind: "free" } | { kind: "offline" } | { kind: "checkout"; provider: "stripe" | "test"; stripeAccountId: string | null };

export async function collectionFor(practiceId: string, offering: Offering, actor: Actor, db: DbOrTx): Promise<Collection> {
  if (offering.priceCents === 0) return { kind: "free" };
  if (offering.paymentCollection !== "at_booking" || actor === "coach") return { kind: "offline" };
  return (await onlineCollection(practiceId, db)) ?? { kind: "offline" };
}

/** How this practice takes money online right now (Stripe or the laptop's test checkout); null: it can't. */
export async function onlineCollection(practiceId: string, db: DbOrTx): Promise<Extract<Collection, { kind: "checkout" }> | null> {
  const status = await getPaymentAccountStatus(practiceId, db);
  if (!status.canCollect) return null;
  if (status.mode === "test") return { kind: "checkout", provider: "test", stripeAccountId: null };
  return { kind: "checkout", provider: "stripe", stripeAccountId: status.connect ? status.account!.id : null };
}

/** Whether a client booking this offering goes through Checkout (the booking page says so before they submit). */
export async function paysAtBooking(practiceId: string, offering: Offering, db: DbOrTx = getDb()) {
  return (await collectionFor(practiceId, offering, "client", db)).kind === "checkout";
}

/** When a hold made now ends. */
export const holdEndsAt = (now: Date) => new Date(now.getTime() + HOLD_MINUTES * 60_000);

/** The page Checkout returns to (paid or not): the booking's confirmation page, which reads its state. */
export function bookedPageUrl(booking: Booking, practice: Practice, offering: Offering) {
  const path = `/book/${practice.slug}/${encodeURIComponent(offering.slug)}/booked/${booking.id}?token=${manageTokenFor(booking, "booker")}`;
  return new URL(path, env().APP_URL).toString();
}

type Booking = typeof bookings.$inferSelect;
type Practice = typeof practices.$inferSelect;

/**
 * Opens the Checkout Session for a pending booking, inside the booking's
 * transaction (a failure rolls the hold back), and records the payment asked.
 * On Stripe the session expires with the hold (`expires_at`, Stripe's 30-minute
 * minimum counted on real time plus a little slack for the request's trip);
 * on a laptop without keys it is the built-in test checkout.
 */
export async function openCheckout(
  tx: DbOrTx,
  args: { booking: Booking; practice: Practice; offering: Offering; collection: Extract<Collection, { kind: "checkout" }> },
) {
  const { booking, practice, offering, collection } = args;
  const session = await startCheckoutSession(collection, {
    name: `${offering.name} with ${practice.name}`,
    amountCents: offering.priceCents,
    currency: offering.currency,
    email: booking.bookerEmail,
    reference: booking.id,
    metadata: { bookingId: booking.id, practiceId: practice.id },
    idempotencyKey: `checkout:${booking.id}`,
    returnUrl: bookedPageUrl(booking, practice, offering),
  });
  const [payment] = await tx
    .insert(payments)
    .values({
      practiceId: practice.id,
      bookingId: booking.id,
      provider: collection.provider,
      stripeAccountId: collection.stripeAccountId,
      checkoutSessionId: session.id,
      checkoutUrl: session.url,
      amountCents: offering.priceCents,
      currency: offering.currency,
      expiresAt: booking.holdExpiresAt,
    })
    .returning();
  return payment!;
}

export type CheckoutRequest = {
  /** The line the payer reads on Checkout. */
  name: string;
  amountCents: number;
  currency: string;
  email: string;
  /** `client_reference_id`: the booking or package purchase. */
  reference: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
  returnUrl: string;
};

/**
 * A Checkout Session (mode payment) on the practice's connected account, or
 * the platform's (STRIPE_CONNECT=off), expiring 30 minutes ahead; or a test
 * checkout of the app's own on a laptop without keys.
 */
export async function startCheckoutSession(collection: Extract<Collection, { kind: "checkout" }>, request: CheckoutRequest) {
  if (collection.provider === "test") {
    const id = `test_cs_${randomBytes(18).toString("hex")}`;
    return { id, url: new URL(`/dev/checkout/${id}`, env().APP_URL).toString() };
  }
  const session = await stripe().checkout.sessions.create(
    {
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: { currency: request.currency.toLowerCase(), unit_amount: request.amountCents, product_data: { name: request.name } },
        },
      ],
      customer_email: request.email,
      client_reference_id: request.reference,
      metadata: request.metadata,
      payment_intent_data: { metadata: request.metadata },
      expires_at: Math.floor(Date.now() / 1000) + HOLD_MINUTES * 60 + 30,
      success_url: request.returnUrl,
      cancel_url: request.returnUrl,
    },
    { idempotencyKey: request.idempotencyKey, ...onStripeAccount(collection.stripeAccountId) },
  );
  return { id: session.id, url: session.url! };
}
