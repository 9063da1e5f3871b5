import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { resetEnvCache } from "@/lib/env";
import { getDb } from "@/server/db/client";
import { bookings, emailOutbox, payments } from "@/server/db/schema";
import { createBooking } from "@/server/scheduling/bookings";
import { createBookablePractice, setTestClock } from "./factories";
import type { FakeStripe } from "./fake-stripe";

const WEBHOOK_SECRET = "whsec_integration_test_secret";
export const ZONE = "America/Los_Angeles";

/** Points the SDK at the fake (STRIPE_API_BASE), with a key and webhook secret; `connect` is STRIPE_CONNECT. */
export function useFakeStripe(fake: FakeStripe, connect: "on" | "off" = "off") {
  process.env.STRIPE_SECRET_KEY = "sk_test_integration";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = fake.url;
  process.env.STRIPE_CONNECT = connect;
  resetEnvCache();
}

export function withoutStripe() {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_BASE;
  delete process.env.STRIPE_CONNECT;
  resetEnvCache();
}

export const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();
export const setClock = (local: string) => setTestClock(at(local));

/** A practice whose $300 crisis-like offering is paid at booking (and a late cancel refunds `latePercent`). */
export async function paidPractice(latePercent = 0) {
  return createBookablePractice(ZONE, { priceCents: 30000, paymentCollection: "at_booking", lateCancelRefundPercent: latePercent });
}

let people = 0;
export const booker = () => ({ name: `Payer ${++people}`, email: `payer${people}-${Date.now()}@example.test`, timeZone: "America/New_York" });

export function bookAt(practiceId: string, local: string) {
  return createBooking(practiceId, { offering: "one-on-one", start: at(local), ...booker() });
}

/** Delivers an event to the real route, signed like Stripe signs it (or with the signature given). */
export async function deliver(event: { payload: string }, fake: FakeStripe, signature: string | null = fake.sign(event.payload, WEBHOOK_SECRET)) {
  const response = await webhookRoute(
    new Request("http://localhost:3000/api/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
      body: event.payload,
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The session and payment rows behind a booking. */
export async function paymentOf(bookingId: string) {
  const [payment] = await getDb().select().from(payments).where(eq(payments.bookingId, bookingId));
  return payment!;
}

export async function bookingRow(bookingId: string) {
  const [row] = await getDb().select().from(bookings).where(eq(bookings.id, bookingId));
  return row!;
}

/** Outbox messages about a booking with this template. */
export async function mails(bookingId: string, template: string) {
  return getDb()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.topic, `booking:${bookingId}`), eq(emailOutbox.template, template)));
}

/** `checkout.session.completed` for a session as the fake now holds it. */
export const completed = (fake: FakeStripe, sessionId: string, account?: string) =>
  fake.event("checkout.session.completed", { ...fake.sessions.get(sessionId)! }, { account });
