import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { clientCredits, creditBalanceFor, expireCredits } from "@/server/billing/credits";
import { cancelPlanAtPeriodEnd, openBillingPortal, startPlanCheckout } from "@/server/billing/plan-checkout";
import { createPlan, planFormSchema, updatePlan } from "@/server/billing/plans";
import { listPayments, revenueSummary } from "@/server/billing/payment-reports";
import { clientPlans, clientReceipts, getClientReceipt } from "@/server/billing/portal-payments";
import { actOnTestSubscription, getTestPlanCheckout, payTestPlanCheckout, abandonTestPlanCheckout, renewTestSubscriptions } from "@/server/billing/plan-test-checkout";
import { createClient, setClientPartner } from "@/server/clients/clients";
import { getDb } from "@/server/db/client";
import { emailOutbox, offerings, planInvoices, planSubscriptions, plans, practices } from "@/server/db/schema";
import { seedDemoPractice } from "@/server/db/seed";
import { runPeriodicWork } from "@/server/periodic-work";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { at, deliver, setClock, useFakeStripe, withoutStripe, ZONE } from "../support/billing";
import { createBookablePractice, setTestClock } from "../support/factories";

let fake: FakeStripe;
const NOW = "2027-01-06T08:00";

beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(async () => {
  withoutStripe();
  await fake.close();
});
beforeEach(() => {
  // The fake bills on real time (like Stripe); the server's clock follows it here.
  setTestClock(null);
  useFakeStripe(fake);
});

let n = 0;
/** A practice with a 4-a-month plan of its one-on-one offering, and a client. */
async function planPractice() {
  const practice = await createBookablePractice(ZONE);
  const plan = await createPlan(practice.practiceId, {
    name: "One-on-One plan",
    offeringIds: [practice.offering.id],
    sessionsPerPeriod: 4,
    priceCents: 50000,
    currency: "USD",
  });
  const client = await createClient(practice.practiceId, { name: `Client ${++n}`, email: `plan-client-${n}-${Date.now()}@example.test`, timeZone: ZONE });
  return { ...practice, plan, client };
}

const subscriptionRow = async (id: string) => (await getDb().select().from(planSubscriptions).where(eq(planSubscriptions.id, id)))[0]!;
const rowBySession = async (sessionId: string) => (await getDb().select().from(planSubscriptions).where(eq(planSubscriptions.checkoutSessionId, sessionId)))[0]!;
const balance = (p: { practiceId: string; offering: { id: string } }, clientId: string, when?: Date) =>
  creditBalanceFor({ practiceId: p.practiceId, clientId, offeringId: p.offering.id, at: when });
const failedMails = (clientEmail: string) =>
  getDb()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, "plan-payment-failed"), eq(emailOutbox.recipient, clientEmail)));

/** Checkout opened through the domain, paid on the fake: the session's id and the subscription and first invoice. */
async function subscribed(p: Awaited<ReturnType<typeof planPractice>>) {
  const url = await startPlanCheckout(p.practiceId, p.client.id, p.plan.id);
  const session = [...fake.sessions.values()].find((s) => s.url === url)!;
  const paid = fake.subscribe(session.id);
  return { session, ...paid };
}

const sessionCompleted = (sessionId: string) => fake.event("checkout.session.completed", { ...fake.sessions.get(sessionId)! });
const invoiceEvent = (type: "invoice.paid" | "invoice.payment_failed", invoiceId: string) => fake.event(type, { ...fake.invoices.get(invoiceId)! });
const subscriptionEvent = (type: "customer.subscription.updated" | "customer.subscription.deleted", id: string) =>
  fake.event(type, { ...fake.subscriptions.get(id)! });

