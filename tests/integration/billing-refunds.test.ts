import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOnboardingLink, getPaymentAccountStatus } from "@/server/billing/accounts";
import { markBookingPaid, refundBookingPayment } from "@/server/billing/booking-payments";
import { offeringPaymentForm, setOfferingPayment } from "@/server/billing/offering-payment";
import { listPayments, revenueSummary } from "@/server/billing/payment-reports";
import { cancelBooking, createBooking, markBookingOutcome } from "@/server/scheduling/bookings";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { at, booker, bookAt, bookingRow, completed, deliver, mails, paidPractice, paymentOf, setClock, useFakeStripe, withoutStripe, ZONE } from "../support/billing";
import { createBookablePractice } from "../support/factories";

let fake: FakeStripe;
const NOW = "2027-01-06T08:00";

beforeAll(async () => {
  fake = await startFakeStripe();
  useFakeStripe(fake);
});
afterAll(async () => {
  withoutStripe();
  await fake.close();
});
beforeEach(() => setClock(NOW));

/** A booking paid through Checkout and confirmed by the webhook; returns it with its payment intent. */
async function paidBooking(practiceId: string, local: string) {
  const booking = await bookAt(practiceId, local);
  const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
  const intent = fake.pay(sessionId);
  await deliver(completed(fake, sessionId), fake);
  return { booking: await bookingRow(booking.id), intent };
}

const refundedOn = (intent: string) => fake.refunds.filter((r) => r.payment_intent === intent).map((r) => r.amount);

describe("cancel by the policy snapshot", () => {
  it("before the late window: a full refund, once; a second cancel is already_canceled", async () => {
    const { practiceId } = await paidPractice();
    const { booking, intent } = await paidBooking(practiceId, "2027-01-08T09:00");
    const scope = { practiceId, clientId: booking.clientId };
    await cancelBooking(scope, booking.id);
    await expect(cancelBooking(scope, booking.id)).rejects.toMatchObject({ code: "already_canceled", status: 409 });
    expect(refundedOn(intent)).toEqual([30000]);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "canceled", paymentStatus: "refunded" });
    expect(await paymentOf(booking.id)).toMatchObject({ status: "refunded", refundedCents: 30000 });
    expect(await mails(booking.id, "payment-refunded")).toHaveLength(1);
  });

  it("late: forfeit by default, or the offering's refund percentage as snapshotted when booked", async () => {
    const forfeit = await paidPractice();
    const a = await paidBooking(forfeit.practiceId, "2027-01-08T09:00");
    setClock("2027-01-07T12:00");
    await cancelBooking({ practiceId: forfeit.practiceId, clientId: a.booking.clientId }, a.booking.id);
    expect(await bookingRow(a.booking.id)).toMatchObject({ status: "late_canceled", paymentStatus: "paid" });
    expect(refundedOn(a.intent)).toEqual([]);

    setClock(NOW);
    const half = await paidPractice(50);
    const b = await paidBooking(half.practiceId, "2027-01-08T09:00");
    setClock("2027-01-07T12:00");
    await cancelBooking({ practiceId: half.practiceId, clientId: b.booking.clientId }, b.booking.id);
    expect(refundedOn(b.intent)).toEqual([15000]);
    expect(await bookingRow(b.booking.id)).toMatchObject({ status: "late_canceled", paymentStatus: "partially_refunded" });
  });

  it("a no-show follows the late-cancel rule: its percentage comes back, once", async () => {
    const { practiceId } = await paidPractice(25);
    const { booking, intent } = await paidBooking(practiceId, "2027-01-08T09:00");
    setClock("2027-01-08T11:00");
    await markBookingOutcome(practiceId, booking.id, "no_show");
    await markBookingOutcome(practiceId, booking.id, "completed");
    await markBookingOutcome(practiceId, booking.id, "no_show");
    expect(refundedOn(intent)).toEqual([7500]);
  });

  it("Settings → Payments sets price, collection and late-cancel rule from form strings; new bookings use them", async () => {
    const { practiceId, offering } = await createBookablePractice(ZONE);
    const parsed = offeringPaymentForm.safeParse({ offeringId: offering.id, price: "120.50", paymentCollection: "at_booking", lateCancelRefundPercent: "40" });
    expect(parsed.success && parsed.data).toEqual({ offeringId: offering.id, priceCents: 12050, paymentCollection: "at_booking", lateCancelRefundPercent: 40 });
    const refused = offeringPaymentForm.safeParse({ offeringId: offering.id, price: "-1", paymentCollection: "cash", lateCancelRefundPercent: "101" });
    expect(refused.success ? [] : refused.error.issues.map((i) => i.path[0]).sort()).toEqual(["lateCancelRefundPercent", "paymentCollection", "price"]);
    await setOfferingPayment(practiceId, parsed.data!);
    const booking = await bookAt(practiceId, "2027-01-08T09:00");
    expect(booking.status).toBe("pending_payment");
    expect(booking.policy.lateCancelRefundPercent).toBe(40);
    expect((await paymentOf(booking.id)).amountCents).toBe(12050);
    const other = await createBookablePractice(ZONE);
    await expect(setOfferingPayment(other.practiceId, parsed.data!)).rejects.toMatchObject({ code: "not_found" });
  });

  it("the coach cancelling always refunds in full, even late", async () => {
    const { practiceId } = await paidPractice();
    const { booking, intent } = await paidBooking(practiceId, "2027-01-08T09:00");
    setClock("2027-01-08T08:30");
    await cancelBooking({ practiceId }, booking.id, { actor: "coach", reason: "Ill" });
    expect(refundedOn(intent)).toEqual([30000]);
    expect(fake.requests.filter((r) => r.path === "/v1/refunds" && r.method === "POST").at(-1)!.idempotencyKey).toBe(`refund:${booking.id}:coach_cancel`);
  });

  it("a refund Stripe failed to answer rolls the cancel back; the retry refunds once", async () => {
    const { practiceId } = await paidPractice();
    const { booking, intent } = await paidBooking(practiceId, "2027-01-08T09:00");
    fake.failRefunds(3); // more than the SDK's two retries
    await expect(cancelBooking({ practiceId, clientId: booking.clientId }, booking.id)).rejects.toBeTruthy();
    expect((await bookingRow(booking.id)).status).toBe("confirmed");
    await cancelBooking({ practiceId, clientId: booking.clientId }, booking.id);
    expect(refundedOn(intent)).toEqual([30000]);
  });

  it("canceling while the payment is awaited closes it: a payment that still arrives is refunded", async () => {
    const { practiceId } = await paidPractice();
    const booking = await bookAt(practiceId, "2027-01-08T09:00");
    await cancelBooking({ practiceId, clientId: booking.clientId }, booking.id);
    const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
    const intent = fake.pay(sessionId);
    await deliver(completed(fake, sessionId), fake);
    expect((await bookingRow(booking.id)).status).toBe("canceled");
    expect(refundedOn(intent)).toEqual([30000]);
  });
});

