import { eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { findClientForUser, linkClientAccounts } from "@/server/clients/clients";
import { sealLegacyPlaintext } from "@/server/crypto/rotate";
import { getDb, rowsOf } from "@/server/db/client";
import { bookings } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { getSessionNotes, saveSessionNote } from "@/server/notes/notes";
import { getSharedSessionNote } from "@/server/notes/portal";
import { getBookingDetails, listClientBookings } from "@/server/scheduling/booking-queries";
import { createBooking } from "@/server/scheduling/bookings";
import { createBookablePractice, createUser, setTestClock } from "../support/factories";

const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const person = (name: string, email: string) => ({ name, email, timeZone: ZONE });
const TEMPLATE = "What we worked on:\n\nHomework:\n\nNext time:";

beforeEach(() => setTestClock(at("2027-01-06T08:00")));

/** What requireClient() does for a signed-in email: the portal's scope. */
async function signInToPortal(email: string) {
  const user = await createUser(email);
  await linkClientAccounts(user.id, email);
  const found = await findClientForUser(user.id);
  return { practiceId: found!.practice.id, clientId: found!.client.id };
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

/** A couples session booked by Sam with Alex, on an offering with a note template. */
async function coupleSession(tag = `${Math.random()}`.slice(2, 8)) {
  const coach = await createBookablePractice(ZONE, { kind: "relationship", name: "Couples", slug: "couples", durationMinutes: 90, noteTemplate: TEMPLATE });
  const sam = `sam-${tag}@couple.test`;
  const alex = `alex-${tag}@couple.test`;
  const booking = await createBooking(coach.practiceId, {
    offering: "couples",
    start: at("2027-01-08T09:00"),
    ...person("Sam", sam),
    partner: { name: "Alex", email: alex },
    note: "We keep arguing about money.",
  });
  return { ...coach, booking, sam, alex };
}

const rawNotes = async (bookingId: string) =>
  rowsOf<{ visibility: string; body: string }>(await getDb().execute(sql`select visibility, body from session_notes where booking_id = ${bookingId}`));

describe("session notes", () => {
  it("a new note starts as the offering's template, and the saved note replaces it", async () => {
    const { practiceId, coachId, booking } = await coupleSession();
    const fresh = await getSessionNotes(practiceId, booking.id);
    expect(fresh.private).toEqual({ body: TEMPLATE, savedAt: null });
    expect(fresh.shared).toEqual({ body: TEMPLATE, savedAt: null });
    // Prefilling saves nothing: only the coach's edit does.
    expect(await rawNotes(booking.id)).toEqual([]);

    await saveSessionNote(practiceId, coachId, { bookingId: booking.id, visibility: "private", body: "Sam withdrew when money came up." });
    await saveSessionNote(practiceId, coachId, { bookingId: booking.id, visibility: "private", body: "Sam withdrew when money came up. Alex noticed." });
    const notes = await getSessionNotes(practiceId, booking.id);
    expect(notes.private.body).toBe("Sam withdrew when money came up. Alex noticed.");
    expect(notes.private.savedAt).toBeInstanceOf(Date);
    expect(notes.shared).toEqual({ body: TEMPLATE, savedAt: null });
    // Autosave updates one row per session and visibility.
    expect(await rawNotes(booking.id)).toHaveLength(1);
  });

  it("are ciphertext in the database, and so is the booker's note", async () => {
    const { practiceId, coachId, booking } = await coupleSession();
    await saveSessionNote(practiceId, coachId, { bookingId: booking.id, visibility: "shared", body: "Practice the weekly money talk." });
    const [note] = await rawNotes(booking.id);
    expect(note!.body.startsWith("enc:v1:")).toBe(true);
    expect(note!.body).not.toContain("money");

    const [raw] = rowsOf<{ note: string }>(await getDb().execute(sql`select note from bookings where id = ${booking.id}`));
    expect(raw!.note.startsWith("enc:v1:")).toBe(true);
    expect(raw!.note).not.toContain("arguing");
    expect((await getBookingDetails({ practiceId }, booking.id)).booking.note).toBe("We keep arguing about money.");
    // The confirmation emails waiting in the outbox hold it sealed too.
    const outbox = rowsOf<{ data: string }>(await getDb().execute(sql`select data::text as data from email_outbox where topic = ${`booking:${booking.id}`}`));
    expect(outbox.length).toBeGreaterThan(0);
    for (const row of outbox) expect(row.data).not.toContain("arguing");
  });

  it("a booking note stored in plain text before sealing reads as it was, then is sealed in place", async () => {
    const { practiceId, booking } = await coupleSession();
    await getDb().execute(sql`update bookings set note = ${"Legacy: please call first."} where id = ${booking.id}`);
    expect((await getBookingDetails({ practiceId }, booking.id)).booking.note).toBe("Legacy: please call first.");

    const sealed = await sealLegacyPlaintext();
    expect(sealed.find((r) => r.table === "bookings" && r.column === "note")?.resealed).toBeGreaterThanOrEqual(1);
    const [raw] = rowsOf<{ note: string }>(await getDb().execute(sql`select note from bookings where id = ${booking.id}`));
    expect(raw!.note.startsWith("enc:v1:")).toBe(true);
    expect(raw!.note).not.toContain("Legacy");
    expect((await getBookingDetails({ practiceId }, booking.id)).booking.note).toBe("Legacy: please call first.");
    // Nothing left: a second run seals nothing.
    expect(await sealLegacyPlaintext()).toEqual([]);
  });

  it("a private note never reaches the portal; a shared one reaches both partners", async () => {
    const { practiceId, coachId, booking, sam, alex } = await coupleSession();
    const samScope = await signInToPortal(sam);
    const alexScope = await signInToPortal(alex);
    expect(booking.partnerClientId).toBe(alexScope.clientId);

    const secret = "Private: Alex may be hiding debt.";
    await saveSessionNote(practiceId, coachId, { bookingId: booking.id, visibility: "private", body: secret });
    for (const scope of [samScope, alexScope]) {
      expect(await getSharedSessionNote(scope, booking.id)).toBeNull();
      // Nor through anything else the portal reads.
      expect(JSON.stringify(await getBookingDetails(scope, booking.id))).not.toContain("hiding debt");
      expect(JSON.stringify(await listClientBookings(scope.practiceId, scope.clientId))).not.toContain("hiding debt");
    }

    await saveSessionNote(practiceId, coachId, { bookingId: booking.id, visibility: "shared", body: "Homework: one money talk a week." });
    for (const scope of [samScope, alexScope]) {
      const shared = await getSharedSessionNote(scope, booking.id);
      expect(shared?.body).toBe("Homework: one money talk a week.");
    }
  });

  it("a session that isn't theirs is not found: another practice's coach, another client, a bad id", async () => {
    const { practiceId, coachId, booking } = await coupleSession();
    const other = await coupleSession();
    await saveSessionNote(practiceId, coachId, { bookingId: booking.id, visibility: "shared", body: "Ours." });

    expect(await codeOf(getSessionNotes(other.practiceId, booking.id))).toBe("not_found");
    expect(await codeOf(saveSessionNote(other.practiceId, other.coachId, { bookingId: booking.id, visibility: "private", body: "Theirs" }))).toBe("not_found");
    expect(await codeOf(saveSessionNote(practiceId, coachId, { bookingId: "not-a-uuid", visibility: "private", body: "x" }))).toBe("not_found");
    // The other practice's clients can't read it either.
    const stranger = await signInToPortal(other.sam);
    expect(await codeOf(getSharedSessionNote(stranger, booking.id))).toBe("not_found");
    // And nothing was written by the refused save.
    expect((await rawNotes(booking.id)).map((r) => r.visibility)).toEqual(["shared"]);
    // The database refuses a note filed under another practice than its session's.
    const write = getDb().execute(sql`insert into session_notes (practice_id, booking_id, visibility, body) values (${other.practiceId}, ${booking.id}, 'private', 'x')`);
    const refused = (await write.then(() => null, (e: unknown) => e)) as Error & { cause?: Error };
    // Drizzle wraps the database's error: its message is the cause's.
    expect(`${refused.message} ${refused.cause?.message ?? ""}`).toMatch(/not in the practice/);
    const [row] = await getDb().select({ note: bookings.note }).from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.note).toBe("We keep arguing about money.");
  });

  it("refuses a note that is too long or has no visibility, with field messages", async () => {
    const { practiceId, coachId, booking } = await coupleSession();
    const error = await saveSessionNote(practiceId, coachId, { bookingId: booking.id, visibility: "public" as "shared", body: "x".repeat(20_001) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fieldErrors ?? {}).sort()).toEqual(["body", "visibility"]);
  });
});