describe("buying a plan through Stripe", () => {
  it("opens Checkout in subscription mode with a Product and monthly Price made once, naming practice, client and plan", async () => {
    const p = await planPractice();
    const { session } = await subscribed(p);
    expect(session.mode).toBe("subscription");
    expect(session).toMatchObject({ client_reference_id: p.client.id, customer_email: p.client.email, amount_total: 50000, currency: "usd" });
    expect(session.metadata).toMatchObject({ practiceId: p.practiceId, clientId: p.client.id, planId: p.plan.id });
    expect(session.success_url).toBe("http://localhost:3000/portal/payments?subscribed=1");
    const [stored] = await getDb().select().from(plans).where(eq(plans.id, p.plan.id));
    expect(fake.prices.get(stored!.stripePriceId!)).toMatchObject({ unit_amount: 50000, currency: "usd", recurring: { interval: "month" } });

    // A second client buying the same plan reuses the Price; a new price makes a new one.
    const other = await createClient(p.practiceId, { name: "Other", email: `other-${Date.now()}@example.test`, timeZone: ZONE });
    const productsBefore = fake.products.size;
    await startPlanCheckout(p.practiceId, other.id, p.plan.id);
    expect(fake.products.size).toBe(productsBefore);
    const repriced = await updatePlan(p.practiceId, p.plan.id, { ...p.plan, priceCents: 60000 });
    expect(repriced.stripePriceId).toBeNull();
    const third = await createClient(p.practiceId, { name: "Third", email: `third-${Date.now()}@example.test`, timeZone: ZONE });
    const url = await startPlanCheckout(p.practiceId, third.id, p.plan.id);
    expect([...fake.sessions.values()].find((s) => s.url === url)!.amount_total).toBe(60000);
    expect(fake.products.size).toBe(productsBefore);

    // A rename reaches the Product (what the Billing Portal and invoices show), made anew nowhere.
    await updatePlan(p.practiceId, p.plan.id, { ...p.plan, priceCents: 60000, name: "Weekly one-on-one" });
    expect(fake.products.get(stored!.stripeProductId!)).toMatchObject({ name: "Weekly one-on-one" });
    expect(fake.products.size).toBe(productsBefore);
  });

  it("completed → the subscription is recorded; invoice.paid → 4 credits for the period, once however often delivered", async () => {
    const p = await planPractice();
    const { session, subscription, invoice } = await subscribed(p);
    expect((await deliver(sessionCompleted(session.id), fake)).status).toBe(200);
    const row = await rowBySession(session.id);
    expect(row).toMatchObject({ state: "active", stripeSubscriptionId: subscription.id, stripeCustomerId: subscription.customer, cancelAtPeriodEnd: false });
    expect(row.currentPeriodEnd!.getTime()).toBe(subscription.items.data[0]!.current_period_end * 1000);
    expect(await balance(p, p.client.id)).toBe(0);

    const paid = invoiceEvent("invoice.paid", invoice.id);
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(paid, fake)));
    expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
    // Stripe sending the same invoice again under a new event id grants nothing either.
    await deliver(invoiceEvent("invoice.paid", invoice.id), fake);
    expect(await balance(p, p.client.id)).toBe(4);
    const [grant] = await clientCredits(p.practiceId, p.client.id);
    expect(grant!.grant).toMatchObject({ kind: "plan", quantity: 4, offeringIds: [p.offering.id] });
    expect(grant!.grant.expiresAt.getTime()).toBe(row.currentPeriodEnd!.getTime());

    const [plan] = await clientPlans(p.practiceId, p.client.id);
    expect(plan).toMatchObject({ sessionsLeft: 4, periodPaid: true, subscription: { state: "active" } });
    const receipts = await clientReceipts(p.practiceId, p.client.id);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ kind: "plan", amountCents: 50000, currency: "USD", stripeReceiptUrl: invoice.hosted_invoice_url });
    // And one receipt email, naming the plan and the period, however often the invoice was reported.
    const receiptMails = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.template, "payment-receipt"), eq(emailOutbox.recipient, p.client.email)));
    expect(receiptMails).toHaveLength(1);
    expect(receiptMails[0]!.data).toMatchObject({ amountCents: 50000, currency: "USD", startIso: null, offeringName: expect.stringMatching(new RegExp(`^${p.plan.name}, `)) });

    // The coach's Payments page counts the plan month: in the list, the month's total and by what was sold.
    const [paidInvoice] = await getDb().select().from(planInvoices).where(eq(planInvoices.practiceId, p.practiceId));
    const summary = await revenueSummary(p.practiceId, paidInvoice!.paidAt!);
    expect(summary.current.USD).toMatchObject({ receivedCents: 50000 });
    expect(summary.byOffering).toEqual([expect.objectContaining({ offering: expect.stringMatching(/^Plan: /), currency: "USD", cents: 50000, count: 1 })]);
    const listed = await listPayments(p.practiceId, { month: summary.thisMonth });
    expect(listed.planMonths).toHaveLength(1);
    expect(listed.planMonths[0]).toMatchObject({ clientId: p.client.id, invoice: { amountCents: 50000 } });
    expect((await listPayments(p.practiceId, { month: summary.thisMonth, clientId: crypto.randomUUID() })).planMonths).toHaveLength(0);
  });

  it("out of order: invoice.paid before checkout.session.completed still finds the subscription (by Checkout's metadata) and grants once", async () => {
    const p = await planPractice();
    const { session, subscription, invoice } = await subscribed(p);
    await deliver(invoiceEvent("invoice.paid", invoice.id), fake);
    expect(await balance(p, p.client.id)).toBe(4);
    const row = await rowBySession(session.id);
    expect(row).toMatchObject({ state: "active", stripeSubscriptionId: subscription.id });
    await deliver(sessionCompleted(session.id), fake);
    expect(await subscriptionRow(row.id)).toMatchObject({ state: "active", stripeSubscriptionId: subscription.id });
    expect(await balance(p, p.client.id)).toBe(4);
  });

  it("out of order: a stale subscription.updated after a newer state writes the state Stripe has now", async () => {
    const p = await planPractice();
    const { session, subscription } = await subscribed(p);
    const stale = subscriptionEvent("customer.subscription.updated", subscription.id); // says: not canceling
    fake.updateSubscription(subscription.id, { cancel_at_period_end: true });
    await deliver(subscriptionEvent("customer.subscription.updated", subscription.id), fake);
    await deliver(stale, fake);
    expect(await rowBySession(session.id)).toMatchObject({ cancelAtPeriodEnd: true, state: "active" });
  });

  it("next period: a new grant of 4; the old period's unused credits lapse at its end", async () => {
    const p = await planPractice();
    const { session, subscription, invoice } = await subscribed(p);
    await deliver(sessionCompleted(session.id), fake);
    await deliver(invoiceEvent("invoice.paid", invoice.id), fake);
    const firstEnd = new Date(subscription.items.data[0]!.current_period_end * 1000);
    const renewal = fake.renew(subscription.id);
    // The renewal arrives as the period ends: the server's clock is there too.
    setTestClock(firstEnd);
    await deliver(invoiceEvent("invoice.paid", renewal.id), fake);
    expect(await expireCredits({ at: firstEnd })).toBeGreaterThanOrEqual(1); // the whole database's, this one among them
    expect(await balance(p, p.client.id, new Date(firstEnd.getTime() + 1000))).toBe(4);
    const credits = await clientCredits(p.practiceId, p.client.id);
    expect(credits.map((c) => c.balance).sort()).toEqual([0, 4]);
    expect(credits.find((c) => c.balance === 0)!.entries.map((e) => e.kind)).toEqual(["grant", "expire"]);
    const row = await rowBySession(session.id);
    expect(row.currentPeriodStart!.getTime()).toBe(firstEnd.getTime());
  });

  it("invoice.payment_failed → past due and one email with a Billing Portal link, however often Stripe retries that invoice", async () => {
    const p = await planPractice();
    const { session, subscription, invoice } = await subscribed(p);
    await deliver(sessionCompleted(session.id), fake);
    await deliver(invoiceEvent("invoice.paid", invoice.id), fake);
    const failed = fake.renew(subscription.id, { fail: true });
    setTestClock(new Date(failed.lines.data[0]!.period.start * 1000));
    await deliver(invoiceEvent("invoice.payment_failed", failed.id), fake);
    await deliver(invoiceEvent("invoice.payment_failed", failed.id), fake); // Stripe's retry fails again
    const row = await rowBySession(session.id);
    expect(row.state).toBe("past_due");
    const sent = await failedMails(p.client.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toMatchObject({ amountCents: 50000, actionUrl: `http://localhost:3000/portal/payments/manage/${row.id}` });
    expect(await balance(p, p.client.id)).toBe(0); // the new period isn't paid

    // The card is updated and the retry succeeds: active again, the period's credits granted.
    fake.payInvoice(failed.id);
    await deliver(invoiceEvent("invoice.paid", failed.id), fake);
    expect((await subscriptionRow(row.id)).state).toBe("active");
    expect(await balance(p, p.client.id)).toBe(4);
    // A late payment_failed for the invoice now paid changes nothing.
    await deliver(invoiceEvent("invoice.payment_failed", failed.id), fake);
    expect((await subscriptionRow(row.id)).state).toBe("active");
    expect(await failedMails(p.client.email)).toHaveLength(1);
  });

  it("subscription.updated and .deleted keep the plan's state", async () => {
    const p = await planPractice();
    const { session, subscription } = await subscribed(p);
    await deliver(sessionCompleted(session.id), fake);
    fake.updateSubscription(subscription.id, { status: "past_due" });
    await deliver(subscriptionEvent("customer.subscription.updated", subscription.id), fake);
    expect((await rowBySession(session.id)).state).toBe("past_due");
    fake.updateSubscription(subscription.id, { status: "canceled", ended_at: Math.floor(Date.now() / 1000) });
    await deliver(subscriptionEvent("customer.subscription.deleted", subscription.id), fake);
    const row = await rowBySession(session.id);
    expect(row.state).toBe("canceled");
    expect(row.endedAt).not.toBeNull();
  });

  it("an event about a subscription Tend doesn't know, or naming another practice's row, changes nothing", async () => {
    const p = await planPractice();
    const q = await planPractice();
    const { session, subscription } = await subscribed(p);
    const theirs = await rowBySession(session.id);
    // A subscription made elsewhere whose metadata points at p's row from q's practice.
    fake.updateSubscription(subscription.id, { metadata: { planSubscriptionId: theirs.id, practiceId: q.practiceId } });
    expect((await deliver(subscriptionEvent("customer.subscription.updated", subscription.id), fake)).status).toBe(200);
    expect((await subscriptionRow(theirs.id)).state).toBe("checkout");
  });

  it("the coach cancels at period end: Stripe is told, the answer recorded at once, credits stay until the period ends", async () => {
    const p = await planPractice();
    const { session, subscription, invoice } = await subscribed(p);
    await deliver(sessionCompleted(session.id), fake);
    await deliver(invoiceEvent("invoice.paid", invoice.id), fake);
    const row = await rowBySession(session.id);
    const canceled = await cancelPlanAtPeriodEnd(p.practiceId, row.id);
    expect(canceled).toMatchObject({ cancelAtPeriodEnd: true, state: "active" });
    expect(fake.subscriptions.get(subscription.id)!.cancel_at_period_end).toBe(true);
    const update = fake.requests.findLast((r) => r.path === `/v1/subscriptions/${subscription.id}` && r.method === "POST")!;
    expect(update.idempotencyKey).toBe(`plan-cancel:${row.id}`);
    expect(await balance(p, p.client.id)).toBe(4);
    // Another practice's coach can't.
    const q = await planPractice();
    await expect(cancelPlanAtPeriodEnd(q.practiceId, row.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("the client cancels in the Billing Portal: the portal session returns to the payments page; the webhook reflects it", async () => {
    const p = await planPractice();
    const { session, subscription } = await subscribed(p);
    await deliver(sessionCompleted(session.id), fake);
    const row = await rowBySession(session.id);
    const url = await openBillingPortal(p.practiceId, p.client.id, row.id);
    expect(url).toMatch(new RegExp(`^${fake.url}/portal/bps_`));
    expect(fake.portalSessions.at(-1)).toMatchObject({ customer: subscription.customer, return_url: "http://localhost:3000/portal/payments" });
    // Not for someone else's plan.
    const stranger = await createClient(p.practiceId, { name: "Stranger", email: `stranger-${Date.now()}@example.test`, timeZone: ZONE });
    await expect(openBillingPortal(p.practiceId, stranger.id, row.id)).rejects.toMatchObject({ code: "not_found" });

    fake.updateSubscription(subscription.id, { cancel_at_period_end: true });
    await deliver(subscriptionEvent("customer.subscription.updated", subscription.id), fake);
    expect(await subscriptionRow(row.id)).toMatchObject({ cancelAtPeriodEnd: true, state: "active" });
  });

  it("an expired subscription Checkout ends the checkout; a live plan refuses a second checkout", async () => {
    const p = await planPractice();
    const url = await startPlanCheckout(p.practiceId, p.client.id, p.plan.id);
    const session = [...fake.sessions.values()].find((s) => s.url === url)!;
    fake.expire(session.id);
    await deliver(fake.event("checkout.session.expired", { ...session }), fake);
    expect((await rowBySession(session.id)).state).toBe("expired");
    expect(await clientPlans(p.practiceId, p.client.id)).toEqual([]);

    // Subscribe clicked twice: the same Checkout, not a second one.
    const again = await startPlanCheckout(p.practiceId, p.client.id, p.plan.id);
    expect(await startPlanCheckout(p.practiceId, p.client.id, p.plan.id)).toBe(again);
    const second = [...fake.sessions.values()].find((s) => s.url === again)!;
    fake.subscribe(second.id);
    await deliver(sessionCompleted(second.id), fake);
    await expect(startPlanCheckout(p.practiceId, p.client.id, p.plan.id)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("the test checkout (laptop, no Stripe keys)", () => {
  beforeEach(() => {
    withoutStripe();
    setClock(NOW);
  });

  it("pays into an active monthly subscription; the periodic job renews it at period end and the old credits lapse", async () => {
    const p = await planPractice();
    const url = await startPlanCheckout(p.practiceId, p.client.id, p.plan.id);
    const sessionId = url.split("/").at(-1)!;
    expect(url).toBe(`http://localhost:3000/dev/checkout/plan/${sessionId}`);
    expect(await getTestPlanCheckout(sessionId)).toMatchObject({ state: "checkout", amountCents: 50000, sessionsPerPeriod: 4 });
    expect(await payTestPlanCheckout(sessionId)).toBe("/portal/payments?subscribed=1");
    await payTestPlanCheckout(sessionId); // a second click changes nothing
    const row = await rowBySession(sessionId);
    expect(row).toMatchObject({ state: "active", provider: "test" });
    // The test clock runs on from NOW (a few ms by now): a month from then, in UTC.
    expect(Math.abs(row.currentPeriodStart!.getTime() - at(NOW).getTime())).toBeLessThan(60_000);
    expect(row.currentPeriodEnd!.getTime() - row.currentPeriodStart!.getTime()).toBe(31 * 24 * 3_600_000);
    expect(await balance(p, p.client.id)).toBe(4);

    // A month later the loop (runPeriodicWork) renews it and the first month's credits lapse.
    setTestClock(new Date(row.currentPeriodEnd!.getTime() + 60_000));
    const report = await runPeriodicWork();
    expect(report.failed).toEqual([]);
    const renewed = await subscriptionRow(row.id);
    expect(renewed.currentPeriodStart!.getTime()).toBe(row.currentPeriodEnd!.getTime());
    expect(await balance(p, p.client.id)).toBe(4);
    const credits = await clientCredits(p.practiceId, p.client.id);
    expect(credits.map((c) => c.balance).sort()).toEqual([0, 4]);
    expect(await getDb().select().from(planInvoices).where(eq(planInvoices.subscriptionId, row.id))).toHaveLength(2);
    expect((await subscriptionRow(row.id)).currentPeriodStart!.getTime()).toBe(renewed.currentPeriodStart!.getTime()); // nothing more due
  });

  it("a simulated failed renewal: past due, one email; paying it from the test portal grants the period; cancel at period end ends it", async () => {
    const p = await planPractice();
    const url = await startPlanCheckout(p.practiceId, p.client.id, p.plan.id);
    const sessionId = url.split("/").at(-1)!;
    await payTestPlanCheckout(sessionId);
    const row = await rowBySession(sessionId);
    const portal = await openBillingPortal(p.practiceId, p.client.id, row.id);
    expect(portal).toBe(`http://localhost:3000/dev/checkout/plan/portal/${row.stripeSubscriptionId}`);

    await actOnTestSubscription(row.stripeSubscriptionId!, "fail_next_renewal");
    setTestClock(new Date(row.currentPeriodEnd!.getTime() + 60_000));
    expect(await renewTestSubscriptions()).toBeGreaterThanOrEqual(1); // the whole database's, this one among them
    expect((await subscriptionRow(row.id)).state).toBe("past_due");
    expect(await failedMails(p.client.email)).toHaveLength(1);
    expect(await balance(p, p.client.id)).toBe(0);

    await actOnTestSubscription(row.stripeSubscriptionId!, "pay_failed_invoice");
    expect((await subscriptionRow(row.id)).state).toBe("active");
    expect(await balance(p, p.client.id)).toBe(4);

    await actOnTestSubscription(row.stripeSubscriptionId!, "cancel_at_period_end");
    const current = await subscriptionRow(row.id);
    expect(current.cancelAtPeriodEnd).toBe(true);
    setTestClock(new Date(current.currentPeriodEnd!.getTime() + 60_000));
    await renewTestSubscriptions();
    expect(await subscriptionRow(row.id)).toMatchObject({ state: "canceled" });
    expect(await getDb().select().from(planInvoices).where(eq(planInvoices.subscriptionId, row.id))).toHaveLength(2);
  });

  it("abandoning the test checkout leaves no plan; the coach's cancel at period end works without Stripe", async () => {
    const p = await planPractice();
    const first = (await startPlanCheckout(p.practiceId, p.client.id, p.plan.id)).split("/").at(-1)!;
    expect(await abandonTestPlanCheckout(first)).toBe("/portal/payments");
    expect((await rowBySession(first)).state).toBe("expired");
    const second = (await startPlanCheckout(p.practiceId, p.client.id, p.plan.id)).split("/").at(-1)!;
    await payTestPlanCheckout(second);
    const row = await rowBySession(second);
    expect(await cancelPlanAtPeriodEnd(p.practiceId, row.id)).toMatchObject({ cancelAtPeriodEnd: true });
  });

  it("is not found with Stripe keys set, or for a session that isn't a test one", async () => {
    await expect(getTestPlanCheckout("test_plan_cs_nothex")).rejects.toMatchObject({ code: "not_found" });
    process.env.STRIPE_SECRET_KEY = "sk_test_x";
    resetEnvCache();
    await expect(getTestPlanCheckout(`test_plan_cs_${"a".repeat(36)}`)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the demo practice", () => {
  it("sells the One-on-One Coaching plan: 4 sessions of one-on-one for $500 a month", async () => {
    await seedDemoPractice({ force: true });
    const [demo] = await getDb().select().from(practices).where(eq(practices.slug, "demo"));
    const [plan] = await getDb().select().from(plans).where(eq(plans.practiceId, demo!.id));
    const [oneOnOne] = await getDb().select().from(offerings).where(and(eq(offerings.practiceId, demo!.id), eq(offerings.slug, "one-on-one")));
    expect(plan).toMatchObject({ name: "One-on-One Coaching plan", sessionsPerPeriod: 4, priceCents: 50000, currency: "USD", active: true, offeringIds: [oneOnOne!.id] });
  });
});

describe("the coach's plan form", () => {
  it("reads what a form posts: one or several offerings, the price in major units, the offered box", async () => {
    const p = await planPractice();
    const one = planFormSchema.parse({ name: "Plan", offeringIds: p.offering.id, sessionsPerPeriod: "4", price: "500", currency: "USD", active: "on" });
    expect(one).toMatchObject({ offeringIds: [p.offering.id], sessionsPerPeriod: 4, priceCents: 50000, active: true });
    expect(planFormSchema.parse({ name: "Plan", sessionsPerPeriod: "2", price: "99.50" })).toMatchObject({ offeringIds: [], priceCents: 9950, active: false });
    await expect(createPlan(p.practiceId, { ...one, offeringIds: [] })).rejects.toMatchObject({ code: "invalid", fieldErrors: { offeringIds: expect.any(Array) } });
    await expect(createPlan(p.practiceId, { ...one, sessionsPerPeriod: 0 })).rejects.toMatchObject({ code: "invalid" });
    await expect(createPlan(p.practiceId, { ...one, priceCents: 0 })).rejects.toMatchObject({ code: "invalid" });
    expect(planFormSchema.safeParse({ name: "Plan", sessionsPerPeriod: "many", price: "5" }).success).toBe(false);
  });
});

describe("the portal's payments data is the signed-in client's own", () => {
  beforeEach(() => {
    withoutStripe();
    setClock(NOW);
  });

  it("a partner, another client and another practice see none of it; a foreign receipt id is not found", async () => {
    const p = await planPractice();
    const url = await startPlanCheckout(p.practiceId, p.client.id, p.plan.id);
    await payTestPlanCheckout(url.split("/").at(-1)!);
    const partner = await createClient(p.practiceId, { name: "Partner", email: `partner-${Date.now()}@example.test`, timeZone: ZONE });
    await setClientPartner(p.practiceId, p.client.id, partner.id);

    const mine = await clientReceipts(p.practiceId, p.client.id);
    expect(mine).toHaveLength(1);
    expect(await getClientReceipt(p.practiceId, p.client.id, mine[0]!.id)).toMatchObject({ kind: "plan", amountCents: 50000 });
    expect(await clientPlans(p.practiceId, p.client.id)).toHaveLength(1);

    expect(await clientReceipts(p.practiceId, partner.id)).toEqual([]);
    expect(await clientPlans(p.practiceId, partner.id)).toEqual([]);
    await expect(getClientReceipt(p.practiceId, partner.id, mine[0]!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getClientReceipt(p.practiceId, p.client.id, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });

    const q = await planPractice();
    expect(await clientReceipts(q.practiceId, p.client.id)).toEqual([]);
    expect(await clientPlans(q.practiceId, p.client.id)).toEqual([]);
    await expect(getClientReceipt(q.practiceId, q.client.id, mine[0]!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(openBillingPortal(p.practiceId, partner.id, (await clientPlans(p.practiceId, p.client.id))[0]!.subscription.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a plan of another practice or a hidden plan can't be bought", async () => {
    const p = await planPractice();
    const q = await planPractice();
    await expect(startPlanCheckout(q.practiceId, q.client.id, p.plan.id)).rejects.toMatchObject({ code: "not_found" });
    await updatePlan(p.practiceId, p.plan.id, { ...p.plan, active: false });
    await expect(startPlanCheckout(p.practiceId, p.client.id, p.plan.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createPlan(p.practiceId, { ...p.plan, offeringIds: [q.offering.id] })).rejects.toMatchObject({ code: "invalid" });
  });
});
