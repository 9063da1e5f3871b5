import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { adjustCredits, clientCredits, creditBalanceFor, expireCredits, grantCredits, returnCredit, spendCredit } from "@/server/billing/credits";
import { getDb } from "@/server/db/client";
import { bookings, creditGrants, creditLedger, practices } from "@/server/db/schema";
import { createBooking } from "@/server/scheduling/bookings";
import { at, booker, setClock, ZONE } from "../support/billing";
import { createBookablePractice } from "../support/factories";
import { onPostgresServer, separateConnection } from "../support/postgres-server";

/** The driver's error (the cause under drizzle's) says the table is append-only. */
const appendOnly = (error: unknown) => /append-only/.test(String((error as { cause?: unknown }).cause ?? error));

const NOW = "2027-01-06T08:00";
beforeEach(() => setClock(NOW));

type Booking = typeof bookings.$inferSelect;

/** A practice with one confirmed (offline) booking: its client gets the credits. */
async function practiceWithBooking() {
  const practice = await createBookablePractice(ZONE);
  const booking = await createBooking(practice.practiceId, { offering: "one-on-one", start: at("2027-01-08T09:00"), ...booker() });
  return { ...practice, booking };
}

/** More bookings of the same client, one per hour from `from`, straight into the table (the ledger only needs them to exist). */
async function moreBookings(like: Booking, count: number, from = at("2027-02-01T09:00")) {
  const rows = Array.from({ length: count }, (_, i) => {
    const start = new Date(from.getTime() + i * 3_600_000);
    const end = new Date(start.getTime() + 3_000_000);
    return { ...like, id: undefined, createdAt: undefined, updatedAt: undefined, startsAt: start, endsAt: end, blockedFrom: start, blockedUntil: end };
  });
  return getDb().insert(bookings).values(rows).returning();
}

function grant(p: { practiceId: string; offering: { id: string } }, clientId: string, overrides: Partial<Parameters<typeof grantCredits>[1]> = {}) {
  return grantCredits(getDb(), {
    practiceId: p.practiceId,
    clientId,
    kind: "package",
    sourceKey: `package:${crypto.randomUUID()}`,
    label: "Package of 3",
    offeringIds: [p.offering.id],
    quantity: 3,
    validFrom: at("2027-01-01T00:00"),
    expiresAt: at("2027-07-01T00:00"),
    ...overrides,
  });
}

const spend = (p: { practiceId: string; offering: { id: string } }, booking: Booking) =>
  getDb().transaction((tx) => spendCredit(tx, { practiceId: p.practiceId, clientId: booking.clientId, offeringId: p.offering.id, bookingId: booking.id }));

const balance = (p: { practiceId: string; offering: { id: string } }, clientId: string, when?: Date) =>
  creditBalanceFor({ practiceId: p.practiceId, clientId, offeringId: p.offering.id, at: when });

