import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { bookings, clients, emailOutbox } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { getBookingDetails } from "@/server/scheduling/booking-queries";
import { cancelBooking, createBooking, markBookingOutcome, rescheduleBooking } from "@/server/scheduling/bookings";
import { manageTokenFor, recipientOfToken } from "@/server/scheduling/manage-token";
import { findOpenSlots } from "@/server/scheduling/open-slots";
import type { OfferingInput } from "@/server/offerings/schemas";
import { createBookablePractice, setTestClock } from "../support/factories";
import { insertRawBooking, loseAtTheConstraint, onPostgresServer, separateConnection } from "../support/postgres-server";

const ZONE = "America/Los_Angeles";
// A Wednesday well clear of DST changes; the clock is set relative to it.
const NOW = DateTime.fromISO("2027-01-06T08:00", { zone: ZONE });
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

const setClock = (instant: DateTime) => setTestClock(instant.toJSDate());

const practiceWithOffering = (overrides: Partial<OfferingInput> = {}) => createBookablePractice(ZONE, overrides);

const booker = (n = 0) => ({ name: `Booker ${n}`, email: `booker${n}@example.test`, timeZone: "America/New_York" });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(() => setClock(NOW));

describe("createBooking", () => {
  it("books an open slot, creates the client, and writes confirmations and reminders", async () => {
    const { practiceId, offering } = await practiceWithOffering();
    const start = at("2027-01-08T10:00"); // Friday 10:00 LA
    const booking = await createBooking(practiceId, {
      offering: "one-on-one",
      start,
      ...booker(1),
      partner: null,
    });
    expect(booking).toMatchObject({ status: "confirmed", paymentStatus: "unpaid", offeringId: offering.id, clientTimeZone: "America/New_York" });
    expect(booking.endsAt.getTime() - booking.startsAt.getTime()).toBe(3_600_000);

    const [client] = await getDb().select().from(clients).where(eq(clients.id, booking.clientId));
    expect(client).toMatchObject({ email: "booker1@example.test", timeZone: "America/New_York" });

    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${booking.id}`));
    const byTemplate = mail.map((m) => `${m.template}→${m.recipient}`).sort();
    expect(byTemplate).toContain("booking-confirmed→booker1@example.test");
    expect(byTemplate.filter((t) => t.startsWith("booking-confirmed"))).toHaveLength(2); // client + coach
    const reminders = mail.filter((m) => m.template === "booking-reminder").map((m) => m.sendAfter.toISOString()).sort();
    expect(reminders).toEqual([
      new Date(start.getTime() - 24 * 3_600_000).toISOString(),
      new Date(start.getTime() - 3_600_000).toISOString(),
    ]);

    // The slot is gone from the page.
    const open = await findOpenSlots(
      { practiceId, timeZone: ZONE, coachId: booking.coachId, offering, now: NOW.toJSDate() },
      { from: at("2027-01-08T00:00"), to: at("2027-01-09T00:00") },
    );
    expect(open.map((s) => s.start.toISOString())).not.toContain(start.toISOString());
  });

  it("skips a reminder whose moment has already passed", async () => {
    const { practiceId } = await practiceWithOffering({ kind: "crisis", slug: "crisis", minimumNoticeHours: 2 });
    setClock(DateTime.fromISO("2027-01-07T08:30", { zone: ZONE }));
    const booking = await createBooking(practiceId, { offering: "crisis", start: at("2027-01-07T11:00"), ...booker(2) });
    const reminders = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.topic, `booking:${booking.id}`), eq(emailOutbox.template, "booking-reminder")));
    expect(reminders.map((r) => r.idempotencyKey.split(":")[3])).toEqual(["reminder-1h"]);
  });

  it("refuses times that are not open slots, and bad input, with clear errors", async () => {
    const { practiceId } = await practiceWithOffering();
    const saturday = await failure(createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-09T10:00"), ...booker() }));
    expect(saturday.code).toBe("slot_unavailable");
    const tooSoon = await failure(createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-06T13:00"), ...booker() }));
    expect(tooSoon.code).toBe("slot_unavailable");
    const offGrid = await failure(createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:17"), ...booker() }));
    expect(offGrid.code).toBe("slot_unavailable");
    const unknown = await failure(createBooking(practiceId, { offering: "nope", start: at("2027-01-08T10:00"), ...booker() }));
    expect(unknown.code).toBe("not_found");
    const invalid = await failure(
      // A form-shaped start is refused: typed callers pass a Date (the form schemas parse "…Z" strings).
      createBooking(practiceId, { offering: "one-on-one", start: "tomorrow" as unknown as Date, name: "", email: "x", timeZone: "Nowhere/City" }),
    );
    expect(invalid.code).toBe("invalid");
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["email", "name", "start", "timeZone"]);
    const partner = await failure(
      createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(), partner: { name: "P", email: "p@example.test" } }),
    );
    expect(partner.fieldErrors?.partner).toBeDefined();
  });

  it("respects buffers: a 15-minute buffer after blocks the next slot", async () => {
    const { practiceId } = await practiceWithOffering({ kind: "relationship", slug: "relationship", bufferAfterMinutes: 15, slotIntervalMinutes: 15 });
    await createBooking(practiceId, { offering: "relationship", start: at("2027-01-08T10:00"), ...booker(3) });
    const next = await failure(createBooking(practiceId, { offering: "relationship", start: at("2027-01-08T11:00"), ...booker(4) }));
    expect(next.code).toBe("slot_unavailable");
    await expect(
      createBooking(practiceId, { offering: "relationship", start: at("2027-01-08T11:15"), ...booker(4) }),
    ).resolves.toMatchObject({ status: "confirmed" });
  });

  it("the database refuses overlapping held time even if the application did not check", async () => {
    const { practiceId, offering } = await practiceWithOffering();
    const first = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(5) });
    const insert = getDb()
      .insert(bookings)
      .values({ ...first, id: undefined, startsAt: at("2027-01-08T10:30"), endsAt: at("2027-01-08T11:30"), blockedFrom: at("2027-01-08T10:30"), blockedUntil: at("2027-01-08T11:30"), offeringId: offering.id });
    const error = await insert.then(() => null, (e: unknown) => e as { cause?: { code?: string } });
    expect(error?.cause?.code ?? (error as { code?: string })?.code).toBe("23P01");
  });

  it("lets exactly one of 50 concurrent bookings of one slot win", async () => {
    const { practiceId } = await practiceWithOffering();
    const start = at("2027-01-11T09:00");
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => createBooking(practiceId, { offering: "one-on-one", start, ...booker(100 + i) })),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const l of lost) {
      // Anything but an AppError names its Postgres code, so a failure says what the race produced.
      const reason = l.reason as { cause?: { code?: string } };
      expect(l.reason instanceof AppError ? "AppError" : `not an AppError: ${reason.cause?.code ?? String(l.reason)}`).toBe("AppError");
      // On a server the race is lost at the constraint (slot_taken); serialised (PGlite) at the re-check.
      expect(["slot_taken", "slot_unavailable"]).toContain((l.reason as AppError).code);
    }
    if (onPostgresServer) {
      // With ten connections some losers pass the re-check before the winner commits; the constraint stops them.
      expect(lost.some((l) => (l.reason as AppError).code === "slot_taken")).toBe(true);
    }
    const held = await getDb().select().from(bookings).where(and(eq(bookings.practiceId, practiceId), inArray(bookings.status, ["confirmed", "pending_payment"])));
    expect(held).toHaveLength(1);
    // The losers' emails rolled back with their bookings.
    const confirmations = await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, "booking-confirmed"));
    expect(confirmations.filter((m) => m.practiceId === practiceId)).toHaveLength(2);
  });

  it.runIf(onPostgresServer)("a booking that passed the re-check but meets the constraint is slot_taken, and nothing of it stays", async () => {
    const { practiceId } = await practiceWithOffering();
    const seed = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-13T09:00"), ...booker(400) });
    const start = at("2027-01-13T13:00");
    const outcome = await loseAtTheConstraint(seed, start, at("2027-01-13T14:00"), () =>
      createBooking(practiceId, { offering: "one-on-one", start, ...booker(401) }),
    );
    expect(outcome.status).toBe("rejected");
    const error = outcome.status === "rejected" ? outcome.reason : null;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("slot_taken");
    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.recipient, "booker401@example.test"));
    expect(mail).toEqual([]);
  });

  it.runIf(onPostgresServer)("on a Postgres server, a raw race of inserts still leaves no overlapping rows", async () => {
    const { practiceId } = await practiceWithOffering();
    const seed = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-12T09:00"), ...booker(300) });
    await cancelBooking({ practiceId }, seed.id, { actor: "coach" });
    // 20 separate connections insert overlapping rows at once, bypassing every app check.
    const connections = Array.from({ length: 20 }, separateConnection);
    const results = await Promise.allSettled(
      connections.map((sql, i) =>
        insertRawBooking(sql, seed, new Date(at("2027-01-12T13:00").getTime() + i * 60_000), new Date(at("2027-01-12T14:00").getTime() + i * 60_000)),
      ),
    );
    await Promise.all(connections.map((c) => c.end()));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("23P01");
  });
});

describe("reschedule and cancel", () => {
  it("a client reschedules outside the window; reminders move with the session", async () => {
    const { practiceId } = await practiceWithOffering();
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(6) });
    const moved = await rescheduleBooking({ practiceId, clientId: booking.clientId }, booking.id, at("2027-01-11T14:00"));
    expect(moved).toMatchObject({ startsAt: at("2027-01-11T14:00"), sequence: 1, status: "confirmed" });

    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.topic, `booking:${booking.id}`));
    const reminders = mail.filter((m) => m.template === "booking-reminder");
    expect(reminders.filter((r) => r.status === "canceled")).toHaveLength(2);
    expect(reminders.filter((r) => r.status === "pending").map((r) => r.sendAfter.toISOString()).sort()).toEqual([
      at("2027-01-10T14:00").toISOString(),
      at("2027-01-11T13:00").toISOString(),
    ]);
    expect(mail.filter((m) => m.template === "booking-rescheduled")).toHaveLength(2);
  });

  it.runIf(onPostgresServer)("a reschedule that passed the re-check but meets the constraint is slot_taken; the session stays where it was", async () => {
    const { practiceId } = await practiceWithOffering();
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(402) });
    const target = at("2027-01-11T14:00");
    const outcome = await loseAtTheConstraint(booking, target, at("2027-01-11T15:00"), () =>
      rescheduleBooking({ practiceId, clientId: booking.clientId }, booking.id, target),
    );
    expect(outcome.status).toBe("rejected");
    const error = outcome.status === "rejected" ? outcome.reason : null;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("slot_taken");
    const [stored] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(stored).toMatchObject({ startsAt: at("2027-01-08T10:00"), sequence: 0 });
  });

  it("inside the reschedule window the client is told why and to contact the coach; the coach may still move it", async () => {
    const { practiceId } = await practiceWithOffering();
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(7) });
    setClock(DateTime.fromISO("2027-01-07T12:00", { zone: ZONE })); // 22 h before
    const refused = await failure(rescheduleBooking({ practiceId, clientId: booking.clientId }, booking.id, at("2027-01-11T14:00")));
    expect(refused.code).toBe("forbidden");
    expect(refused.message).toMatch(/contact your coach/i);
    await expect(rescheduleBooking({ practiceId }, booking.id, at("2027-01-07T15:00"), { actor: "coach" })).resolves.toMatchObject({
      startsAt: at("2027-01-07T15:00"),
    });
  });

  it("a client's cancel inside the window becomes late_canceled and withdraws reminders; the slot opens again", async () => {
    const { practiceId } = await practiceWithOffering();
    const booking = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(8) });
    setClock(DateTime.fromISO("2027-01-07T12:00", { zone: ZONE }));
    const canceled = await cancelBooking({ practiceId, clientId: booking.clientId }, booking.id, { reason: "Sick" });
    expect(canceled).toMatchObject({ status: "late_canceled", canceledBy: "client", cancelReason: "Sick", sequence: 1 });
    const pending = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.topic, `booking:${booking.id}`), eq(emailOutbox.template, "booking-reminder"), eq(emailOutbox.status, "pending")));
    expect(pending).toHaveLength(0);
    const again = await failure(cancelBooking({ practiceId, clientId: booking.clientId }, booking.id));
    expect(again.code).toBe("already_canceled"); // a 409, and never a second refund (issue 8)
    // Someone else can now take the time.
    setClock(NOW);
    await expect(createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(9) })).resolves.toBeTruthy();
  });

  it("a cancel outside the window is a plain cancel; the coach marks outcomes after the start", async () => {
    const { practiceId } = await practiceWithOffering();
    const a = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(10) });
    const b = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T12:00"), ...booker(11) });
    expect((await cancelBooking({ practiceId }, a.id, { actor: "client" })).status).toBe("canceled");
    expect((await failure(markBookingOutcome(practiceId, b.id, "completed"))).code).toBe("conflict");
    setClock(DateTime.fromISO("2027-01-08T13:30", { zone: ZONE }));
    expect((await markBookingOutcome(practiceId, b.id, "no_show")).status).toBe("no_show");
  });

  it("manage tokens are bound to one booking", async () => {
    const { practiceId } = await practiceWithOffering();
    const a = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(12) });
    const b = await createBooking(practiceId, { offering: "one-on-one", start: at("2027-01-08T12:00"), ...booker(13) });
    expect(recipientOfToken(a, manageTokenFor(a, "booker"))).toBe("booker");
    expect(recipientOfToken(a, manageTokenFor(b, "booker"))).toBeNull();
    // No partner on this booking: a partner token for it opens nothing.
    expect(recipientOfToken(a, manageTokenFor(a, "partner"))).toBeNull();
    expect(recipientOfToken(a, "forged")).toBeNull();
  });

  it("foreign booking ids answer not found, for coaches and for clients", async () => {
    const mine = await practiceWithOffering();
    const other = await practiceWithOffering();
    const booking = await createBooking(mine.practiceId, { offering: "one-on-one", start: at("2027-01-08T10:00"), ...booker(14) });
    const stranger = await createBooking(mine.practiceId, { offering: "one-on-one", start: at("2027-01-08T12:00"), ...booker(15) });

    for (const scope of [{ practiceId: other.practiceId }, { practiceId: mine.practiceId, clientId: stranger.clientId }]) {
      expect((await failure(getBookingDetails(scope, booking.id))).code).toBe("not_found");
      expect((await failure(cancelBooking(scope, booking.id))).code).toBe("not_found");
      expect((await failure(rescheduleBooking(scope, booking.id, at("2027-01-11T10:00")))).code).toBe("not_found");
    }
    expect((await failure(markBookingOutcome(other.practiceId, booking.id, "completed"))).code).toBe("not_found");
    expect((await failure(getBookingDetails({ practiceId: mine.practiceId }, "not-a-uuid"))).code).toBe("not_found");
    // Untouched.
    expect((await getBookingDetails({ practiceId: mine.practiceId }, booking.id)).booking.status).toBe("confirmed");
  });
});
