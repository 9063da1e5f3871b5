import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNotNull, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { isLive, stateFromStripe } from "@/lib/billing/plans";
import { getDb, type DbOrTx } from "@/server/db/client";
import { clients, planSubscriptions, plans } from "@/server/db/schema";
import { AppError, conflict, notFound, notFoundUnlessId } from "@/server/errors";
import { getPaymentAccountStatus } from "./accounts";
import { getPlan, type Plan } from "./plans";
import { onStripeAccount, stripe, type Stripe } from "./stripe-client";
import { liveSubscriptionTo, lockSubscription, recordSubscriptionState, type PlanSubscription, type SubscriptionReport } from "./subscriptions";

/**
 * The Stripe Price a plan sells at, made on first sale (a Product, then a
 * monthly Price) on the account that sells it, and kept on the plan. Made
 * again when the plan was repriced or the practice sells from another account.
 * Idempotency keys make two first sales at once share one Product and Price.
 */
async function ensureStripePrice(db: DbOrTx, plan: Plan, account: string | null) {
  const sameAccount = (plan.stripeAccountId ?? null) === account;
  if (plan.stripePriceId && sameAccount) return plan.stripePriceId;
  const where = account ?? "platform";
  const product =
    sameAccount && plan.stripeProductId
      ? plan.stripeProductId
      : (
          await stripe().products.create(
            { name: plan.name, metadata: { practiceId: plan.practiceId, planId: plan.id } },
            { idempotencyKey: `plan-product:${plan.id}:${where}`, ...onStripeAccount(account) },
          )
        ).id;
  const price = await stripe().prices.create(
    {
      product,
      unit_amount: plan.priceCents,
      currency: plan.currency.toLowerCase(),
      recurring: { interval: "month" },
      metadata: { practiceId: plan.practiceId, planId: plan.id },
    },
    { idempotencyKey: `plan-price:${plan.id}:${where}:${plan.priceCents}:${plan.currency}`, ...onStripeAccount(account) },
  );
  await db.update(plans).set({ stripeAccountId: account, stripeProductId: product, stripePriceId: price.id }).where(eq(plans.id, plan.id));
  return price.id;
}

/** A Stripe customer this client already has on that account (an earlier plan), so Stripe keeps one customer per person. */
async function knownCustomer(db: DbOrTx, sub: { practiceId: string; clientId: string }, account: string | null) {
  const [row] = await db
    .select({ customer: planSubscriptions.stripeCustomerId, account: planSubscriptions.stripeAccountId })
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.practiceId, sub.practiceId), eq(planSubscriptions.clientId, sub.clientId), isNotNull(planSubscriptions.stripeCustomerId)))
    .orderBy(desc(planSubscriptions.createdAt));
  return row && (row.account ?? null) === account ? row.customer : null;
}

/** Stripe Checkout Sessions live 24 hours; one opened less than this long ago is offered again rather than a second. */
const REUSE_CHECKOUT_MS = 23 * 3_600_000;

/**
 * The client's checkout for this plan still open (Subscribe clicked twice, or
 * back from Checkout), made after the plan's last edit: its URL, so one
 * client doesn't pile up Checkout Sessions for one plan.
 */
async function openCheckoutOf(args: { practiceId: string; clientId: string; plan: Plan; provider: "stripe" | "test"; account: string | null }) {
  const rows = await getDb()
    .select()
    .from(planSubscriptions)
    .where(
      and(
        eq(planSubscriptions.practiceId, args.practiceId),
        eq(planSubscriptions.clientId, args.clientId),
        eq(planSubscriptions.planId, args.plan.id),
        eq(planSubscriptions.state, "checkout"),
        eq(planSubscriptions.provider, args.provider),
        // Real time, like Stripe's expiry (not the server's test clock).
        gt(planSubscriptions.createdAt, sql`now() - make_interval(secs => ${REUSE_CHECKOUT_MS / 1000})`),
      ),
    )
    .orderBy(desc(planSubscriptions.createdAt));
  const reusable = rows.find((r) => r.checkoutUrl && (r.stripeAccountId ?? null) === args.account && r.createdAt > args.plan.updatedAt);
  return reusable?.checkoutUrl ?? null;
}

const paymentsPage = () => new URL("/portal/payments", env().APP_URL).toString();

/**
 * A signed-in client subscribes to a plan: writes the subscription (state
 * `checkout`) and opens Checkout in `mode: "subscription"` (or the laptop's
 * test checkout), naming practice, client, plan and the subscription row in
 * `client_reference_id` and metadata. Returns the URL to send the client to.
 * Refused while the client already has this plan, or the practice can't take
 * payments online.
 */
