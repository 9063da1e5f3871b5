import "server-only";
import Stripe from "stripe";
import { env, laptopConveniencesEnabled, type Env } from "@/lib/env";

/**
 * How this server takes money:
 * - `stripe`: STRIPE_SECRET_KEY is set; Checkout on Stripe (or on STRIPE_API_BASE);
 * - `test`: no key, and a laptop (laptopConveniencesEnabled): the built-in test
 *   checkout at /dev/checkout/…, which calls the same domain functions as the webhook;
 * - `off`: no key on a public address: paid offerings are booked "not collected online".
 */
export type PaymentMode = "stripe" | "test" | "off";

export function paymentMode(settings: Env = env()): PaymentMode {
  if (settings.STRIPE_SECRET_KEY) return "stripe";
  return laptopConveniencesEnabled(settings) ? "test" : "off";
}

/** True when each practice charges on its own connected account (STRIPE_CONNECT, default on). */
export const connectEnabled = (settings: Env = env()) => settings.STRIPE_CONNECT;

/** SDK options that send every request to STRIPE_API_BASE (host, port, protocol) instead of api.stripe.com. */
function apiBaseOptions(base: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

const store = globalThis as unknown as { __tendStripe?: { key: string; base: string | undefined; client: Stripe } };

/** The SDK client for STRIPE_SECRET_KEY (one per key and base; tests change them between files). */
export function stripe(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base } = env();
  if (!key) throw new Error("Stripe is not configured: set STRIPE_SECRET_KEY (see docs/billing.md).");
  const cached = store.__tendStripe;
  if (cached && cached.key === key && cached.base === base) return cached.client;
  // Two retries with Stripe's idempotency keys: a request lost on the way is safe to repeat.
  const client = new Stripe(key, { maxNetworkRetries: 2, timeout: 20_000, ...apiBaseOptions(base) });
  store.__tendStripe = { key, base, client };
  return client;
}

/** Webhook signatures need only the signing secret, not an API key. */
export function constructWebhookEvent(rawBody: string, signature: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}

/** Request options for the account a subscription, plan or payment lives on (null: the platform's own). */
export const onStripeAccount = (account: string | null | undefined) => (account ? { stripeAccount: account } : {});

export type { Stripe };
