import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingByToken, requireBookingByToken } from "@/server/scheduling/booking-by-token";
import { AppError } from "@/server/errors";
import { cancelBooking, createBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { buildInvite } from "@/server/scheduling/ics";
import { inviteEventFor } from "@/server/scheduling/invite-event";
import { manageTokenFor } from "@/server/scheduling/manage-token";
import { createBookablePractice, setTestClock } from "../support/factories";

// The manage link (no sign-in) and the invite download: what the token opens, and what it doesn't.
const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

beforeEach(() => setTestClock(at("2027-01-06T08:00")));

async function booked() {
  const { practiceId } = await createBookablePractice(ZONE, { kind: "relationship", name: "Couples", slug: "couples", price: "200" });
  const booking = await createBooking(practiceId, {
    offering: "couples",
    start: at("2027-01-08T10:00").toISOString(),
    name: "Sam Booker",
    email: "sam@example.test",
    timeZone: "America/New_York",
    partner: { name: "Alex Partner", email: "alex@example.test" },
  });
  return { practiceId, booking };
}

describe("bookingByToken", () => {
  it("opens the booking its token was made for, and nothing else", async () => {
    const { booking } = await booked();
    const other = await booked();
    const token = manageTokenFor(booking.id);

    const found = await bookingByToken(booking.id, token);
    expect(found?.booking.id).toBe(booking.id);
    expect(found?.client.email).toBe("sam@example.test");

    expect(await bookingByToken(other.booking.id, token)).toBeNull();
    expect(await bookingByToken(booking.id, `${token}x`)).toBeNull();
    expect(await bookingByToken(booking.id, undefined)).toBeNull();
    expect(await bookingByToken(booking.id, ["a", "b"])).toBeNull();
    expect(await bookingByToken("not-a-uuid", manageTokenFor("not-a-uuid"))).toBeNull();
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await bookingByToken(unknown, manageTokenFor(unknown))).toBeNull();
  });

  it("gives actions a not_found AppError with a plain message for a bad link", async () => {
    const { booking } = await booked();
    const error = await requireBookingByToken(booking.id, "wrong").then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
    expect((error as AppError).message).toMatch(/confirmation email/);
  });
});

describe("inviteEventFor", () => {
  it("keeps one UID per booking, raises SEQUENCE on each change, and turns into a CANCEL", async () => {
    const { practiceId, booking } = await booked();
    const first = inviteEventFor((await bookingByToken(booking.id, manageTokenFor(booking.id)))!);
    expect(first).toMatchObject({ method: "REQUEST", uid: `${booking.id}@tend`, sequence: 0, startIso: booking.startsAt.toISOString() });
    expect(first.attendees.map((a) => a.email)).toEqual(["sam@example.test", "alex@example.test"]);
    expect(first.url).toContain(`/manage/${booking.id}?token=`);

    const scope = { practiceId, clientId: booking.clientId };
    await rescheduleBooking(scope, booking.id, at("2027-01-08T13:00").toISOString());
    const moved = inviteEventFor((await bookingByToken(booking.id, manageTokenFor(booking.id)))!);
    expect(moved).toMatchObject({ method: "REQUEST", uid: first.uid, startIso: at("2027-01-08T13:00").toISOString() });
    expect(moved.sequence).toBeGreaterThan(first.sequence);

    await cancelBooking(scope, booking.id);
    const canceled = inviteEventFor((await bookingByToken(booking.id, manageTokenFor(booking.id)))!);
    expect(canceled).toMatchObject({ method: "CANCEL", uid: first.uid });
    expect(canceled.sequence).toBeGreaterThan(moved.sequence);
    expect(buildInvite(canceled)).toContain("METHOD:CANCEL");
  });
});