describe("grant, spend, return", () => {
  it("grants once per source, spends one per booking, returns it once", async () => {
    const p = await practiceWithBooking();
    const sourceKey = `package:${crypto.randomUUID()}`;
    const first = await grant(p, p.booking.clientId, { sourceKey });
    const again = await grant(p, p.booking.clientId, { sourceKey });
    expect(again.id).toBe(first.id);
    expect(await balance(p, p.booking.clientId)).toBe(3);

    const spent = await spend(p, p.booking);
    expect(spent).toMatchObject({ left: 2 });
    expect(spent.grant.id).toBe(first.id);
    await expect(spend(p, p.booking)).rejects.toThrow(); // the same booking is spent once
    expect(await balance(p, p.booking.clientId)).toBe(2);

    const back = (reason: string) => getDb().transaction((tx) => returnCredit(tx, { practiceId: p.practiceId, bookingId: p.booking.id, reason }));
    expect(await back("Canceled in time")).toBe(true);
    expect(await back("Canceled in time")).toBe(false);
    expect(await balance(p, p.booking.clientId)).toBe(3);

    const [summary] = await clientCredits(p.practiceId, p.booking.clientId);
    expect(summary!.balance).toBe(3);
    expect(summary!.entries.map((e) => [e.kind, e.delta])).toEqual([
      ["grant", 3],
      ["spend", -1],
      ["return", 1],
    ]);
  });

  it("a booking that was never paid with a credit returns nothing", async () => {
    const p = await practiceWithBooking();
    await grant(p, p.booking.clientId);
    expect(await getDb().transaction((tx) => returnCredit(tx, { practiceId: p.practiceId, bookingId: p.booking.id, reason: "x" }))).toBe(false);
  });

  it("spends from the grant that expires first, only for the offerings it covers, only while valid", async () => {
    const p = await practiceWithBooking();
    const later = await grant(p, p.booking.clientId, { expiresAt: at("2027-09-01T00:00") });
    const sooner = await grant(p, p.booking.clientId, { expiresAt: at("2027-03-01T00:00") });
    expect((await spend(p, p.booking)).grant.id).toBe(sooner.id);
    expect(later.id).not.toBe(sooner.id);

    const other = await createBookablePractice(ZONE, { slug: "other-thing", name: "Other" });
    expect(await creditBalanceFor({ practiceId: p.practiceId, clientId: p.booking.clientId, offeringId: other.offering.id })).toBe(0);
    expect(await balance(p, p.booking.clientId, at("2026-12-31T00:00"))).toBe(0); // before validFrom
    expect(await balance(p, p.booking.clientId, at("2027-09-01T00:00"))).toBe(0); // at expiresAt
  });

  it("no credit left: the spend is refused and writes nothing", async () => {
    const p = await practiceWithBooking();
    await grant(p, p.booking.clientId, { quantity: 1 });
    const [second] = await moreBookings(p.booking, 1);
    await spend(p, p.booking);
    await expect(spend(p, second!)).rejects.toMatchObject({ code: "conflict" });
    expect(await balance(p, p.booking.clientId)).toBe(0);
  });
});

describe("expire and adjust", () => {
  it("the sweep expires what is left at expiresAt, once; a credit returned later lapses at the next sweep", async () => {
    const p = await practiceWithBooking();
    const g = await grant(p, p.booking.clientId, { expiresAt: at("2027-01-07T00:00") });
    await spend(p, p.booking);
    expect(await expireCredits({ at: at("2027-01-06T23:59") })).toBe(0);
    expect(await expireCredits({ at: at("2027-01-07T00:00") })).toBe(1);
    expect(await expireCredits({ at: at("2027-01-07T00:00") })).toBe(0);
    const rows = await getDb().select().from(creditLedger).where(eq(creditLedger.grantId, g.id));
    expect(rows.filter((r) => r.kind === "expire").map((r) => r.delta)).toEqual([-2]);

    await getDb().transaction((tx) => returnCredit(tx, { practiceId: p.practiceId, bookingId: p.booking.id, reason: "Coach canceled" }));
    expect(await balance(p, p.booking.clientId, at("2027-01-06T12:00"))).toBe(1);
    expect(await expireCredits({ at: at("2027-01-08T00:00") })).toBe(1);
    const [summary] = await clientCredits(p.practiceId, p.booking.clientId);
    expect(summary!.balance).toBe(0);
  });

  it("the coach adjusts with a reason, never below zero, only their own grants", async () => {
    const p = await practiceWithBooking();
    const g = await grant(p, p.booking.clientId, { quantity: 2 });
    expect((await adjustCredits(p.practiceId, g.id, { delta: 1, reason: "Goodwill" })).balance).toBe(3);
    await expect(adjustCredits(p.practiceId, g.id, { delta: -4, reason: "Oops" })).rejects.toMatchObject({ code: "invalid" });
    await expect(adjustCredits(p.practiceId, g.id, { delta: 0, reason: "Nothing" })).rejects.toMatchObject({ code: "invalid" });
    await expect(adjustCredits(p.practiceId, g.id, { delta: 1, reason: " " })).rejects.toMatchObject({ code: "invalid" });
    const stranger = await createBookablePractice(ZONE);
    await expect(adjustCredits(stranger.practiceId, g.id, { delta: 1, reason: "Mine now" })).rejects.toMatchObject({ code: "not_found" });
    expect((await adjustCredits(p.practiceId, g.id, { delta: -3, reason: "Refunded by bank transfer" })).balance).toBe(0);
  });
});

