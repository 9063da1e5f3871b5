import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientCredits, creditBalanceFor, grantCredits } from "@/server/billing/credits";
import { buyPackage } from "@/server/billing/package-checkout";
import { refundPackagePayment } from "@/server/billing/package-refunds";
import { remindExpiringPackages } from "@/server/billing/package-emails";
import { createPackage, listActivePackages, packagesForOffering, setPackageActive, updatePackage } from "@/server/billing/packages";
import { payTestCheckout } from "@/server/billing/test-checkout";
import { bookingPaymentView } from "@/server/billing/payment-view";
import { listPayments, revenueSummary } from "@/server/billing/payment-reports";
import { clientReceipts, getClientReceipt } from "@/server/billing/portal-payments";
import { sweepExpiredHolds } from "@/server/billing/lifecycle";
import { getDb } from "@/server/db/client";
import { emailOutbox, payments } from "@/server/db/schema";
import { renderEmail } from "@/server/notifications/templates";
import { cancelBooking, createBooking, markBookingOutcome } from "@/server/scheduling/bookings";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { at, booker, bookingRow, completed, deliver, mails, setClock, useFakeStripe, withoutStripe, ZONE } from "../support/billing";
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
beforeEach(() => {
  setClock(NOW);
  useFakeStripe(fake);
});

/** A practice whose $200 relationship-like offering has a package of 6 for $1,100, valid 180 days. */
async function practiceWithPackage(sessions = 6) {
  const practice = await createBookablePractice(ZONE, { priceCents: 20000, lateCancelRefundPercent: 0 });
  const pkg = await createPackage(practice.practiceId, { name: `Package of ${sessions}`, offeringIds: [practice.offering.id], sessions, price: "1100", validDays: 180 });
  return { ...practice, pkg };
}

type P = Awaited<ReturnType<typeof practiceWithPackage>>;

const buyAndBook = (p: P, local: string, who = booker()) =>
  createBooking(p.practiceId, { offering: "one-on-one", start: at(local), ...who }, { payWith: { package: { packageId: p.pkg.id } } });

const packagePayment = async (practiceId: string) => {
  const rows = await getDb().select().from(payments).where(eq(payments.practiceId, practiceId));
  return rows.find((r) => r.packagePurchaseId)!;
};

const balance = (p: P, clientId: string) => creditBalanceFor({ practiceId: p.practiceId, clientId, offeringId: p.offering.id });

