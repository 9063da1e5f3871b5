import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postBooking } from "@/app/api/public/[practice]/bookings/route";
import { GET as getBooking } from "@/app/api/public/[practice]/bookings/[id]/route";
import { POST as cancelRoute } from "@/app/api/public/[practice]/bookings/[id]/cancel/route";
import { POST as rescheduleRoute } from "@/app/api/public/[practice]/bookings/[id]/reschedule/route";
import { resetEnvCache } from "@/lib/env";
import { abandonTestCheckout, getTestCheckout, payTestCheckout } from "@/server/billing/test-checkout";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { at, booker, bookingRow, completed, deliver, mails, paidPractice, paymentOf, setClock, useFakeStripe, withoutStripe } from "../support/billing";

const base = "http://localhost:3000/api/public";
let fake: FakeStripe;
let slug = "";

type Json = { booking?: Record<string, unknown> & { payment: Record<string, unknown> }; error?: { code: string; fieldErrors?: Record<string, string[]> } };
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const json = { "content-type": "application/json" };

async function book(local: string, practice = slug) {
  const response = await postBooking(
    new Request(`${base}/${practice}/bookings`, { method: "POST", headers: json, body: JSON.stringify({ offering: "one-on-one", start: at(local).toISOString(), ...booker() }) }),
    params({ practice }),
  );
  return { status: response.status, body: (await response.json()) as Json };
}

/** id and token from the manageUrl the API answered with. */
function linkOf(body: Json) {
  const url = new URL(String(body.booking!.manageUrl));
  return { id: String(body.booking!.id), token: url.searchParams.get("token")! };
}

async function call(kind: "get" | "cancel" | "reschedule", link: { id: string; token: string }, body?: unknown) {
  const url = `${base}/${slug}/bookings/${link.id}${kind === "get" ? "" : `/${kind}`}?token=${encodeURIComponent(link.token)}`;
  const p = params({ practice: slug, id: link.id });
  const init = { method: "POST", headers: json, body: JSON.stringify(body ?? {}) };
  const response =
    kind === "get" ? await getBooking(new Request(url), p) : kind === "cancel" ? await cancelRoute(new Request(url, init), p) : await rescheduleRoute(new Request(url, init), p);
  return { status: response.status, body: (await response.json()) as Json };
}

beforeAll(async () => {
  fake = await startFakeStripe();
  useFakeStripe(fake);
  setClock("2027-01-06T08:00");
  slug = (await paidPractice()).practice.slug;
});
afterAll(async () => {
  withoutStripe();
  await fake.close();
});
beforeEach(() => setClock("2027-01-06T08:00"));