describe("the database guards the ledger", () => {
  it("refuses UPDATE and DELETE of ledger rows and grants", async () => {
    const p = await practiceWithBooking();
    const g = await grant(p, p.booking.clientId);
    await expect(getDb().update(creditLedger).set({ delta: 100 }).where(eq(creditLedger.grantId, g.id))).rejects.toSatisfy(appendOnly);
    await expect(getDb().delete(creditLedger).where(eq(creditLedger.grantId, g.id))).rejects.toSatisfy(appendOnly);
    await expect(getDb().update(creditGrants).set({ quantity: 100 }).where(eq(creditGrants.id, g.id))).rejects.toSatisfy(appendOnly);
    await expect(getDb().delete(creditGrants).where(eq(creditGrants.id, g.id))).rejects.toSatisfy(appendOnly);
    expect(await balance(p, p.booking.clientId)).toBe(3);
  });

  it("refuses a row below zero, a row of another client, and a spend without a booking", async () => {
    const p = await practiceWithBooking();
    const g = await grant(p, p.booking.clientId, { quantity: 1 });
    const row = { practiceId: p.practiceId, clientId: p.booking.clientId, grantId: g.id, reason: "raw" };
    await expect(getDb().insert(creditLedger).values({ ...row, kind: "adjust", delta: -2 })).rejects.toThrow();
    await expect(getDb().insert(creditLedger).values({ ...row, kind: "spend", delta: -1 })).rejects.toThrow();
    const other = await practiceWithBooking();
    await expect(getDb().insert(creditLedger).values({ ...row, clientId: other.booking.clientId, kind: "adjust", delta: 1 })).rejects.toThrow();
    await expect(getDb().insert(creditLedger).values({ ...row, kind: "spend", delta: -1, bookingId: other.booking.id })).rejects.toThrow();
    expect(await balance(p, p.booking.clientId)).toBe(1);
  });

  it("deleting the practice still removes its ledger (the cascade is allowed)", async () => {
    const p = await practiceWithBooking();
    const g = await grant(p, p.booking.clientId);
    await spend(p, p.booking);
    await getDb().delete(practices).where(eq(practices.id, p.practiceId));
    expect(await getDb().select().from(creditLedger).where(eq(creditLedger.grantId, g.id))).toEqual([]);
  });
});

describe.runIf(onPostgresServer)("concurrency on Postgres", () => {
  it("50 concurrent spends on a balance of 1: exactly one", async () => {
    const p = await practiceWithBooking();
    await grant(p, p.booking.clientId, { quantity: 1 });
    const many = await moreBookings(p.booking, 50);
    const results = await Promise.allSettled(many.map((b) => spend(p, b)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === "rejected")) expect((lost as PromiseRejectedResult).reason.code).toBe("conflict");
    expect(await balance(p, p.booking.clientId)).toBe(0);
  });

  it("raw inserts from separate connections, past the application: the trigger lets one through", async () => {
    const p = await practiceWithBooking();
    const g = await grant(p, p.booking.clientId, { quantity: 1 });
    const many = await moreBookings(p.booking, 10);
    const connections = many.map(() => separateConnection());
    try {
      const results = await Promise.allSettled(
        many.map(
          (b, i) =>
            connections[i]!`insert into credit_ledger (practice_id, client_id, grant_id, kind, booking_id, delta, reason)
              values (${p.practiceId}, ${p.booking.clientId}, ${g.id}, 'spend', ${b.id}, -1, 'raw')`,
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    } finally {
      await Promise.all(connections.map((c) => c.end({ timeout: 5 })));
    }
    const [row] = await getDb().execute<{ total: number }>(sql`select sum(delta)::int as total from credit_ledger where grant_id = ${g.id}`);
    expect(row!.total).toBe(0);
  });
});