export async function startPlanCheckout(practiceId: string, clientId: string, planId: string): Promise<string> {
  const plan = await getPlan(practiceId, planId);
  if (!plan.active) throw notFound("That plan");
  const [client] = await getDb()
    .select()
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  if (!client) throw notFound("That client");
  const status = await getPaymentAccountStatus(practiceId);
  if (!status.canCollect) throw conflict("This practice doesn't take payments online yet. Ask your coach how to join the plan.");
  if (await liveSubscriptionTo(getDb(), { practiceId, clientId, planId })) throw conflict("You already have this plan. Manage it from your payments page.");
  const account = status.mode === "stripe" && status.connect ? status.account!.id : null;
  const open = await openCheckoutOf({ practiceId, clientId, plan, provider: status.mode === "test" ? "test" : "stripe", account });
  if (open) return open;

  return getDb().transaction(async (tx) => {
    const [sub] = await tx
      .insert(planSubscriptions)
      .values({ practiceId, clientId, planId, provider: status.mode === "test" ? "test" : "stripe", stripeAccountId: account })
      .returning();
    let sessionId: string;
    let url: string;
    if (status.mode === "test") {
      sessionId = `test_plan_cs_${randomBytes(18).toString("hex")}`;
      url = new URL(`/dev/checkout/plan/${sessionId}`, env().APP_URL).toString();
    } else {
      const price = await ensureStripePrice(tx, plan, account);
      const customer = await knownCustomer(tx, sub!, account);
      const metadata = { practiceId, clientId, planId, planSubscriptionId: sub!.id };
      const session = await stripe().checkout.sessions.create(
        {
          mode: "subscription",
          line_items: [{ price, quantity: 1 }],
          ...(customer ? { customer } : { customer_email: client.email }),
          client_reference_id: clientId,
          metadata,
          subscription_data: { metadata },
          success_url: `${paymentsPage()}?subscribed=1`,
          cancel_url: paymentsPage(),
        },
        { idempotencyKey: `plan-checkout:${sub!.id}`, ...onStripeAccount(account) },
      );
      sessionId = session.id;
      url = session.url!;
    }
    await tx.update(planSubscriptions).set({ checkoutSessionId: sessionId, checkoutUrl: url }).where(eq(planSubscriptions.id, sub!.id));
    return url;
  });
}

/** A Stripe subscription in our words: state, cancel at period end, the current period (its item's, as Stripe now keeps it). */
export function reportOf(subscription: Stripe.Subscription): SubscriptionReport {
  const item = subscription.items?.data?.[0];
  const seconds = (s: number | null | undefined) => (typeof s === "number" ? new Date(s * 1000) : null);
  return {
    stripeSubscriptionId: subscription.id,
    customerId: typeof subscription.customer === "string" ? subscription.customer : (subscription.customer?.id ?? null),
    state: stateFromStripe(subscription.status),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    periodStart: seconds(item?.current_period_start),
    periodEnd: seconds(item?.current_period_end),
    endedAt: seconds(subscription.ended_at),
  };
}

/** A subscription of this practice (and client, when given), or "not found". */
async function findSubscription(practiceId: string, subscriptionId: string, clientId?: string) {
  notFoundUnlessId(subscriptionId, "That plan");
  const filters = [eq(planSubscriptions.practiceId, practiceId), eq(planSubscriptions.id, subscriptionId)];
  if (clientId) filters.push(eq(planSubscriptions.clientId, clientId));
  const [row] = await getDb()
    .select()
    .from(planSubscriptions)
    .where(and(...filters));
  if (!row || row.state === "checkout" || row.state === "expired") throw notFound("That plan");
  return row;
}

/**
 * "Manage plan": the client's own Stripe Billing Portal (update the card,
 * see invoices, cancel at period end), returning to the portal's payments
 * page. On the laptop's test checkout, its stand-in page. Returns the URL.
 */
export async function openBillingPortal(practiceId: string, clientId: string, subscriptionId: string): Promise<string> {
  const sub = await findSubscription(practiceId, subscriptionId, clientId);
  if (sub.provider === "test") return new URL(`/dev/checkout/plan/portal/${sub.stripeSubscriptionId}`, env().APP_URL).toString();
  if (!sub.stripeCustomerId) throw conflict("Your plan is still being set up. Try again in a minute.");
  const session = await stripe().billingPortal.sessions.create({ customer: sub.stripeCustomerId, return_url: paymentsPage() }, onStripeAccount(sub.stripeAccountId));
  return session.url;
}

/**
 * The coach ends a client's plan at the end of the period (Stripe's
 * `cancel_at_period_end`). Credits already granted stay usable until then.
 * The answer from Stripe is recorded at once; the webhook confirms it later.
 */
export async function cancelPlanAtPeriodEnd(practiceId: string, subscriptionId: string): Promise<PlanSubscription> {
  const sub = await findSubscription(practiceId, subscriptionId);
  if (!isLive(sub.state)) throw conflict("This plan has already ended.");
  if (sub.cancelAtPeriodEnd) return sub;
  if (sub.provider === "test") {
    const [row] = await getDb().update(planSubscriptions).set({ cancelAtPeriodEnd: true }).where(eq(planSubscriptions.id, sub.id)).returning();
    return row!;
  }
  if (!sub.stripeSubscriptionId) throw new AppError("conflict", "This plan is still being set up. Try again in a minute.");
  const updated = await stripe().subscriptions.update(
    sub.stripeSubscriptionId,
    { cancel_at_period_end: true },
    { idempotencyKey: `plan-cancel:${sub.id}`, ...onStripeAccount(sub.stripeAccountId) },
  );
  return getDb().transaction(async (tx) => {
    const locked = await lockSubscription(tx, { id: sub.id });
    return recordSubscriptionState(tx, locked!, reportOf(updated));
  });
}
