import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { creditBalanceFor } from "@/server/billing/credits";
import { startPlanCheckout } from "@/server/billing/plan-checkout";
import { flagPlanInvoiceDisputed, paidPlanMonths, refundPlanInvoice } from "@/server/billing/plan-refunds";
import { listPayments, revenueSummary } from "@/server/billing/payment-reports";
import { createPlan } from "@/server/billing/plans";
import { clientReceipts } from "@/server/billing/portal-payments";
import { payTestPlanCheckout } from "@/server/billing/plan-test-checkout";
import { createClient } from "@/server/clients/clients";
import { getDb } from "@/server/db/client";
import { emailOutbox, planInvoices, refunds } from "@/server/db/schema";
import { renderEmail } from "@/server/notifications/templates";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { deliver, setClock, useFakeStripe, withoutStripe, ZONE } from "../support/billing";
import { createBookablePractice, setTestClock } from "../support/factories";

let fake: FakeStripe;

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
/** A practice with a 4-a-month $500 plan of its one-on-one offering, and a client. */
async function planPractice() {
  const practice = await createBookablePractice(ZONE);
  const plan = await createPlan(practice.practiceId, { name: "One-on-One plan", offeringIds: [practice.offering.id], sessionsPerPeriod: 4, priceCents: 50000, currency: "USD" });
  const client = await createClient(practice.practiceId, { name: `Client ${++n}`, email: `plan-refund-${n}-${Date.now()}@example.test`, timeZone: ZONE });
  return { ...practice, plan, client };
}

/** Subscribed through the fake Stripe and its first invoice.paid delivered: the month's row and the invoice's payment intent. */
async function paidMonth(p: Awaited<ReturnType<typeof planPractice>>) {
  const url = await startPlanCheckout(p.practiceId, p.client.id, p.plan.id);
  const session = [...fake.sessions.values()].find((s) => s.url === url)!;
  const { invoice } = fake.subscribe(session.id);
  await deliver(fake.event("invoice.paid", { ...invoice }), fake);
  const [month] = await paidPlanMonths(p.practiceId, p.client.id);
  return { month: month!, intent: invoice.payments.data[0]!.payment.payment_intent };
}

const monthRow = async (id: string) => (await getDb().select().from(planInvoices).where(eq(planInvoices.id, id)))[0]!;
const refundRows = (planInvoiceId: string) => getDb().select().from(refunds).where(eq(refunds.planInvoiceId, planInvoiceId));
const mailsTo = (to: string, template: string) =>
  getDb()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.recipient, to), eq(emailOutbox.template, template)));
const balance = (p: Awaited<ReturnType<typeof planPractice>>) => creditBalanceFor({ practiceId: p.practiceId, clientId: p.client.id, offeringId: p.offering.id });