describe("the coach's refunds, Stripe's dashboard, disputes", () => {
  it("refunds in part and then the rest, each with a reason, never more than was paid", async () => {
    const { practiceId } = await paidPractice();
    const { booking, intent } = await paidBooking(practiceId, "2027-01-08T09:00");
    await refundBookingPayment(practiceId, booking.id, { amountCents: 5000, reason: "Session ran short" });
    await expect(refundBookingPayment(practiceId, booking.id, { amountCents: 30000, reason: "Too much" })).rejects.toMatchObject({ code: "invalid" });
    await expect(refundBookingPayment(practiceId, booking.id, { amountCents: 100, reason: "" })).rejects.toMatchObject({ code: "invalid" });
    await refundBookingPayment(practiceId, booking.id, { amountCents: 25000, reason: "Goodwill" });
    expect(refundedOn(intent)).toEqual([5000, 25000]);
    expect(await paymentOf(booking.id)).toMatchObject({ status: "refunded", refundedCents: 30000 });
    const other = await paidPractice();
    await expect(refundBookingPayment(other.practiceId, booking.id, { amountCents: 100, reason: "Not mine" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("reflects charge.refunded for refunds made in Stripe's dashboard, once however often it arrives", async () => {
    const { practiceId } = await paidPractice();
    const { booking, intent } = await paidBooking(practiceId, "2027-01-08T09:00");
    fake.refundFromDashboard(intent, 10000);
    const event = fake.event("charge.refunded", { id: "ch_1", object: "charge", payment_intent: intent, amount_refunded: 10000 });
    await deliver(event, fake);
    await deliver(fake.event("charge.refunded", { id: "ch_1", object: "charge", payment_intent: intent, amount_refunded: 10000 }), fake);
    expect(await paymentOf(booking.id)).toMatchObject({ status: "partially_refunded", refundedCents: 10000 });
    expect((await bookingRow(booking.id)).paymentStatus).toBe("partially_refunded");
  });

  it("charge.dispute.created flags the payment and alerts the coach", async () => {
    const { practiceId } = await paidPractice();
    const { booking, intent } = await paidBooking(practiceId, "2027-01-08T09:00");
    await deliver(fake.event("charge.dispute.created", { id: "dp_1", object: "dispute", payment_intent: intent, amount: 30000, currency: "usd" }), fake);
    expect((await paymentOf(booking.id)).disputed).toBe(true);
    expect(await mails(booking.id, "payment-alert")).toHaveLength(1);
  });

  it("an offering not collected online books confirmed and unpaid; the coach marks it paid", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const booking = await bookAt(practiceId, "2027-01-08T09:00");
    expect(booking).toMatchObject({ status: "confirmed", paymentStatus: "unpaid", checkout: null });
    await markBookingPaid(practiceId, booking.id);
    expect((await bookingRow(booking.id)).paymentStatus).toBe("paid");
    await expect(markBookingPaid(practiceId, booking.id)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("the Payments page", () => {
  it("lists a month's payments and refunds, filters by client, and sums revenue per currency", async () => {
    const { practiceId } = await paidPractice();
    const a = await paidBooking(practiceId, "2027-01-08T09:00");
    const b = await paidBooking(practiceId, "2027-01-08T11:00");
    await refundBookingPayment(practiceId, a.booking.id, { amountCents: 5000, reason: "Ran short" });
    const month = await listPayments(practiceId, { month: "2027-01" });
    expect(month.paid.map((p) => p.bookingId).sort()).toEqual([a.booking.id, b.booking.id].sort());
    expect(month.refunded.map((r) => [r.bookingId, r.refund.amountCents, r.refund.reason])).toEqual([[a.booking.id, 5000, "Ran short"]]);
    const onlyB = await listPayments(practiceId, { month: "2027-01", clientId: b.booking.clientId });
    expect([onlyB.paid.length, onlyB.refunded.length]).toEqual([1, 0]);
    expect((await listPayments(practiceId, { month: "2026-12" })).paid).toHaveLength(0);
    const summary = await revenueSummary(practiceId, at("2027-01-06T08:00"));
    expect(summary).toMatchObject({ thisMonth: "2027-01", lastMonth: "2026-12", previous: {} });
    expect(summary.current).toEqual({ USD: { receivedCents: 60000, refundedCents: 5000 } });
    expect(summary.byOffering).toEqual([{ offering: "One-on-One", currency: "USD", cents: 60000, count: 2 }]);
    // Another practice's payments never show.
    expect((await listPayments((await paidPractice()).practiceId, { month: "2027-01" })).paid).toHaveLength(0);
  });

  it("counts sessions delivered but not paid", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const booking = await bookAt(practiceId, "2027-01-08T09:00");
    setClock("2027-01-08T11:00");
    await markBookingOutcome(practiceId, booking.id, "completed");
    expect((await revenueSummary(practiceId, at("2027-01-08T11:00"))).unpaid).toEqual([{ currency: "USD", cents: 15000, count: 1 }]);
  });
});

describe("Stripe Connect (STRIPE_CONNECT=on)", () => {
  afterAll(() => useFakeStripe(fake, "off"));

  it("takes no online payment until the practice's account can charge; then charges on it", async () => {
    useFakeStripe(fake, "on");
    const { practiceId } = await paidPractice();
    expect(await bookAt(practiceId, "2027-01-08T09:00")).toMatchObject({ status: "confirmed", paymentStatus: "unpaid" });

    const link = await createOnboardingLink(practiceId);
    const status = await getPaymentAccountStatus(practiceId);
    expect(link).toBe(`${fake.url}/onboard/${status.account!.id}`);
    expect(status).toMatchObject({ connect: true, canCollect: false });
    const account = status.account!.id;
    await deliver(fake.event("account.updated", { id: account, object: "account", charges_enabled: true, details_submitted: true }, { account }), fake);
    expect((await getPaymentAccountStatus(practiceId)).canCollect).toBe(true);

    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T11:00"), ...booker() });
    const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
    expect(fake.requests.find((r) => r.path === "/v1/checkout/sessions" && r.idempotencyKey === `checkout:${booking.id}`)!.account).toBe(account);
    const intent = fake.pay(sessionId);
    await deliver(completed(fake, sessionId, account), fake);
    expect((await bookingRow(booking.id)).status).toBe("confirmed");
    await cancelBooking({ practiceId, clientId: booking.clientId }, booking.id);
    expect(refundedOn(intent)).toEqual([30000]);
    expect(fake.requests.filter((r) => r.path === "/v1/refunds").at(-1)!.account).toBe(account);
  });
});
