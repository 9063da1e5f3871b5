import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getPractice } from "@/server/practices/queries";
import { updatePractice } from "@/server/practices/update-practice";
import { cancelBooking, createBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { at, bookAt, booker, bookingRow, completed, deliver, mails, paidPractice, paymentOf, setClock, useFakeStripe, withoutStripe, ZONE } from "../support/billing";
import { createBookablePractice } from "../support/factories";

// Thursday 09:00 Pacific booked on Wednesday at 18:00: past the 12 h notice, inside the 24 h windows.
const BOOKED = "2027-01-06T18:00";
const START = "2027-01-07T09:00";

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
  useFakeStripe(fake);
});
afterAll(async () => {
  withoutStripe();
  await fake.close();
});
beforeEach(() => setClock(BOOKED));

async function paidBooking(practiceId: string) {
  const booking = await bookAt(practiceId, START);
  const sessionId = (await paymentOf(booking.id)).checkoutSessionId!;
  const intent = fake.pay(sessionId);
  await deliver(completed(fake, sessionId), fake);
  return { booking: await bookingRow(booking.id), intent };
}
const refundedOn = (intent: string) => fake.refunds.filter((r) => r.payment_intent === intent).map((r) => r.amount);

async function setGrace(practiceId: string, minutes: number) {
  const p = await getPractice(practiceId);
  await updatePractice(practiceId, { name: p.name, slug: p.slug, timeZone: p.timeZone, currency: p.currency, contactEmail: p.contactEmail, bookingGraceMinutes: minutes });
}

describe("the grace period after booking a time inside the late window", () => {
  it("a cancel within it is an undo: canceled (not late) and refunded in full, once", async () => {
    const { practiceId } = await paidPractice();
    const { booking, intent } = await paidBooking(practiceId);
    expect(booking.policy.graceMinutes).toBe(15);
    setClock("2027-01-06T18:10");
    const canceled = await cancelBooking({ practiceId, clientId: booking.clientId }, booking.id);
    expect(canceled.status).toBe("canceled");
    expect(refundedOn(intent)).toEqual([30000]);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "canceled", paymentStatus: "refunded" });
    expect(fake.requests.filter((r) => r.path === "/v1/refunds" && r.method === "POST").at(-1)!.idempotencyKey).toBe(`refund:${booking.id}:client_cancel`);
  });

  it("after it, the same cancel is late and follows the late rule (forfeit here)", async () => {
    const { practiceId } = await paidPractice();
    const { booking, intent } = await paidBooking(practiceId);
    setClock("2027-01-06T18:16");
    const canceled = await cancelBooking({ practiceId, clientId: booking.clientId }, booking.id);
    expect(canceled.status).toBe("late_canceled");
    expect(refundedOn(intent)).toEqual([]);
  });

  it("is the practice's setting, snapshotted: 0 turns it off, and later edits leave old bookings alone", async () => {
    const { practiceId } = await paidPractice(50);
    await setGrace(practiceId, 0);
    const { booking, intent } = await paidBooking(practiceId);
    await setGrace(practiceId, 60);
    setClock("2027-01-06T18:01");
    await cancelBooking({ practiceId, clientId: booking.clientId }, booking.id);
    expect(await bookingRow(booking.id)).toMatchObject({ status: "late_canceled", paymentStatus: "partially_refunded" });
    expect(refundedOn(intent)).toEqual([15000]);
    await expect(setGrace(practiceId, 121)).rejects.toMatchObject({ code: "invalid", fieldErrors: { bookingGraceMinutes: [expect.any(String)] } });
  });

  it("lets the booker move the time online while it lasts", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at(START), ...booker() });
    setClock("2027-01-06T18:05");
    const moved = await rescheduleBooking({ practiceId, clientId: booking.clientId }, booking.id, at("2027-01-07T11:00"));
    expect(moved.startsAt).toEqual(at("2027-01-07T11:00"));
    setClock("2027-01-06T18:30");
    await expect(rescheduleBooking({ practiceId, clientId: booking.clientId }, booking.id, at("2027-01-07T13:00"))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the confirmation of a time inside the windows", () => {
  it("says what can't be done online and until when it can be undone; a booking in good time says neither", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const late = await createBooking(practiceId, { offering: "one-on-one", start: at(START), ...booker() });
    expect(late.createdAt.getTime() - at(BOOKED).getTime()).toBeLessThan(60_000);
    const [toClient] = (await mails(late.id, "booking-confirmed")).filter((m) => (m.data as { audience: string }).audience === "client");
    expect((toClient!.data as Record<string, unknown>).lateBooking).toEqual({
      windowHours: 24,
      lateCancel: true,
      noOnlineReschedule: true,
      // Fifteen minutes after it was booked (the test clock runs on from 18:00).
      undoUntilIso: new Date(late.createdAt.getTime() + 15 * 60_000).toISOString(),
    });
    const early = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-11T10:00"), ...booker() });
    const [inTime] = (await mails(early.id, "booking-confirmed")).filter((m) => (m.data as { audience: string }).audience === "client");
    expect((inTime!.data as Record<string, unknown>).lateBooking).toBeNull();
  });
});