describe("the coach refunds a plan month", () => {
  it("records the invoice's payment intent; a partial refund goes to Stripe once, counts when it succeeds, emails the client once and leaves the credits", async () => {
    const p = await planPractice();
    const { month, intent } = await paidMonth(p);
    expect(month.paymentIntentId).toBe(intent);

    await refundPlanInvoice(p.practiceId, month.id, { amountCents: 20000, reason: "Away for two weeks" });
    const created = fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds" && r.body.payment_intent === intent);
    expect(created).toHaveLength(1);
    expect(created[0]!.idempotencyKey).toMatch(new RegExp(`^refund:plan-invoice:${month.id}:coach:`));
    expect(created[0]!.body.amount).toBe("20000");
    expect(await monthRow(month.id)).toMatchObject({ refundedCents: 20000, disputed: false });
    expect(await refundRows(month.id)).toEqual([expect.objectContaining({ cause: "coach", status: "succeeded", amountCents: 20000, paymentId: null })]);
    expect(await balance(p)).toBe(4);

    // charge.refunded for our own refund confirms nothing new and mails nothing more.
    await deliver(fake.event("charge.refunded", { id: "ch_plan", object: "charge", payment_intent: intent }), fake);
    expect((await monthRow(month.id)).refundedCents).toBe(20000);
    const sent = await mailsTo(p.client.email, "plan-refunded");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toMatchObject({ amountCents: 20000, currency: "USD", planName: "One-on-One plan", reason: "Away for two weeks" });
    const rendered = await renderEmail("plan-refunded", sent[0]!.data);
    expect(rendered.text).toContain("your coach refunded $200 of your One-on-One plan for ");
    expect(rendered.text).toContain("Away for two weeks");

    // The client's receipt shows it.
    const [receipt] = await clientReceipts(p.practiceId, p.client.id);
    expect(receipt).toMatchObject({ kind: "plan", refundedCents: 20000, refunds: [expect.objectContaining({ amountCents: 20000, reason: "Away for two weeks" })] });
  });

  it("a refund of what is left (in full) withdraws the period's unused credits", async () => {
    const p = await planPractice();
    const { month } = await paidMonth(p);
    await refundPlanInvoice(p.practiceId, month.id, { amountCents: 10000, reason: "Part" });
    expect(await balance(p)).toBe(4);
    await refundPlanInvoice(p.practiceId, month.id, { amountCents: 40000, reason: "The rest" });
    expect((await monthRow(month.id)).refundedCents).toBe(50000);
    expect(await balance(p)).toBe(0);
    expect(await mailsTo(p.client.email, "plan-refunded")).toHaveLength(2);

    // The coach's Payments page lists both refunds under the client and the plan, and the month's totals count them.
    const summary = await revenueSummary(p.practiceId, new Date());
    const listed = await listPayments(p.practiceId, { month: summary.thisMonth, clientId: p.client.id });
    expect(listed.refunded.map((r) => [r.forWhat, r.refund.amountCents, r.currency, r.bookingId])).toEqual(
      expect.arrayContaining([
        ["One-on-One plan", 10000, "USD", null],
        ["One-on-One plan", 40000, "USD", null],
      ]),
    );
    expect(summary.current.USD).toMatchObject({ receivedCents: 50000, refundedCents: 50000 });
  });

  it("refuses more than is left (on the amount field), a fully refunded month, and another practice's month", async () => {
    const p = await planPractice();
    const { month } = await paidMonth(p);
    await refundPlanInvoice(p.practiceId, month.id, { amountCents: 30000, reason: "Part" });
    await expect(refundPlanInvoice(p.practiceId, month.id, { amountCents: 30000, reason: "Too much" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { amount: ["At most 200.00 is left to refund."] },
    });
    const other = await planPractice();
    await expect(refundPlanInvoice(other.practiceId, month.id, { amountCents: 100, reason: "Not mine" })).rejects.toMatchObject({ code: "not_found" });
    await expect(refundPlanInvoice(p.practiceId, "not-a-uuid", { amountCents: 100, reason: "Nope" })).rejects.toMatchObject({ code: "not_found" });
    await refundPlanInvoice(p.practiceId, month.id, { amountCents: 20000, reason: "The rest" });
    await expect(refundPlanInvoice(p.practiceId, month.id, { amountCents: 100, reason: "Again" })).rejects.toMatchObject({ code: "conflict" });
    expect(fake.refunds.filter((r) => r.payment_intent === month.paymentIntentId).map((r) => r.amount)).toEqual([30000, 20000]);
  });

  it("the database refuses a refund naming both a payment and a plan month, or neither", async () => {
    const p = await planPractice();
    const { month } = await paidMonth(p);
    const row = { practiceId: p.practiceId, cause: "coach" as const, amountCents: 100, idempotencyKey: `raw:${crypto.randomUUID()}` };
    await expect(getDb().insert(refunds).values(row)).rejects.toThrow();
    await expect(getDb().update(planInvoices).set({ refundedCents: 50001 }).where(eq(planInvoices.id, month.id))).rejects.toThrow();
  });
});

describe("Stripe's events about a plan month's charge", () => {
  it("charge.refunded for a refund made in Stripe's dashboard is recorded once, even delivered twice; refunded in full, the credits go", async () => {
    const p = await planPractice();
    const { month, intent } = await paidMonth(p);
    const dashboard = fake.refundFromDashboard(intent, 50000);
    const event = fake.event("charge.refunded", { id: "ch_plan", object: "charge", payment_intent: intent });
    await deliver(event, fake);
    await deliver(event, fake); // the same event again
    await deliver(fake.event("charge.refunded", { id: "ch_plan", object: "charge", payment_intent: intent }), fake); // a new event about it
    expect(await refundRows(month.id)).toEqual([expect.objectContaining({ cause: "stripe_dashboard", stripeRefundId: dashboard.id, status: "succeeded", amountCents: 50000 })]);
    expect((await monthRow(month.id)).refundedCents).toBe(50000);
    expect(await balance(p)).toBe(0);
    expect(await mailsTo(p.client.email, "plan-refunded")).toHaveLength(1);
  });

  it("charge.dispute.created flags the month and alerts the coach once", async () => {
    const p = await planPractice();
    const { month, intent } = await paidMonth(p);
    const dispute = { id: "dp_plan", object: "dispute", payment_intent: intent, amount: 50000, currency: "usd" };
    await deliver(fake.event("charge.dispute.created", dispute), fake);
    await deliver(fake.event("charge.dispute.created", dispute), fake);
    expect((await monthRow(month.id)).disputed).toBe(true);
    const alerts = await mailsTo(p.practice.contactEmail, "plan-disputed");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.data).toMatchObject({ clientName: p.client.name, amountCents: 50000, currency: "USD", actionUrl: `http://localhost:3000/coach/clients/${p.client.id}` });
    expect((await renderEmail("plan-disputed", alerts[0]!.data)).subject).toBe(`Dispute opened: ${p.client.name}, $500`);
  });

  it("an event from another connected account about the month's payment intent changes nothing", async () => {
    const p = await planPractice();
    const { month, intent } = await paidMonth(p);
    const dispute = { id: "dp_x", object: "dispute", payment_intent: intent, amount: 50000, currency: "usd" } as never;
    const matched = await getDb().transaction((tx) => flagPlanInvoiceDisputed(tx, intent, dispute, "acct_someone_else"));
    expect(matched).toBe(false);
    expect((await monthRow(month.id)).disputed).toBe(false);
  });
});

describe("a test-checkout plan month (laptop, no Stripe keys)", () => {
  beforeEach(() => {
    withoutStripe();
    setClock("2027-01-06T08:00");
  });

  it("refunds at once without Stripe; in full it withdraws the credits", async () => {
    const p = await planPractice();
    const url = await startPlanCheckout(p.practiceId, p.client.id, p.plan.id);
    await payTestPlanCheckout(url.split("/").at(-1)!);
    const [month] = await paidPlanMonths(p.practiceId, p.client.id);
    expect(month).toMatchObject({ paymentIntentId: null, amountCents: 50000 });
    const before = fake.requests.length;
    await refundPlanInvoice(p.practiceId, month!.id, { amountCents: 50000, reason: "Trying it out" });
    expect(fake.requests.length).toBe(before);
    expect(await monthRow(month!.id)).toMatchObject({ refundedCents: 50000 });
    expect((await refundRows(month!.id))[0]!.stripeRefundId).toMatch(/^test_re_/);
    expect(await balance(p)).toBe(0);
    expect(await mailsTo(p.client.email, "plan-refunded")).toHaveLength(1);
  });
});
