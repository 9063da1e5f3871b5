import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { createClient, findClientForUser, linkClientAccounts } from "@/server/clients/clients";
import { getDb } from "@/server/db/client";
import { bookings, emailOutbox } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { createOffering } from "@/server/offerings/offerings";
import { getBookingDetails, listClientBookings } from "@/server/scheduling/booking-queries";
import { cancelBooking, createBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { createBookablePractice, createUser, setTestClock } from "../support/factories";

/**
 * The portal's side of tenancy, as tenant-isolation.test.ts is the coach's.
 * Each portal page and action starts from requireClient() (src/server/auth/guards.ts),
 * which links the signed-in email's client records and takes the scope
 * { practiceId, clientId } from findClientForUser; then:
 *   /portal                 → listClientBookings
 *   /portal/sessions/[id]   → getBookingDetails
 *   portalSlotsAction       → getBookingDetails (then the open slots of that booking's offering)
 *   portalRescheduleAction  → rescheduleBooking
 *   portalCancelAction      → cancelBooking
 * A session that is not the client's (another practice's, or the partner's
 * own) is "not found" from every one of them, and stays as it was.
 */
const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const person = (name: string, email: string) => ({ name, email, timeZone: ZONE });

beforeEach(() => setTestClock(at("2027-01-06T08:00")));

/** What requireClient() does for a signed-in email, without the cookie: the portal's scope. */
async function signInToPortal(email: string) {
  const user = await createUser(email);
  await linkClientAccounts(user.id, email);
  const found = await findClientForUser(user.id);
  expect(found, `${email} is a client somewhere`).not.toBeNull();
  return { practiceId: found!.practice.id, clientId: found!.client.id };
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
}

/** Every portal data function and action's domain function, on one session id, as `scope`. */
async function expectPortalCannotReach(scope: { practiceId: string; clientId: string }, bookingId: string) {
  expect((await listClientBookings(scope.practiceId, scope.clientId)).map((r) => r.booking.id)).not.toContain(bookingId);
  await expectNotFound(getBookingDetails(scope, bookingId));
  await expectNotFound(rescheduleBooking(scope, bookingId, at("2027-01-15T11:00"), { actor: "client" }));
  await expectNotFound(cancelBooking(scope, bookingId, { actor: "client", reason: "Not mine" }));
}

/** The session is exactly as it was: same start, still confirmed, no new email about it. */
async function expectUntouched(before: typeof bookings.$inferSelect) {
  const [after] = await getDb().select().from(bookings).where(eq(bookings.id, before.id));
  expect(after).toMatchObject({ startsAt: before.startsAt, status: before.status, sequence: before.sequence });
  const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${before.id}`));
  expect(mail.filter((m) => m.template !== "booking-confirmed" && m.template !== "booking-reminder")).toEqual([]);
}

describe("portal tenancy", () => {
  it("a client of one practice gets 'not found' for another practice's session from every portal page and action", async () => {
    const a = await createBookablePractice(ZONE);
    const b = await createBookablePractice(ZONE);
    const theirs = await createBooking(a.practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...person("Sam", "sam@a.test") });
    await createClient(b.practiceId, person("Kim", "kim@b.test"));
    const mine = await createBooking(b.practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...person("Kim", "kim@b.test") });

    const kim = await signInToPortal("kim@b.test");
    expect(kim.practiceId).toBe(b.practiceId);
    await expectPortalCannotReach(kim, theirs.id);
    // Not even with the other practice's id put into the scope: the client id must match too.
    await expectPortalCannotReach({ practiceId: a.practiceId, clientId: kim.clientId }, theirs.id);
    await expectUntouched(theirs);

    // Their own session is there, so the refusals above are about ownership.
    expect((await listClientBookings(kim.practiceId, kim.clientId)).map((r) => r.booking.id)).toEqual([mine.id]);
    await expect(getBookingDetails(kim, mine.id)).resolves.toMatchObject({ booking: { id: mine.id } });
  });

  it("the same email in two practices sees only the practice the portal opened, not the other's sessions", async () => {
    const a = await createBookablePractice(ZONE);
    const b = await createBookablePractice(ZONE);
    await createClient(a.practiceId, person("Jo", "jo@both.test"));
    const inB = await createBooking(b.practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...person("Jo", "jo@both.test") });

    const jo = await signInToPortal("jo@both.test");
    expect(jo.practiceId).toBe(a.practiceId); // the oldest record opens the portal
    await expectPortalCannotReach(jo, inB.id);
    await expectUntouched(inB);
  });

  it("a partner gets 'not found' for the other partner's own session, and sees the one they share", async () => {
    const { practiceId } = await createBookablePractice(ZONE, { kind: "relationship", name: "Couples", slug: "couples", durationMinutes: 90 });
    await createOffering(practiceId, { kind: "one_on_one", name: "One-on-One", slug: "one-on-one", durationMinutes: 60, priceCents: 15000, active: true });
    // Booked together: both records are new, so they are linked as a couple.
    const shared = await createBooking(practiceId, {
      offering: "couples",
      start: at("2027-01-08T09:00"),
      ...person("Sam", "sam@couple.test"),
      partner: { name: "Alex", email: "alex@couple.test" },
    });
    const samsOwn = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-11T10:00"), ...person("Sam", "sam@couple.test") });
    expect(samsOwn.partnerClientId).toBeNull();

    const alex = await signInToPortal("alex@couple.test");
    const sam = await signInToPortal("sam@couple.test");
    expect(alex.practiceId).toBe(practiceId);
    expect(shared.partnerClientId).toBe(alex.clientId);

    await expectPortalCannotReach(alex, samsOwn.id);
    await expectUntouched(samsOwn);

    expect((await listClientBookings(alex.practiceId, alex.clientId)).map((r) => r.booking.id)).toEqual([shared.id]);
    expect((await listClientBookings(sam.practiceId, sam.clientId)).map((r) => r.booking.id)).toEqual([shared.id, samsOwn.id]);
    await expect(getBookingDetails(alex, shared.id)).resolves.toMatchObject({ booking: { id: shared.id } });
    // And the partner may act on the shared one: the scope lets it through.
    await expect(cancelBooking(alex, shared.id, { actor: "client", reason: "We both can't make it" })).resolves.toMatchObject({ status: "canceled" });
    // A client scope with an empty id narrows to nobody; it never widens to the practice.
    await expectNotFound(getBookingDetails({ practiceId, clientId: "" }, samsOwn.id));
  });

  it("ids that can't be a session are 'not found', not an error", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    await createClient(practiceId, person("Noa", "noa@solo.test"));
    const noa = await signInToPortal("noa@solo.test");
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", "' or 1=1 --"]) await expectPortalCannotReach(noa, id);
  });
});