describe("the public API with payments", () => {
  it("POST on a paid offering answers pending_payment with the payment to make", async () => {
    const { status, body } = await book("2027-01-08T09:00");
    expect(status).toBe(201);
    expect(body.booking!.status).toBe("pending_payment");
    expect(body.booking!.payment).toEqual({
      status: "awaiting",
      amount: 300,
      currency: "USD",
      checkoutUrl: expect.stringMatching(new RegExp(`^${fake.url}/pay/cs_test_`)),
      expiresAt: expect.any(String),
    });
    expect(new Date(String(body.booking!.payment.expiresAt)).getTime() - at("2027-01-06T08:00").getTime()).toBeGreaterThanOrEqual(30 * 60_000);
  });

  it("GET by token shows the booking and its payment; cancel refunds once and a second cancel is 409 already_canceled", async () => {
    const created = await book("2027-01-08T11:00");
    const link = linkOf(created.body);
    expect((await call("get", link)).body).toEqual({
      booking: {
        id: link.id,
        status: "pending_payment",
        start: at("2027-01-08T11:00").toISOString(),
        end: at("2027-01-08T12:00").toISOString(),
        offering: "one-on-one",
        // Held, not booked: the room's link comes with the confirmation.
        location: { kind: "video" },
        payment: { status: "awaiting", amount: 300, currency: "USD", refunded: 0 },
      },
    });
    const sessionId = (await paymentOf(link.id)).checkoutSessionId!;
    fake.pay(sessionId);
    await deliver(completed(fake, sessionId), fake);
    expect((await call("get", link)).body.booking).toMatchObject({
      status: "confirmed",
      location: { kind: "video", url: expect.stringMatching(/^https:\/\/meet\.jit\.si\/Tend-[a-z2-7]{32}$/) },
      payment: { status: "paid", refunded: 0 },
    });

    const moved = await call("reschedule", link, { start: at("2027-01-08T14:00").toISOString() });
    expect(moved.status).toBe(200);
    expect(moved.body.booking).toMatchObject({ status: "confirmed", start: at("2027-01-08T14:00").toISOString(), payment: { status: "paid" } });
    expect(fake.refunds).toHaveLength(0);
    expect((await call("reschedule", link, { start: "soon" })).status).toBe(400);

    const canceled = await call("cancel", link, { reason: "Plans changed" });
    expect(canceled).toMatchObject({ status: 200, body: { booking: { status: "canceled", payment: { status: "refunded", amount: 300, refunded: 300 } } } });
    const again = await call("cancel", link);
    expect(again).toMatchObject({ status: 409, body: { error: { code: "already_canceled" } } });
    expect(fake.refunds.map((r) => r.amount)).toEqual([30000]);
  });

  it("a wrong token or another practice's booking is 404", async () => {
    const created = await book("2027-01-11T09:00");
    const link = linkOf(created.body);
    expect((await call("get", { ...link, token: "x".repeat(40) })).status).toBe(404);
    expect((await call("cancel", { ...link, token: "nope" })).status).toBe(404);
    expect((await bookingRow(link.id)).status).toBe("pending_payment");
    const other = (await paidPractice()).practice.slug;
    const response = await getBooking(new Request(`${base}/${other}/bookings/${link.id}?token=${link.token}`), params({ practice: other, id: link.id }));
    expect(response.status).toBe(404);
  });
});

describe("without Stripe keys", () => {
  afterAll(() => useFakeStripe(fake));

  it("on a laptop, paid bookings go through the test checkout: pay confirms, abandon expires", async () => {
    withoutStripe();
    const paid = await book("2027-01-12T09:00");
    const checkoutUrl = String(paid.body.booking!.payment.checkoutUrl);
    expect(checkoutUrl).toMatch(/^http:\/\/localhost:3000\/dev\/checkout\/test_cs_[0-9a-f]{36}$/);
    const sessionId = checkoutUrl.split("/").at(-1)!;
    expect(await getTestCheckout(sessionId)).toMatchObject({ state: "awaiting", amountCents: 30000, currency: "USD" });
    const back = await payTestCheckout(sessionId);
    expect(back).toMatch(new RegExp(`^/book/${slug}/one-on-one/booked/${paid.body.booking!.id}\\?token=`));
    expect(await bookingRow(String(paid.body.booking!.id))).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(await mails(String(paid.body.booking!.id), "payment-receipt")).toHaveLength(1);

    const dropped = await book("2027-01-12T11:00");
    await abandonTestCheckout(String(dropped.body.booking!.payment.checkoutUrl).split("/").at(-1)!);
    expect((await bookingRow(String(dropped.body.booking!.id))).status).toBe("expired");
    await expect(getTestCheckout("test_cs_" + "0".repeat(36))).rejects.toMatchObject({ code: "not_found" });
  });

  it("on a public address, paid offerings are booked as not collected online and the test checkout is not found", async () => {
    withoutStripe();
    process.env.APP_URL = "https://coach.example.com";
    resetEnvCache();
    try {
      const { status, body } = await book("2027-01-13T09:00");
      expect(status).toBe(201);
      expect(body.booking).toMatchObject({ status: "confirmed", payment: { status: "unpaid", amount: 300, checkoutUrl: null, expiresAt: null } });
      await expect(getTestCheckout("test_cs_" + "0".repeat(36))).rejects.toMatchObject({ code: "not_found" });
    } finally {
      process.env.APP_URL = "http://localhost:3000";
      resetEnvCache();
    }
  });
});