describe("packages the practice defines", () => {
  it("creates, edits and hides; only its own offerings; a price above zero", async () => {
    const p = await practiceWithPackage();
    expect(p.pkg).toMatchObject({ sessions: 6, priceCents: 110000, validDays: 180, currency: "USD", active: true });
    expect((await packagesForOffering(p.practiceId, p.offering.id)).map((x) => x.id)).toEqual([p.pkg.id]);
    const edited = await updatePackage(p.practiceId, p.pkg.id, { name: "Six sessions", offeringIds: [p.offering.id], sessions: 6, price: 1000, validDays: 90 });
    expect(edited).toMatchObject({ name: "Six sessions", priceCents: 100000, validDays: 90 });
    await setPackageActive(p.practiceId, p.pkg.id, false);
    expect(await packagesForOffering(p.practiceId, p.offering.id)).toEqual([]);

    const other = await createBookablePractice(ZONE);
    const input = { name: "Stolen", offeringIds: [other.offering.id], sessions: 3, price: 100, validDays: 30 };
    await expect(createPackage(p.practiceId, input)).rejects.toMatchObject({ code: "invalid" });
    await expect(createPackage(p.practiceId, { ...input, offeringIds: [p.offering.id], price: 0 })).rejects.toMatchObject({ code: "invalid" });
    await expect(createPackage(p.practiceId, { ...input, offeringIds: ["nope"] })).rejects.toMatchObject({ code: "invalid" });
    await expect(setPackageActive(other.practiceId, p.pkg.id, true)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("buy a package and book its first session in one flow", () => {
  it("through Stripe: held until paid, then the credits are granted and the first one pays this session, once", async () => {
    const p = await practiceWithPackage();
    const booking = await buyAndBook(p, "2027-01-08T09:00");
    expect(booking).toMatchObject({ status: "pending_payment", paymentStatus: "awaiting" });
    const payment = await packagePayment(p.practiceId);
    expect(payment).toMatchObject({ bookingId: null, amountCents: 110000, status: "awaiting" });
    expect(fake.sessions.get(payment.checkoutSessionId!)!.amount_total).toBe(110000);
    expect(booking.checkout!.url).toBe(payment.checkoutUrl);

    fake.pay(payment.checkoutSessionId!);
    const event = completed(fake, payment.checkoutSessionId!);
    expect((await deliver(event, fake)).status).toBe(200);
    expect(await deliver(event, fake)).toMatchObject({ body: { duplicate: true } });
    await deliver(completed(fake, payment.checkoutSessionId!), fake); // a second event about the same payment

    expect(await bookingRow(booking.id)).toMatchObject({ status: "confirmed", paymentStatus: "credit" });
    expect(await balance(p, booking.clientId)).toBe(5);
    const [grant] = await clientCredits(p.practiceId, booking.clientId);
    expect(grant!.entries.map((e) => e.kind)).toEqual(["grant", "spend"]);
    expect(grant!.grant.expiresAt.getTime() - grant!.grant.validFrom.getTime()).toBeGreaterThanOrEqual(179 * 86_400_000);
    expect(await mails(booking.id, "booking-confirmed")).toHaveLength(2); // booker and coach, once
    expect(await mails(booking.id, "payment-receipt")).toHaveLength(1);
  });

  it("through the laptop's test checkout (no keys)", async () => {
    withoutStripe();
    const p = await practiceWithPackage();
    const booking = await buyAndBook(p, "2027-01-08T10:00");
    const payment = await packagePayment(p.practiceId);
    expect(payment.provider).toBe("test");
    expect(await payTestCheckout(payment.checkoutSessionId!)).toContain(`/booked/${booking.id}`);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "confirmed", paymentStatus: "credit" });
    expect(await balance(p, booking.clientId)).toBe(5);
  });

  it("unpaid: the hold expires with the checkout and nothing is granted", async () => {
    const p = await practiceWithPackage();
    const booking = await buyAndBook(p, "2027-01-08T11:00");
    setClock("2027-01-06T08:31");
    expect(await sweepExpiredHolds()).toBeGreaterThanOrEqual(1);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "expired", paymentStatus: "expired" });
    expect((await packagePayment(p.practiceId)).status).toBe("expired");
    expect(await balance(p, booking.clientId)).toBe(0);
    expect(await mails(booking.id, "payment-hold-expired")).toHaveLength(1);
  });

  it("a package that doesn't cover the offering, or a hidden one, is not found", async () => {
    const p = await practiceWithPackage();
    await setPackageActive(p.practiceId, p.pkg.id, false);
    await expect(buyAndBook(p, "2027-01-08T12:00")).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createBooking(p.practiceId, { offering: "one-on-one", start: at("2027-01-08T12:00"), ...booker() }, { payWith: { package: { packageId: "x" } } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("a signed-in client buys a package on its own: credits once paid", async () => {
    const p = await practiceWithPackage();
    const first = await createBooking(p.practiceId, { offering: "one-on-one", start: at("2027-01-08T13:00"), ...booker() });
    const { url } = await buyPackage(p.practiceId, first.clientId, p.pkg.id);
    const payment = await packagePayment(p.practiceId);
    expect(url).toBe(payment.checkoutUrl);
    fake.pay(payment.checkoutSessionId!);
    await deliver(completed(fake, payment.checkoutSessionId!), fake);
    expect(await balance(p, first.clientId)).toBe(6);

    // The coach's Payments page lists the sale under the client and counts it by package.
    const summary = await revenueSummary(p.practiceId, at(NOW));
    expect(summary.byOffering).toEqual(expect.arrayContaining([expect.objectContaining({ offering: `Package: ${p.pkg.name}`, cents: p.pkg.priceCents, count: 1 })]));
    const listed = await listPayments(p.practiceId, { month: summary.thisMonth, clientId: first.clientId });
    expect(listed.packageSales).toHaveLength(1);
    expect(listed.packageSales[0]).toMatchObject({ clientId: first.clientId, packageName: p.pkg.name, payment: { amountCents: p.pkg.priceCents } });

    // The buyer's portal has its receipt; anyone else asking for it gets "not found".
    const receipts = await clientReceipts(p.practiceId, first.clientId);
    expect(receipts).toEqual(expect.arrayContaining([expect.objectContaining({ id: payment.id, kind: "package", description: p.pkg.name, amountCents: p.pkg.priceCents })]));
    expect(await getClientReceipt(p.practiceId, first.clientId, payment.id)).toMatchObject({ kind: "package" });
    const stranger = await createBooking(p.practiceId, { offering: "one-on-one", start: at("2027-01-08T14:00"), ...booker() });
    await expect(getClientReceipt(p.practiceId, stranger.clientId, payment.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("buying a package from the portal", () => {
  it("lists the packages on offer (not hidden ones); the test checkout comes back to the portal's payments with the credits granted", async () => {
    withoutStripe();
    const p = await practiceWithPackage();
    const hidden = await createPackage(p.practiceId, { name: "Old package", offeringIds: [p.offering.id], sessions: 3, price: "500", validDays: 90 });
    await setPackageActive(p.practiceId, hidden.id, false);
    expect((await listActivePackages(p.practiceId)).map((x) => x.id)).toEqual([p.pkg.id]);

    const first = await createBooking(p.practiceId, { offering: "one-on-one", start: at("2027-01-08T15:00"), ...booker() });
    const { url } = await buyPackage(p.practiceId, first.clientId, p.pkg.id);
    const payment = await packagePayment(p.practiceId);
    expect(url).toContain(`/dev/checkout/${payment.checkoutSessionId}`);
    expect(await payTestCheckout(payment.checkoutSessionId!)).toBe("/portal/payments");
    expect(await balance(p, first.clientId)).toBe(6);
    // Bought on its own: the receipt email names the package (no session) and opens the portal's payments.
    const receiptMails = (await getDb().select().from(emailOutbox).where(and(eq(emailOutbox.practiceId, p.practiceId), eq(emailOutbox.template, "payment-receipt"))));
    expect(receiptMails).toHaveLength(1);
    const rendered = await renderEmail("payment-receipt", receiptMails[0]!.data);
    expect(rendered.text).toContain(`We received your payment of $1,100 for:`);
    expect(rendered.text).toContain(p.pkg.name);
    expect(rendered.text).toContain("See your payments");
    expect(rendered.text).not.toContain("calendar invite");
    await expect(buyPackage(p.practiceId, first.clientId, hidden.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("refunds and disputes of a package", () => {
  /** A client who bought the package on its own through Stripe, paid; returns the payment and client. */
  async function boughtPackage(p: P, local: string) {
    const first = await createBooking(p.practiceId, { offering: "one-on-one", start: at(local), ...booker() });
    await buyPackage(p.practiceId, first.clientId, p.pkg.id);
    const payment = await packagePayment(p.practiceId);
    fake.pay(payment.checkoutSessionId!);
    await deliver(completed(fake, payment.checkoutSessionId!), fake);
    return { clientId: first.clientId, payment: await packagePayment(p.practiceId) };
  }
  const refundMails = (practiceId: string) =>
    getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, practiceId), eq(emailOutbox.template, "payment-refunded")));

  it("the coach refunds part (sessions kept), then the rest (unused sessions withdrawn); each listed, emailed once; never more than paid", async () => {
    const p = await practiceWithPackage();
    const { clientId, payment } = await boughtPackage(p, "2027-01-08T09:00");
    expect(await balance(p, clientId)).toBe(6);

    await refundPackagePayment(p.practiceId, payment.id, { amountCents: 10000, reason: "One session we won't need" });
    expect(await packagePayment(p.practiceId)).toMatchObject({ status: "partially_refunded", refundedCents: 10000 });
    expect(await balance(p, clientId)).toBe(6);
    expect(fake.refunds.filter((r) => r.payment_intent === payment.paymentIntentId)).toHaveLength(1);

    await expect(refundPackagePayment(p.practiceId, payment.id, { amountCents: 200000, reason: "Too much" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { amount: [expect.stringContaining("At most 1000.00")] },
    });
    const other = await createBookablePractice(ZONE);
    await expect(refundPackagePayment(other.practiceId, payment.id, { amountCents: 100, reason: "Not mine" })).rejects.toMatchObject({ code: "not_found" });
    await expect(refundPackagePayment(p.practiceId, "not-an-id", { amountCents: 100, reason: "Garbled" })).rejects.toMatchObject({ code: "not_found" });

    await refundPackagePayment(p.practiceId, payment.id, { amountCents: 100000, reason: "Stopping the work" });
    expect(await packagePayment(p.practiceId)).toMatchObject({ status: "refunded", refundedCents: 110000 });
    expect(await balance(p, clientId)).toBe(0);
    const [grant] = await clientCredits(p.practiceId, clientId);
    expect(grant!.entries.map((e) => `${e.kind}${e.delta}`)).toEqual(["grant6", "adjust-6"]);
    await expect(refundPackagePayment(p.practiceId, payment.id, { amountCents: 100, reason: "Again" })).rejects.toMatchObject({ code: "conflict" });

    const sent = await refundMails(p.practiceId);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((m) => m.recipient)).size).toBe(1); // the buyer, both times
    expect(sent[0]!.data).toMatchObject({ offeringName: p.pkg.name, startIso: null, actionUrl: expect.stringContaining("/portal/payments") });
    const rendered = await renderEmail("payment-refunded", sent[0]!.data);
    expect(rendered.text).toContain(p.pkg.name);
    expect(rendered.text).toContain("See your payments");

    // The Payments page lists both refunds under the client, and the month's totals count them.
    const summary = await revenueSummary(p.practiceId, at(NOW));
    const listed = await listPayments(p.practiceId, { month: summary.thisMonth, clientId });
    expect(listed.refunded.map((r) => [r.forWhat, r.refund.amountCents, r.bookingId])).toEqual(
      expect.arrayContaining([
        [p.pkg.name, 10000, null],
        [p.pkg.name, 100000, null],
      ]),
    );
    expect(summary.current.USD).toMatchObject({ receivedCents: 110000, refundedCents: 110000 });
  });

  it("a refund made in Stripe's dashboard is reflected once; a dispute flags the payment and alerts the coach", async () => {
    const p = await practiceWithPackage();
    const { clientId, payment } = await boughtPackage(p, "2027-01-08T10:00");
    fake.refundFromDashboard(payment.paymentIntentId!, 110000);
    const event = fake.event("charge.refunded", { id: "ch_pkg", object: "charge", payment_intent: payment.paymentIntentId, amount_refunded: 110000 });
    await deliver(event, fake);
    await deliver(fake.event("charge.refunded", { id: "ch_pkg", object: "charge", payment_intent: payment.paymentIntentId, amount_refunded: 110000 }), fake);
    expect(await packagePayment(p.practiceId)).toMatchObject({ status: "refunded", refundedCents: 110000 });
    expect(await balance(p, clientId)).toBe(0);
    expect(await refundMails(p.practiceId)).toHaveLength(1);

    await deliver(fake.event("charge.dispute.created", { id: "dp_pkg", object: "dispute", payment_intent: payment.paymentIntentId, amount: 110000, currency: "usd" }), fake);
    expect((await packagePayment(p.practiceId)).disputed).toBe(true);
    const alerts = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, p.practiceId), eq(emailOutbox.template, "payment-alert")));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.data).toMatchObject({ problem: "dispute", offeringName: p.pkg.name, startIso: null });
  });
});

describe("booking with a credit", () => {
  async function clientWithCredits(p: P, quantity: number) {
    const first = await createBooking(p.practiceId, { offering: "one-on-one", start: at("2027-01-07T09:00"), ...booker() });
    await grantCredits(getDb(), {
      practiceId: p.practiceId,
      clientId: first.clientId,
      kind: "package",
      sourceKey: `package:test-${crypto.randomUUID()}`,
      label: "Package of 6",
      offeringIds: [p.offering.id],
      quantity,
      validFrom: at("2027-01-01T00:00"),
      expiresAt: at("2027-07-01T00:00"),
    });
    return { clientId: first.clientId, email: first.bookerEmail };
  }
  const bookWithCredit = (p: P, clientId: string, local: string) =>
    createBooking(p.practiceId, { offering: "one-on-one", start: at(local), ...booker() }, { payWith: { credit: { clientId } } });

  it("books confirmed without checkout, filed under the signed-in client; one left → the email, once", async () => {
    const p = await practiceWithPackage();
    const { clientId } = await clientWithCredits(p, 2);
    const booking = await bookWithCredit(p, clientId, "2027-01-08T09:00");
    expect(booking).toMatchObject({ status: "confirmed", paymentStatus: "credit", clientId, checkout: null });
    expect(await getDb().select().from(payments).where(eq(payments.bookingId, booking.id))).toEqual([]);
    // The public API's `booking.payment`: paid with a credit, no money for the session itself.
    expect(bookingPaymentView(booking, p.offering, null)).toEqual({ status: "credit", amount: 0, currency: "USD", refunded: 0 });
    expect(await balance(p, clientId)).toBe(1);
    const oneLeft = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.template, "package-one-left"), eq(emailOutbox.practiceId, p.practiceId)));
    expect(oneLeft).toHaveLength(1);

    await bookWithCredit(p, clientId, "2027-01-08T10:00");
    await expect(bookWithCredit(p, clientId, "2027-01-08T11:00")).rejects.toMatchObject({ code: "conflict" });
    expect(await balance(p, clientId)).toBe(0);
  });

  it("a client of another practice is not found", async () => {
    const p = await practiceWithPackage();
    const other = await practiceWithPackage();
    const { clientId } = await clientWithCredits(other, 1);
    await expect(bookWithCredit(p, clientId, "2027-01-08T09:00")).rejects.toMatchObject({ code: "not_found" });
  });

  it("cancel in time or by the coach returns the credit; a late cancel or a no-show forfeits it; reschedule moves nothing", async () => {
    const p = await practiceWithPackage();
    const { clientId } = await clientWithCredits(p, 4);
    const scope = { practiceId: p.practiceId, clientId };

    const inTime = await bookWithCredit(p, clientId, "2027-01-12T09:00");
    await cancelBooking(scope, inTime.id);
    expect(await balance(p, clientId)).toBe(4);

    const late = await bookWithCredit(p, clientId, "2027-01-07T10:00");
    setClock("2027-01-06T11:00"); // 23 hours ahead: inside the 24-hour window
    await cancelBooking(scope, late.id);
    expect(await balance(p, clientId)).toBe(3);

    const byCoach = await bookWithCredit(p, clientId, "2027-01-07T11:00");
    setClock("2027-01-07T10:00");
    await cancelBooking({ practiceId: p.practiceId }, byCoach.id, { actor: "coach" });
    expect(await balance(p, clientId)).toBe(3);

    setClock(NOW);
    const missed = await bookWithCredit(p, clientId, "2027-01-07T12:00");
    setClock("2027-01-07T14:00");
    await markBookingOutcome(p.practiceId, missed.id, "no_show");
    expect(await balance(p, clientId)).toBe(2);
  });
});

describe("package expiring in 14 days", () => {
  it("is written once per grant with sessions left, inside the notice only", async () => {
    const p = await practiceWithPackage();
    const first = await createBooking(p.practiceId, { offering: "one-on-one", start: at("2027-01-07T09:00"), ...booker() });
    const grant = (expiresAt: Date) =>
      grantCredits(getDb(), {
        practiceId: p.practiceId,
        clientId: first.clientId,
        kind: "package",
        sourceKey: `package:test-${crypto.randomUUID()}`,
        label: "Package of 6",
        offeringIds: [p.offering.id],
        quantity: 2,
        validFrom: at("2027-01-01T00:00"),
        expiresAt,
      });
    await grant(at("2027-01-15T00:00"));
    await grant(at("2027-03-01T00:00"));
    expect(await remindExpiringPackages({ at: at(NOW) })).toBe(1);
    expect(await remindExpiringPackages({ at: at(NOW) })).toBe(0);
  });
});
