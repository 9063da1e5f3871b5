import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { intakeResponses, stripeEvents } from "@/server/db/schema";
import { sweepExpiredHolds } from "@/server/billing/lifecycle";
import { runPeriodicWork } from "@/server/periodic-work";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { onPostgresServer } from "../support/postgres-server";
import { at, bookAt, bookingRow, completed, deliver, mails, paidPractice, paymentOf, setClock, useFakeStripe, withoutStripe } from "../support/billing";

let fake: FakeStripe;
let practiceId = "";
const NOW = "2027-01-06T08:00";

beforeAll(async () => {
  fake = await startFakeStripe();
  useFakeStripe(fake);
  setClock(NOW);
  ({ practiceId } = await paidPractice());
});
afterAll(async () => {
  withoutStripe();
  await fake.close();
});
beforeEach(() => setClock(NOW));

const eventCount = async () => (await getDb().select({ n: count() }).from(stripeEvents))[0]!.n;

describe("a paid booking", () => {
  it("holds its time as pending_payment and answers with a Checkout URL that expires with the hold", async () => {
    const booking = await bookAt(practiceId, "2027-01-08T09:00");
    expect(booking.status).toBe("pending_payment");
    expect(booking.paymentStatus).toBe("awaiting");
    expect(booking.checkout!.url).toMatch(new RegExp(`^${fake.url}/pay/cs_test_`));
    // The test clock runs on from NOW: the hold ends 30 minutes (and the few ms of this test) after it.
    const held = booking.checkout!.expiresAt.getTime() - at(NOW).getTime();
    expect(held).toBeGreaterThanOrEqual(30 * 60_000);
    expect(held).toBeLessThan(31 * 60_000);
    const payment = await paymentOf(booking.id);
    const session = fake.sessions.get(payment.checkoutSessionId!)!;
    expect(session).toMatchObject({ amount_total: 30000, currency: "usd", client_reference_id: booking.id, status: "open" });
    // Stripe's own clock: at least 30 minutes from creation (the fake refuses less, like Stripe).
    expect(session.expires_at * 1000 - Date.now()).toBeGreaterThanOrEqual(29 * 60_000);
    expect(fake.requests.find((r) => r.path === "/v1/checkout/sessions")!.idempotencyKey).toBe(`checkout:${booking.id}`);
    // No confirmation until the money is in.
    expect(await mails(booking.id, "booking-confirmed")).toHaveLength(0);
    // The hold blocks the slot like a confirmed booking.
    await expect(bookAt(practiceId, "2027-01-08T09:00")).rejects.toMatchObject({ code: "slot_unavailable" });
  });

  it("is confirmed by a paid checkout.session.completed, with confirmation, invite and receipt once, even delivered 10 times at once", async () => {
    const booking = await bookAt(practiceId, "2027-01-08T11:00");
    const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
    // The offering's intake is assigned when the payment confirms the booking, not while it is only held.
    const intakes = async () => (await getDb().select().from(intakeResponses).where(eq(intakeResponses.bookingId, booking.id))).length;
    expect(await intakes()).toBe(0);
    fake.pay(sessionId);
    const before = await eventCount();
    const event = completed(fake, sessionId);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event, fake)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
    expect((await eventCount()) - before).toBe(1);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "confirmed", paymentStatus: "paid", holdExpiresAt: null });
    expect(await paymentOf(booking.id)).toMatchObject({ status: "paid", paymentIntentId: fake.sessions.get(sessionId)!.payment_intent });
    const confirmations = await mails(booking.id, "booking-confirmed");
    expect(confirmations.map((m) => m.recipient).sort()).toHaveLength(2); // booker and coach
    expect(confirmations.every((m) => (m.data as { invite: unknown }).invite)).toBe(true);
    expect(await mails(booking.id, "payment-receipt")).toHaveLength(1);
    expect(await intakes()).toBe(1);
  });

  it("refuses a bad or missing signature with 400 and changes nothing; ignores unknown event types with 2xx", async () => {
    const booking = await bookAt(practiceId, "2027-01-08T12:00");
    const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
    fake.pay(sessionId);
    const event = completed(fake, sessionId);
    const before = await eventCount();
    expect((await deliver(event, fake, null)).status).toBe(400);
    expect((await deliver(event, fake, fake.sign(event.payload, "whsec_someone_else"))).status).toBe(400);
    expect((await deliver({ payload: event.payload.replace("30000", "1") }, fake, fake.sign(event.payload, "whsec_integration_test_secret"))).status).toBe(400);
    expect(await eventCount()).toBe(before);
    expect((await bookingRow(booking.id)).status).toBe("pending_payment");
    const unknown = await deliver(fake.event("customer.created", { id: "cus_1", object: "customer" }), fake);
    expect(unknown).toMatchObject({ status: 200, body: { received: true, ignored: true } });
  });

  it("waits for async_payment_succeeded when the checkout completed unpaid; async_payment_failed ends the hold", async () => {
    const slow = await bookAt(practiceId, "2027-01-08T13:00");
    const sessionId = (await paymentOf(slow.id)).checkoutSessionId!;
    fake.pay(sessionId, { pending: true });
    await deliver(completed(fake, sessionId), fake);
    expect((await bookingRow(slow.id)).status).toBe("pending_payment");
    fake.settle(sessionId);
    await deliver(fake.event("checkout.session.async_payment_succeeded", { id: sessionId, object: "checkout.session" }), fake);
    expect((await bookingRow(slow.id)).status).toBe("confirmed");

    const failing = await bookAt(practiceId, "2027-01-08T14:00");
    const failingSession = (await paymentOf(failing.id)).checkoutSessionId!;
    fake.pay(failingSession, { pending: true });
    await deliver(fake.event("checkout.session.async_payment_failed", { id: failingSession, object: "checkout.session" }), fake);
    expect(await bookingRow(failing.id)).toMatchObject({ status: "expired", paymentStatus: "expired" });
    expect((await paymentOf(failing.id)).status).toBe("failed");
  });

  it("out of order: an expired event arriving after the payment changes nothing (the session is re-read from Stripe)", async () => {
    const booking = await bookAt(practiceId, "2027-01-08T15:00");
    const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
    const stale = fake.event("checkout.session.expired", { id: sessionId, object: "checkout.session", status: "expired" });
    fake.pay(sessionId);
    await deliver(completed(fake, sessionId), fake);
    expect((await deliver(stale, fake)).status).toBe(200);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(await mails(booking.id, "payment-hold-expired")).toHaveLength(0);
  });

  it("expires on checkout.session.expired: the time opens again and the booker is told", async () => {
    const booking = await bookAt(practiceId, "2027-01-11T09:00");
    const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
    fake.expire(sessionId);
    await deliver(fake.event("checkout.session.expired", { id: sessionId, object: "checkout.session" }), fake);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "expired", paymentStatus: "expired" });
    expect(await mails(booking.id, "payment-hold-expired")).toHaveLength(1);
    expect(await mails(booking.id, "booking-confirmed")).toHaveLength(0);
    await expect(bookAt(practiceId, "2027-01-11T09:00")).resolves.toMatchObject({ status: "pending_payment" });
  });

  it("expires by the server's own sweep when no event comes, 30 minutes after booking", async () => {
    const booking = await bookAt(practiceId, "2027-01-11T11:00");
    setClock("2027-01-06T08:29");
    expect(await sweepExpiredHolds()).toBe(0);
    setClock("2027-01-06T08:31");
    expect(await sweepExpiredHolds()).toBeGreaterThanOrEqual(1);
    expect((await bookingRow(booking.id)).status).toBe("expired");
  });

  it("the periodic work (the server's loop and POST /api/cron/dispatch) ends a hold past its time", async () => {
    const booking = await bookAt(practiceId, "2027-01-11T15:00");
    setClock("2027-01-06T08:31");
    const report = await runPeriodicWork();
    expect(report.ran).toContain("payment hold sweep");
    expect(report.failed).toEqual([]);
    expect((await bookingRow(booking.id)).status).toBe("expired");
    expect(await mails(booking.id, "payment-hold-expired")).toHaveLength(1);
    // Run again: nothing more happens (every periodic job is idempotent).
    await runPeriodicWork();
    expect(await mails(booking.id, "payment-hold-expired")).toHaveLength(1);
  });

  it("a payment after the hold expired revives the booking when the time is still free", async () => {
    const booking = await bookAt(practiceId, "2027-01-11T13:00");
    const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
    setClock("2027-01-06T08:31");
    await sweepExpiredHolds();
    fake.pay(sessionId);
    await deliver(completed(fake, sessionId), fake);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(fake.refunds.filter((r) => r.payment_intent === fake.sessions.get(sessionId)!.payment_intent)).toHaveLength(0);
  });

  it("a payment after the hold expired and the time was taken is refunded in full at once, never double-booked", async () => {
    const late = await bookAt(practiceId, "2027-01-12T09:00");
    const sessionId = (await paymentOf(late.id)).checkoutSessionId!;
    setClock("2027-01-06T08:31");
    // The next booker clears the stale hold and takes the time.
    const taker = await bookAt(practiceId, "2027-01-12T09:00");
    expect(taker.status).toBe("pending_payment");
    const intent = fake.pay(sessionId);
    await deliver(completed(fake, sessionId), fake);
    expect(await bookingRow(late.id)).toMatchObject({ status: "expired", paymentStatus: "refunded" });
    expect(fake.refunds.filter((r) => r.payment_intent === intent).map((r) => r.amount)).toEqual([30000]);
    expect(fake.requests.find((r) => r.path === "/v1/refunds" && r.method === "POST")!.idempotencyKey).toBe(`refund:${late.id}:hold_lost`);
    expect(await mails(late.id, "payment-refunded")).toHaveLength(1);
    expect(await mails(late.id, "booking-confirmed")).toHaveLength(0);
  });

  it("never confirms an amount or currency other than asked; the coach is alerted once", async () => {
    for (const [slot, paid] of [
      ["2027-01-12T11:00", { amount: 100 }],
      ["2027-01-12T13:00", { currency: "eur" }],
    ] as const) {
      const booking = await bookAt(practiceId, slot);
      const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
      fake.pay(sessionId, paid);
      await deliver(completed(fake, sessionId), fake);
      await deliver(completed(fake, sessionId), fake);
      expect((await bookingRow(booking.id)).status).toBe("pending_payment");
      expect(await paymentOf(booking.id)).toMatchObject({ status: "awaiting", mismatch: true });
      expect(await mails(booking.id, "payment-alert")).toHaveLength(1);
      expect(await mails(booking.id, "booking-confirmed")).toHaveLength(0);
    }
  });
});

describe("on Postgres", () => {
  it.runIf(onPostgresServer)("50 concurrent paid bookings of one slot leave exactly one hold", async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => bookAt(practiceId, "2027-01-13T09:00")));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<{ status: string }>).value.status).toBe("pending_payment");
    for (const lost of results.filter((r) => r.status === "rejected")) {
      expect(["slot_taken", "slot_unavailable"]).toContain((lost as PromiseRejectedResult).reason.code);
    }
  });
});
