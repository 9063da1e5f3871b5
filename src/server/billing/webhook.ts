import "server-only";
import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import { getDb, type DbOrTx } from "@/server/db/client";
import { payments, stripeEvents } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";
import { recordAccountUpdated } from "./accounts";
import { recordCheckoutPaid, recordCheckoutUnpaid } from "./lifecycle";
import { lockPayment } from "./payment-context";
import { applyPlanCheckoutSession, applyPlanInvoice, applyPlanSubscription } from "./plan-events";
import { flagPlanInvoiceDisputed, syncPlanInvoiceRefunds } from "./plan-refunds";
import { enqueueCoachAlert } from "./payment-emails";
import { flagPackagePaymentDisputed, packageRefundTargetFor } from "./package-refunds";
import { sessionRefundTargetFor, syncRefundsFromStripe } from "./refunds";
import { constructWebhookEvent, onStripeAccount, stripe, type Stripe } from "./stripe-client";

export type WebhookOutcome = { received: true; duplicate?: true; ignored?: true };

/**
 * `POST /api/webhooks/stripe`, platform and connected-account events alike.
 * The signature over the raw body is checked before anything else (bad or
 * missing: `invalid`, nothing changed). Then, in one transaction, the event id
 * goes into stripe_events (unique) and the event is applied: a redelivery, even
 * ten at once, finds the id taken and changes nothing; if applying fails, the
 * id rolls back with it and Stripe's retry applies it again. Where order
 * matters, the object's current state is re-read from Stripe.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("invalid", "Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET).");
  if (!signature) throw new AppError("invalid", "Missing Stripe-Signature header.");
  let event: Stripe.Event;
  try {
    event = constructWebhookEvent(rawBody, signature, secret);
  } catch {
    throw new AppError("invalid", "The Stripe signature does not match this body.");
  }
  if (!HANDLERS[event.type]) return { received: true, ignored: true };
  return getDb().transaction(async (tx) => {
    const [fresh] = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, account: event.account ?? null })
      .onConflictDoNothing()
      .returning();
    if (!fresh) return { received: true, duplicate: true } as const;
    await HANDLERS[event.type]!(tx, event);
    return { received: true } as const;
  });
}

type Handler = (tx: DbOrTx, event: Stripe.Event) => Promise<void>;

/** Options for requests about an event's object: on the connected account it came from. */
const onAccount = (event: Stripe.Event) => onStripeAccount(event.account);

/** Re-reads the session: its state now, not as it was when the event was made. */
async function applyCheckoutSession(tx: DbOrTx, event: Stripe.Event) {
  const sent = event.data.object as Stripe.Checkout.Session;
  if (sent.mode === "subscription") return applyPlanCheckoutSession(tx, event);
  const session = await stripe().checkout.sessions.retrieve(sent.id, {}, onAccount(event));
  if (session.payment_status === "paid" || session.payment_status === "no_payment_required") {
    const intent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
    await recordCheckoutPaid(tx, { sessionId: session.id, paymentIntentId: intent, amountCents: session.amount_total ?? 0, currency: session.currency ?? "" });
  } else if (session.status === "expired") {
    await recordCheckoutUnpaid(tx, session.id, "expired");
  } else if (event.type === "checkout.session.async_payment_failed") {
    await recordCheckoutUnpaid(tx, session.id, "failed");
  }
  // Completed but unpaid (a bank debit on its way): the hold waits for async_payment_succeeded.
}

function intentOf(object: { payment_intent?: string | { id: string } | null }) {
  const intent = object.payment_intent;
  return typeof intent === "string" ? intent : (intent?.id ?? null);
}

const HANDLERS: Partial<Record<Stripe.Event["type"], Handler>> = {
  "checkout.session.completed": applyCheckoutSession,
  "checkout.session.async_payment_succeeded": applyCheckoutSession,
  "checkout.session.async_payment_failed": applyCheckoutSession,
  "checkout.session.expired": applyCheckoutSession,
  // Refunds made in Stripe's dashboard, or ours confirmed: a session's payment, a package's, or a plan month's.
  "charge.refunded": async (tx, event) => {
    const intent = intentOf(event.data.object as Stripe.Charge);
    if (!intent) return;
    const target = (await sessionRefundTargetFor(tx, intent)) ?? (await packageRefundTargetFor(tx, intent));
    if (target) await syncRefundsFromStripe(tx, target);
    else await syncPlanInvoiceRefunds(tx, intent, event.account ?? null);
  },
  "charge.dispute.created": async (tx, event) => {
    const dispute = event.data.object as Stripe.Dispute;
    const intent = intentOf(dispute);
    if (!intent) return;
    const ctx = await lockPayment(tx, { paymentIntentId: intent });
    if (ctx) {
      await tx.update(payments).set({ disputed: true }).where(eq(payments.id, ctx.payment.id));
      const asked = { amountCents: ctx.payment.amountCents, currency: ctx.payment.currency };
      await enqueueCoachAlert(tx, ctx, { paymentId: ctx.payment.id, problem: "dispute", asked, reported: { amountCents: dispute.amount, currency: dispute.currency } });
      return;
    }
    if (await flagPackagePaymentDisputed(tx, intent, dispute)) return;
    if (await flagPlanInvoiceDisputed(tx, intent, dispute, event.account ?? null)) return;
    log.warn({ dispute: dispute.id }, "dispute for a payment Tend doesn't know");
  },
  "account.updated": async (tx, event) => recordAccountUpdated(tx, event.data.object as Stripe.Account),
  // Monthly plans (plan-events.ts).
  "invoice.paid": applyPlanInvoice,
  "invoice.payment_failed": applyPlanInvoice,
  "customer.subscription.updated": applyPlanSubscription,
  "customer.subscription.deleted": applyPlanSubscription,
};
