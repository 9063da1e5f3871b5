import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { markBookingPaid } from "@/server/billing/booking-payments";
import { grantCredits, spendCredit } from "@/server/billing/credits";
import { buyPackage } from "@/server/billing/package-checkout";
import { refundPackagePayment } from "@/server/billing/package-refunds";
import { createPackage } from "@/server/billing/packages";
import { cancelPlanAtPeriodEnd, startPlanCheckout } from "@/server/billing/plan-checkout";
import { paidPlanMonths, refundPlanInvoice } from "@/server/billing/plan-refunds";
import { payTestPlanCheckout } from "@/server/billing/plan-test-checkout";
import { createPlan } from "@/server/billing/plans";
import { payTestCheckout } from "@/server/billing/test-checkout";
import { findClientForUser, getClient, linkClientAccounts, listClients, updateClient } from "@/server/clients/clients";
import { deleteClient, describeClientDeletion, requestClientDeletion } from "@/server/clients/deletion";
import { exportClientRecord } from "@/server/clients/record";
import { renderClientRecordHtml } from "@/server/clients/record-html";
import { clientTimeline } from "@/server/clients/timeline";
import { getDb, rowsOf } from "@/server/db/client";
import {
  bookings,
  clientDeletions,
  clients,
  creditLedger,
  emailOutbox,
  homeworkAssignments,
  homeworkCompletions,
  intakeResponses,
  packagePurchases,
  payments,
  planInvoices,
  planSubscriptions,
  refunds,
  sessionNotes,
  users,
} from "@/server/db/schema";
import { assignPractice } from "@/server/homework/assignments";
import { completeOccurrence } from "@/server/homework/completions";
import { listLibrary } from "@/server/homework/library";
import { saveIntakeAnswer } from "@/server/intake/responses";
import { saveSessionNote } from "@/server/notes/notes";
import { createOffering } from "@/server/offerings/offerings";
import { createBooking } from "@/server/scheduling/bookings";
import { createBookablePractice, createCoachWithPractice, createUser, setTestClock } from "../support/factories";
import { failure } from "../support/intake";

const ZONE = "America/Los_Angeles";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

beforeEach(() => setTestClock(at("2027-01-01T08:00")));
let counter = 0;

/** Everything either partner of a couple can leave in a practice, each secret marked with its owner. */
async function couplesPractice() {
  const tag = Math.random().toString(36).slice(2, 8);
  const coach = await createBookablePractice(ZONE, { kind: "relationship", name: "Relationship", slug: "relationship" });
  const { practiceId, coachId } = coach;
  await createOffering(practiceId, { kind: "one_on_one", name: "Solo", slug: "solo", durationMinutes: 60, priceCents: 12000, active: true, paymentCollection: "offline" });
  const samName = `Sam ${tag}`;
  const samPhone = `+1 ${String(Date.now()).slice(-9)}${counter++}`;
  const alexName = `Alex ${tag}`;
  const samEmail = `sam-${tag}@example.test`;
  const alexEmail = `alex-${tag}@example.test`;
  const sam = { name: samName, email: samEmail, timeZone: "America/New_York" };
  const alex = { name: alexName, email: alexEmail, timeZone: ZONE };

  const joint = await createBooking(practiceId, { offering: "relationship", start: at("2027-01-04T10:00"), ...sam, partner: { name: alexName, email: alexEmail }, note: `SAM-BOOKING-NOTE-${tag}` });
  const samSolo = await createBooking(practiceId, { offering: "solo", start: at("2027-01-04T13:00"), ...sam, phone: samPhone });
  const samPaid = await createBooking(practiceId, { offering: "solo", start: at("2027-01-05T10:00"), ...sam });
  const alexSolo = await createBooking(practiceId, { offering: "solo", start: at("2027-01-05T13:00"), ...alex, note: `ALEX-BOOKING-NOTE-${tag}` });
  const samId = joint.clientId;
  const alexId = joint.partnerClientId!;
  const samScope = { practiceId, clientId: samId };
  const alexScope = { practiceId, clientId: alexId };

  await markBookingPaid(practiceId, samPaid.id);
  const [payment] = await getDb().select().from(payments).where(eq(payments.bookingId, samPaid.id));
  await getDb()
    .insert(refunds)
    .values({ practiceId, paymentId: payment!.id, cause: "coach", amountCents: 2000, reason: `SAM-REFUND-REASON-${tag}`, idempotencyKey: `refund:${tag}`, status: "succeeded", confirmedAt: at("2027-01-05T12:00") });

  const responses = await getDb().select().from(intakeResponses).where(eq(intakeResponses.bookingId, joint.id));
  const samResponse = responses.find((r) => r.clientId === samId)!;
  const alexResponse = responses.find((r) => r.clientId === alexId)!;
  await saveIntakeAnswer(samScope, samResponse.id, "start_why", `SAM-INTAKE-ANSWER-${tag}`);
  await saveIntakeAnswer(alexScope, alexResponse.id, "start_why", `ALEX-INTAKE-ANSWER-${tag}`);

  await saveSessionNote(practiceId, coachId, { bookingId: joint.id, visibility: "private", body: `JOINT-PRIVATE-NOTE-${tag}` });
  await saveSessionNote(practiceId, coachId, { bookingId: joint.id, visibility: "shared", body: `JOINT-SHARED-NOTE-${tag}` });
  await saveSessionNote(practiceId, coachId, { bookingId: samSolo.id, visibility: "private", body: `SAM-SOLO-PRIVATE-NOTE-${tag}` });
  await saveSessionNote(practiceId, coachId, { bookingId: samPaid.id, visibility: "shared", body: `SAM-PAID-SHARED-NOTE-${tag}` });
  await saveSessionNote(practiceId, coachId, { bookingId: alexSolo.id, visibility: "private", body: `ALEX-SOLO-PRIVATE-NOTE-${tag}` });

  setTestClock(at("2027-01-06T08:00"));
  const library = await listLibrary(practiceId);
  const practice = (key: string) => library.find((p) => p.frameworkKey === key)!;
  const daily = { cadenceKind: "daily" as const, startDate: "2027-01-05" };
  const [shared] = await assignPractice(practiceId, coach.user.id, { clientId: samId, assignTo: "shared", libraryPracticeId: practice("date-night").id, ...daily });
  const [samOwn] = await assignPractice(practiceId, coach.user.id, { clientId: samId, libraryPracticeId: practice("daily-check-in").id, ...daily });
  const [alexOwn] = await assignPractice(practiceId, coach.user.id, { clientId: alexId, libraryPracticeId: practice("daily-check-in").id, ...daily });
  await completeOccurrence(samScope, { assignmentId: shared!.id, occurrenceDate: "2027-01-05", reflection: `SAM-SHARED-REFLECTION-${tag}`, rating: 4 });
  await completeOccurrence(samScope, { assignmentId: samOwn!.id, occurrenceDate: "2027-01-06", reflection: `SAM-OWN-REFLECTION-${tag}`, rating: 3 });
  await completeOccurrence(alexScope, { assignmentId: shared!.id, occurrenceDate: "2027-01-06", reflection: `ALEX-SHARED-REFLECTION-${tag}`, rating: 5 });
  await completeOccurrence(alexScope, { assignmentId: alexOwn!.id, occurrenceDate: "2027-01-06", reflection: `ALEX-OWN-REFLECTION-${tag}` });

  // A joint session still to come.
  const upcoming = await createBooking(practiceId, { offering: "relationship", start: at("2027-01-11T10:00"), ...sam, partner: { name: alexName, email: alexEmail } });
  // The first emails went out.
  await getDb()
    .update(emailOutbox)
    .set({ status: "sent", sentAt: at("2027-01-02T09:00") })
    .where(and(eq(emailOutbox.practiceId, practiceId), eq(emailOutbox.template, "booking-confirmed")));

  return { ...coach, tag, samPhone, samName, alexName, samEmail, alexEmail, samId, alexId, samScope, alexScope, joint, samSolo, samPaid, alexSolo, upcoming, shared: shared!, samOwn: samOwn!, alexOwn: alexOwn!, samResponse, alexResponse };
}

const SAM_SECRETS = ["SAM-BOOKING-NOTE", "SAM-INTAKE-ANSWER", "SAM-SOLO-PRIVATE-NOTE", "SAM-PAID-SHARED-NOTE", "SAM-SHARED-REFLECTION", "SAM-OWN-REFLECTION", "SAM-REFUND-REASON"];
const ALEX_SECRETS = ["ALEX-BOOKING-NOTE", "ALEX-INTAKE-ANSWER", "ALEX-SOLO-PRIVATE-NOTE", "ALEX-SHARED-REFLECTION", "ALEX-OWN-REFLECTION"];
/** Every test file shares one database: a scenario's own secrets carry its tag. */
const tagged = (secrets: string[], tag: string) => secrets.map((x) => `${x}-${tag}`);

describe("the client timeline", () => {
  it("puts the whole record on one timeline, newest first, each shared item once", async () => {
    const s = await couplesPractice();
    const { items, older } = await clientTimeline(s.practiceId, s.samId);
    expect(older).toBeNull();
    const times = items.map((i) => i.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const sessions = items.filter((i) => i.kind === "session");
    expect(sessions.map((i) => i.bookingId).sort()).toEqual([s.joint.id, s.samSolo.id, s.samPaid.id, s.upcoming.id].sort());
    const joint = sessions.find((i) => i.bookingId === s.joint.id)!;
    expect(joint.with).toEqual({ id: s.alexId, name: s.alexName });
    expect(joint.notes).toEqual({ shared: `JOINT-SHARED-NOTE-${s.tag}`, private: `JOINT-PRIVATE-NOTE-${s.tag}` });
    expect(sessions.find((i) => i.bookingId === s.samSolo.id)!.notes.private).toBe(`SAM-SOLO-PRIVATE-NOTE-${s.tag}`);

    const kinds = new Set(items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(["email", "homework", "intake", "payment", "reflection", "refund", "session"]);
    expect(items.filter((i) => i.kind === "homework").map((i) => [i.assignmentId, i.kind === "homework" && i.with?.name]).sort()).toEqual(
      [[s.shared.id, s.alexName], [s.samOwn.id, undefined]].sort(),
    );
    // Only Sam's own entries: Alex's reflection on the shared practice is on Alex's timeline.
    expect(items.filter((i) => i.kind === "reflection").map((i) => i.kind === "reflection" && i.excerpt).sort()).toEqual([`SAM-OWN-REFLECTION-${s.tag}`, `SAM-SHARED-REFLECTION-${s.tag}`]);
    expect(items.find((i) => i.kind === "payment")).toMatchObject({ for: { kind: "session", bookingId: s.samPaid.id, offeringName: "Solo" }, amountCents: 12000, currency: "USD" });
    expect(items.find((i) => i.kind === "refund")).toMatchObject({ for: { kind: "session", bookingId: s.samPaid.id }, amountCents: 2000 });
    const emails = items.filter((i) => i.kind === "email");
    expect(emails.length).toBeGreaterThanOrEqual(3);
    for (const email of emails) {
      expect(email.template).toBe("booking-confirmed");
      expect(email.subject).toMatch(/\w/);
      expect(JSON.stringify(email)).not.toContain("manage");
    }
    const intake = items.find((i) => i.kind === "intake" && i.responseId === s.samResponse.id)!;
    expect(intake).toMatchObject({ responseId: s.samResponse.id, status: "in_progress" });

    // Alex: the joint session once, Alex's own items, none of Sam's.
    const alex = await clientTimeline(s.practiceId, s.alexId);
    const alexSessions = alex.items.filter((i) => i.kind === "session").map((i) => i.bookingId);
    expect(alexSessions.sort()).toEqual([s.joint.id, s.alexSolo.id, s.upcoming.id].sort());
    expect(alex.items.filter((i) => i.kind === "homework").map((i) => i.kind === "homework" && i.assignmentId).sort()).toEqual([s.shared.id, s.alexOwn.id].sort());
    expect(JSON.stringify(alex.items)).not.toMatch(/SAM-(SHARED|OWN)-REFLECTION|SAM-SOLO/);
    expect(alex.items.some((i) => i.kind === "payment")).toBe(false);
  });

  it("pages through older entries with no entry twice or lost, and ignores a garbled cursor", async () => {
    const s = await couplesPractice();
    const all = (await clientTimeline(s.practiceId, s.samId, { limit: 100 })).items.map((i) => i.key);
    const seen: string[] = [];
    let before: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const page = await clientTimeline(s.practiceId, s.samId, { limit: 3, before });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.key));
      if (!page.older) break;
      before = page.older;
    }
    expect(seen).toEqual(all);
    expect((await clientTimeline(s.practiceId, s.samId, { before: "not a cursor" })).items.map((i) => i.key)).toEqual(all.slice(0, 30));
  });
});

describe("the export", () => {
  it("holds the coach's whole record of one partner, opened, and none of the other partner's private data", async () => {
    const s = await couplesPractice();
    const record = await exportClientRecord(s.samScope, "coach");
    const text = JSON.stringify(record);
    for (const secret of tagged(SAM_SECRETS, s.tag).filter((x) => x !== `SAM-REFUND-REASON-${s.tag}`)) expect(text, secret).toContain(secret);
    expect(text).toContain(`JOINT-PRIVATE-NOTE-${s.tag}`);
    expect(text).toContain(`JOINT-SHARED-NOTE-${s.tag}`);
    for (const secret of tagged(ALEX_SECRETS, s.tag)) expect(text, secret).not.toContain(secret);
    expect(text).not.toContain("enc:v1:");

    expect(record.client).toMatchObject({ name: s.samName, email: s.samEmail, phone: null, timeZone: "America/New_York" });
    expect(record.partner).toEqual({ name: s.alexName });
    expect(record.emailPreferences).toEqual({ homeworkEmail: "daily" });
    const intake = record.intakes.find((i) => i.id === s.samResponse.id)!;
    expect(intake.questions.find((q) => q.id === "start_why")).toMatchObject({ prompt: "In your own words, what made you look for coaching now?", answer: `SAM-INTAKE-ANSWER-${s.tag}` });
    expect(record.sessions.find((x) => x.id === s.joint.id)).toMatchObject({ role: "booker", withPartner: s.alexName, noteToCoach: `SAM-BOOKING-NOTE-${s.tag}` });
    expect(record.homework.find((h) => h.id === s.shared.id)!.entries.map((e) => e.reflection)).toEqual([`SAM-SHARED-REFLECTION-${s.tag}`]);
    expect(record.payments).toHaveLength(1);
    expect(record.payments[0]).toMatchObject({ amountCents: 12000, refunds: [expect.objectContaining({ amountCents: 2000 })] });
    expect(record.emails.length).toBeGreaterThan(0);
    expect(Object.keys(record.emails[0]!).sort()).toEqual(["queuedAt", "sentAt", "status", "subject", "template"]);

    // The other side: Alex's export has the joint session but not the booker's note, nor Sam's answers.
    const alexText = JSON.stringify(await exportClientRecord(s.alexScope, "coach"));
    for (const secret of tagged(ALEX_SECRETS, s.tag)) expect(alexText, secret).toContain(secret);
    for (const secret of tagged(SAM_SECRETS, s.tag)) expect(alexText, secret).not.toContain(secret);
    expect(alexText).toContain(`JOINT-SHARED-NOTE-${s.tag}`);
    expect(alexText).not.toContain(s.samEmail);
  });

  it("the client's own copy leaves out the coach's private notes", async () => {
    const s = await couplesPractice();
    const text = JSON.stringify(await exportClientRecord(s.samScope, "client"));
    expect(text).toContain(`JOINT-SHARED-NOTE-${s.tag}`);
    expect(text).toContain(`SAM-PAID-SHARED-NOTE-${s.tag}`);
    expect(text).toContain(`SAM-INTAKE-ANSWER-${s.tag}`);
    expect(text).not.toContain("PRIVATE-NOTE");
    for (const secret of tagged(ALEX_SECRETS, s.tag)) expect(text, secret).not.toContain(secret);
  });

  it("reads as a standalone page with everything escaped", async () => {
    const s = await couplesPractice();
    await saveSessionNote(s.practiceId, s.coachId, { bookingId: s.samSolo.id, visibility: "shared", body: "<script>alert(1)</script> & more" });
    const html = renderClientRecordHtml(await exportClientRecord(s.samScope, "coach"));
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(html).toContain(`SAM-INTAKE-ANSWER-${s.tag}`);
    expect(html).toContain("In your own words, what made you look for coaching now?");
    expect(html).not.toMatch(/<link|src=/);
    for (const secret of tagged(ALEX_SECRETS, s.tag)) expect(html, secret).not.toContain(secret);
  });
});

/** Every row of every table in the public schema, as text. */
async function everyRowAsText() {
  const tables = rowsOf<{ tablename: string }>(await getDb().execute(sql`select tablename from pg_tables where schemaname = 'public'`)).map((t) => t.tablename);
  let text = "";
  for (const table of tables) {
    const rows = rowsOf<{ row: string }>(await getDb().execute(sql`select t::text as row from ${sql.identifier(table)} t`));
    text += rows.map((r) => `${table}: ${r.row}`).join("\n") + "\n";
  }
  return text;
}

describe("deleting a client", () => {
  it("removes what they wrote and their details, keeps payments and the partner's joint record, and records it", async () => {
    const s = await couplesPractice();
    const user = await createUser(s.samEmail);
    await linkClientAccounts(user.id, s.samEmail);
    const preview = await describeClientDeletion(s.practiceId, s.samId);
    expect(preview).toMatchObject({ name: s.samName, partner: { id: s.alexId, name: s.alexName }, jointSessions: 2, upcomingSessions: 1, upcomingPaid: 0 });
    const outboxBefore = (await getDb().select().from(emailOutbox)).length;

    const record = await deleteClient(s.practiceId, s.user.id, s.samId);

    // Nothing of Sam in plain text anywhere: not the secrets, not the email address, not the name.
    const dump = await everyRowAsText();
    for (const secret of tagged(SAM_SECRETS, s.tag)) expect(dump, secret).not.toContain(secret);
    expect(dump.toLowerCase().split("\n").filter((line) => line.includes(s.samEmail.toLowerCase()))).toEqual([]);
    expect(dump).not.toMatch(new RegExp(s.samName));
    expect(dump).not.toContain(s.samPhone);
    // Nor sealed: every sealed value left, opened, is someone else's.
    const sealedLeft = [
      ...(await getDb().select({ body: sessionNotes.body }).from(sessionNotes).where(eq(sessionNotes.practiceId, s.practiceId))).map((n) => n.body),
      ...(await getDb().select({ a: intakeResponses.answers }).from(intakeResponses).where(eq(intakeResponses.practiceId, s.practiceId))).map((r) => JSON.stringify(r.a)),
      ...(await getDb().select({ r: homeworkCompletions.reflection }).from(homeworkCompletions).where(eq(homeworkCompletions.practiceId, s.practiceId))).map((c) => c.r ?? ""),
      ...(await getDb().select({ n: bookings.note }).from(bookings).where(eq(bookings.practiceId, s.practiceId))).map((b) => b.n ?? ""),
    ].join("\n");
    for (const secret of tagged(SAM_SECRETS, s.tag)) expect(sealedLeft, secret).not.toContain(secret);
    expect(await getDb().select().from(intakeResponses).where(eq(intakeResponses.clientId, s.samId))).toEqual([]);
    expect(await getDb().select().from(homeworkCompletions).where(eq(homeworkCompletions.completedBy, s.samId))).toEqual([]);

    // The tombstone: no contact details, no account, no partner; gone from lists and lookups.
    const [tombstone] = await getDb().select().from(clients).where(eq(clients.id, s.samId));
    expect(tombstone).toMatchObject({ name: "Deleted client", phone: null, userId: null, partnerId: null, status: "archived" });
    expect(tombstone!.email).toMatch(/@deleted\.invalid$/);
    expect(tombstone!.deletedAt).toBeInstanceOf(Date);
    expect((await failure(getClient(s.practiceId, s.samId))).code).toBe("not_found");
    expect((await listClients(s.practiceId, { includeArchived: true })).map((c) => c.id)).toEqual([s.alexId]);
    expect(await getDb().select().from(users).where(eq(users.id, user.id))).toEqual([]);

    // Accounting keeps its rows: the paid session, its payment and refund (reason cleared).
    const [paid] = await getDb().select().from(bookings).where(eq(bookings.id, s.samPaid.id));
    expect(paid).toMatchObject({ bookerName: "Deleted client", bookerPhone: null, clientId: s.samId });
    const [payment] = await getDb().select().from(payments).where(eq(payments.bookingId, s.samPaid.id));
    expect(payment).toMatchObject({ amountCents: 12000, refundedCents: 0 });
    const [refund] = await getDb().select().from(refunds).where(eq(refunds.paymentId, payment!.id));
    expect(refund).toMatchObject({ amountCents: 2000, reason: null, status: "succeeded" });
    // Sam's unpaid solo session went, with its note.
    expect(await getDb().select().from(bookings).where(eq(bookings.id, s.samSolo.id))).toEqual([]);
    expect(await getDb().select().from(sessionNotes).where(eq(sessionNotes.bookingId, s.samPaid.id))).toEqual([]);

    // Alex keeps the joint session with both notes, their own answers, reflections and the shared practice.
    const jointNotes = await getDb().select({ visibility: sessionNotes.visibility, body: sessionNotes.body }).from(sessionNotes).where(eq(sessionNotes.bookingId, s.joint.id));
    expect(jointNotes.map((n) => n.body).sort()).toEqual([`JOINT-PRIVATE-NOTE-${s.tag}`, `JOINT-SHARED-NOTE-${s.tag}`]);
    const [jointRow] = await getDb().select().from(bookings).where(eq(bookings.id, s.joint.id));
    expect(jointRow).toMatchObject({ bookerName: "Deleted client", note: null, partnerClientId: s.alexId, partnerName: s.alexName });
    const alexRecord = await exportClientRecord(s.alexScope, "coach");
    expect(alexRecord.partner).toBeNull();
    expect(JSON.stringify(alexRecord)).toContain(`ALEX-INTAKE-ANSWER-${s.tag}`);
    expect(alexRecord.homework.find((h) => h.id === s.shared.id)).toMatchObject({ sharedWithPartner: false, entries: [expect.objectContaining({ reflection: `ALEX-SHARED-REFLECTION-${s.tag}` })] });
    const [sharedRow] = await getDb().select().from(homeworkAssignments).where(eq(homeworkAssignments.id, s.shared.id));
    expect(sharedRow).toMatchObject({ clientId: s.alexId, partnerClientId: null });
    const alexTimeline = await clientTimeline(s.practiceId, s.alexId);
    expect(alexTimeline.items.filter((i) => i.kind === "session" && i.bookingId === s.joint.id)).toHaveLength(1);

    // The upcoming joint session is canceled, and nobody was emailed about it.
    const [upcoming] = await getDb().select().from(bookings).where(eq(bookings.id, s.upcoming.id));
    expect(upcoming).toMatchObject({ status: "canceled", canceledBy: "coach" });
    expect((await getDb().select().from(emailOutbox)).length).toBe(outboxBefore);
    expect(await getDb().select().from(emailOutbox).where(and(eq(emailOutbox.topic, `booking:${s.upcoming.id}`), eq(emailOutbox.status, "pending")))).toEqual([]);

    // The record of it: who, when, counts; nothing personal.
    const [row] = await getDb().select().from(clientDeletions).where(eq(clientDeletions.id, record.id));
    expect(row).toMatchObject({ practiceId: s.practiceId, clientId: s.samId, deletedBy: s.user.id, requestedAt: null });
    expect(row!.counts).toMatchObject({ intakeResponsesDeleted: 2, reflectionsDeleted: 2, sessionsDeleted: 1, sessionsKeptForPayments: 1, jointSessionsKept: 2, upcomingSessionsCanceled: 1, homeworkDeleted: 1, sharedHomeworkKept: 1 });
    expect(Object.values(row!.counts).every((n) => typeof n === "number")).toBe(true);

    // Booking again with the real address makes a new record; the placeholder address takes no booking.
    const fresh = await createBooking(s.practiceId, { offering: "solo", start: at("2027-01-13T10:00"), name: s.samName, email: s.samEmail, timeZone: ZONE });
    expect(fresh.clientId).not.toBe(s.samId);
    expect((await failure(createBooking(s.practiceId, { offering: "solo", start: at("2027-01-13T13:00"), name: "X", email: tombstone!.email, timeZone: ZONE }))).code).toBe("invalid");

    // Deleting twice is "not found"; so is everything else about the deleted client.
    expect((await failure(deleteClient(s.practiceId, s.user.id, s.samId))).code).toBe("not_found");
    expect((await failure(clientTimeline(s.practiceId, s.samId))).code).toBe("not_found");
    expect((await failure(exportClientRecord(s.samScope, "coach"))).code).toBe("not_found");
  });

  it("then deleting the other partner leaves nothing of the couple but the accounts", async () => {
    const s = await couplesPractice();
    await deleteClient(s.practiceId, s.user.id, s.samId);
    await deleteClient(s.practiceId, s.user.id, s.alexId);
    const dump = await everyRowAsText();
    for (const secret of [...tagged(SAM_SECRETS, s.tag), ...tagged(ALEX_SECRETS, s.tag), `JOINT-PRIVATE-NOTE-${s.tag}`, `JOINT-SHARED-NOTE-${s.tag}`]) expect(dump, secret).not.toContain(secret);
    expect(await getDb().select().from(sessionNotes).where(eq(sessionNotes.practiceId, s.practiceId))).toEqual([]);
    expect(await getDb().select().from(payments).where(eq(payments.practiceId, s.practiceId))).toHaveLength(1);
  });

  it("keeps a session paid with a credit, with the ledger as it was", async () => {
    const s = await couplesPractice();
    const [solo] = await getDb().select({ offeringId: bookings.offeringId }).from(bookings).where(eq(bookings.id, s.samSolo.id));
    await getDb().transaction(async (tx) => {
      await grantCredits(tx, {
        practiceId: s.practiceId,
        clientId: s.samId,
        kind: "package",
        sourceKey: `package:${s.tag}`,
        label: "Package of 3",
        offeringIds: [solo!.offeringId],
        quantity: 3,
        validFrom: at("2026-12-01T00:00"),
        expiresAt: at("2027-12-01T00:00"),
      });
      await spendCredit(tx, { practiceId: s.practiceId, clientId: s.samId, offeringId: solo!.offeringId, bookingId: s.samSolo.id, at: at("2027-01-03T00:00") });
    });
    const ledgerBefore = await getDb().select().from(creditLedger).where(eq(creditLedger.clientId, s.samId));
    await deleteClient(s.practiceId, s.user.id, s.samId);
    const [kept] = await getDb().select().from(bookings).where(eq(bookings.id, s.samSolo.id));
    expect(kept).toMatchObject({ bookerName: "Deleted client", bookerPhone: null });
    expect(await getDb().select().from(creditLedger).where(eq(creditLedger.clientId, s.samId))).toEqual(ledgerBefore);
    expect(await getDb().select().from(sessionNotes).where(eq(sessionNotes.bookingId, s.samSolo.id))).toEqual([]);
  });

  it("refuses while an upcoming session is paid, and changes nothing", async () => {
    const s = await couplesPractice();
    const paidLater = await createBooking(s.practiceId, { offering: "solo", start: at("2027-01-12T10:00"), name: s.samName, email: s.samEmail, timeZone: ZONE });
    await markBookingPaid(s.practiceId, paidLater.id);
    expect((await describeClientDeletion(s.practiceId, s.samId)).upcomingPaid).toBe(1);
    expect((await failure(deleteClient(s.practiceId, s.user.id, s.samId))).code).toBe("conflict");
    expect((await getClient(s.practiceId, s.samId)).name).toBe(s.samName);
    expect(await getDb().select().from(intakeResponses).where(eq(intakeResponses.clientId, s.samId))).not.toEqual([]);
    expect(await getDb().select().from(clientDeletions).where(eq(clientDeletions.practiceId, s.practiceId))).toEqual([]);
  });
});

/**
 * Sam's money beyond sessions, through the laptop's test checkout (no Stripe keys): a package of
 * 3 Solo sessions bought on its own and a month of a plan, each refunded in part by the coach with
 * a reason that is Sam's secret.
 */
async function withPackageAndPlan(s: Awaited<ReturnType<typeof couplesPractice>>) {
  const [solo] = await getDb().select({ offeringId: bookings.offeringId }).from(bookings).where(eq(bookings.id, s.samSolo.id));
  const pkg = await createPackage(s.practiceId, { name: `Solo package ${s.tag}`, offeringIds: [solo!.offeringId], sessions: 3, price: "300", validDays: 90 });
  await buyPackage(s.practiceId, s.samId, pkg.id);
  const [purchase] = await getDb().select().from(packagePurchases).where(eq(packagePurchases.clientId, s.samId));
  const [packagePayment] = await getDb().select().from(payments).where(eq(payments.packagePurchaseId, purchase!.id));
  await payTestCheckout(packagePayment!.checkoutSessionId!);
  await refundPackagePayment(s.practiceId, packagePayment!.id, { amountCents: 5000, reason: `SAM-PACKAGE-REFUND-REASON-${s.tag}` });

  const plan = await createPlan(s.practiceId, { name: `Solo plan ${s.tag}`, offeringIds: [solo!.offeringId], sessionsPerPeriod: 2, priceCents: 20000, currency: "USD" });
  const url = await startPlanCheckout(s.practiceId, s.samId, plan.id);
  await payTestPlanCheckout(url.split("/").at(-1)!);
  const [month] = await paidPlanMonths(s.practiceId, s.samId);
  await refundPlanInvoice(s.practiceId, month!.id, { amountCents: 7500, reason: `SAM-PLAN-REFUND-REASON-${s.tag}` });
  const [subscription] = await getDb().select().from(planSubscriptions).where(eq(planSubscriptions.clientId, s.samId));
  return { pkg, plan, purchase: purchase!, packagePayment: packagePayment!, month: month!, subscription: subscription! };
}

const MONEY_SECRETS = ["SAM-PACKAGE-REFUND-REASON", "SAM-PLAN-REFUND-REASON"];

describe("package and plan money on the record", () => {
  it("the export, its page and the timeline list a package bought and a plan month, each with its refund; the partner's have none", async () => {
    const s = await couplesPractice();
    const m = await withPackageAndPlan(s);

    const record = await exportClientRecord(s.samScope, "coach");
    // Sessions' payments keep their shape: only the paid session, as before.
    expect(record.payments.map((p) => p.bookingId)).toEqual([s.samPaid.id]);
    expect(record.packages).toEqual([
      expect.objectContaining({
        id: m.packagePayment.id,
        purchaseId: m.purchase.id,
        package: m.pkg.name,
        amountCents: 30000,
        currency: "USD",
        status: "partially_refunded",
        refundedCents: 5000,
        paidAt: expect.any(Date),
        refunds: [expect.objectContaining({ amountCents: 5000, status: "succeeded", cause: "coach", reason: `SAM-PACKAGE-REFUND-REASON-${s.tag}` })],
      }),
    ]);
    expect(record.planMonths).toEqual([
      expect.objectContaining({
        id: m.month.id,
        plan: m.plan.name,
        periodStart: m.month.periodStart,
        periodEnd: m.month.periodEnd,
        state: "paid",
        amountCents: 20000,
        refundedCents: 7500,
        paidAt: expect.any(Date),
        refunds: [expect.objectContaining({ amountCents: 7500, status: "succeeded", reason: `SAM-PLAN-REFUND-REASON-${s.tag}` })],
      }),
    ]);
    // The client's own copy has them too.
    const own = await exportClientRecord(s.samScope, "client");
    expect([own.packages.length, own.planMonths.length]).toEqual([1, 1]);

    const html = renderClientRecordHtml(record);
    expect(html).toContain(`<td>${m.pkg.name}</td><td>$300</td>`);
    expect(html).toMatch(new RegExp(`<td>${m.plan.name}, [^<]+ to [^<]+</td><td>\\$200</td><td>\\$75</td>`));
    expect(html).toContain("$50 (succeeded,");

    const { items } = await clientTimeline(s.practiceId, s.samId, { limit: 100 });
    const money = items.filter((i) => i.kind === "payment" || i.kind === "refund").map((i) => [i.kind, i.for.kind, i.amountCents]);
    expect(money.sort()).toEqual(
      [
        ["payment", "session", 12000],
        ["refund", "session", 2000],
        ["payment", "package", 30000],
        ["refund", "package", 5000],
        ["payment", "plan", 20000],
        ["refund", "plan", 7500],
      ].sort(),
    );
    expect(items.find((i) => i.kind === "payment" && i.for.kind === "package")).toMatchObject({
      key: `payment:${m.packagePayment.id}`,
      for: { purchaseId: m.purchase.id, packageName: m.pkg.name },
      status: "partially_refunded",
    });
    expect(items.find((i) => i.kind === "payment" && i.for.kind === "plan")).toMatchObject({
      key: `plan-invoice:${m.month.id}`,
      for: { planInvoiceId: m.month.id, planName: m.plan.name, periodStart: m.month.periodStart },
      currency: "USD",
      status: "partially_refunded",
    });
    expect(items.find((i) => i.kind === "refund" && i.for.kind === "plan")).toMatchObject({ currency: "USD", status: "succeeded", for: { planName: m.plan.name } });

    // Alex (Sam's partner) sees none of Sam's package or plan money.
    const alex = await exportClientRecord(s.alexScope, "coach");
    expect([alex.payments, alex.packages, alex.planMonths]).toEqual([[], [], []]);
    for (const secret of tagged(MONEY_SECRETS, s.tag)) expect(JSON.stringify(alex), secret).not.toContain(secret);
    const alexItems = (await clientTimeline(s.practiceId, s.alexId, { limit: 100 })).items;
    expect(alexItems.filter((i) => i.kind === "payment" || i.kind === "refund")).toEqual([]);
  });

  it("deleting waits for the plan to stop renewing; then no refund reason survives, and the money stays", async () => {
    const s = await couplesPractice();
    const m = await withPackageAndPlan(s);
    expect((await describeClientDeletion(s.practiceId, s.samId)).renewingPlan).toBe(true);
    expect((await failure(deleteClient(s.practiceId, s.user.id, s.samId))).code).toBe("conflict");
    expect((await getClient(s.practiceId, s.samId)).name).toBe(s.samName);

    await cancelPlanAtPeriodEnd(s.practiceId, m.subscription.id);
    expect((await describeClientDeletion(s.practiceId, s.samId)).renewingPlan).toBe(false);
    // Sam's address changed after the refund emails went: those are found by what they are about
    // (the purchase, the plan), not only by the address they went to.
    await updateClient(s.practiceId, s.samId, { name: s.samName, email: `sam-new-${s.tag}@example.test`, timeZone: "America/New_York" });
    const refundMails = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, s.practiceId), eq(emailOutbox.recipient, s.samEmail), sql`${emailOutbox.template} in ('plan-refunded', 'payment-refunded')`));
    expect(refundMails.map((e) => e.template).sort()).toEqual(["payment-refunded", "plan-refunded"]);
    await deleteClient(s.practiceId, s.user.id, s.samId);
    for (const mail of refundMails) expect((await getDb().select().from(emailOutbox).where(eq(emailOutbox.id, mail.id)))[0]!.data, mail.template).toEqual({});

    const dump = await everyRowAsText();
    for (const secret of tagged([...SAM_SECRETS, ...MONEY_SECRETS], s.tag)) expect(dump, secret).not.toContain(secret);
    expect(dump).not.toMatch(new RegExp(s.samName));
    expect(await getDb().select({ reason: refunds.reason, amountCents: refunds.amountCents }).from(refunds).where(eq(refunds.practiceId, s.practiceId))).toEqual(
      expect.arrayContaining([
        { reason: null, amountCents: 2000 },
        { reason: null, amountCents: 5000 },
        { reason: null, amountCents: 7500 },
      ]),
    );
    // The books keep the sale and the month, under the tombstone.
    expect((await getDb().select().from(payments).where(eq(payments.id, m.packagePayment.id)))[0]).toMatchObject({ amountCents: 30000, refundedCents: 5000 });
    expect((await getDb().select().from(planInvoices).where(eq(planInvoices.id, m.month.id)))[0]).toMatchObject({ clientId: s.samId, amountCents: 20000, refundedCents: 7500 });
  });
});

describe("a client's requests from the portal", () => {
  it("asking to delete is kept on the record and emails the coach once; the deletion records that it was asked", async () => {
    const s = await couplesPractice();
    const user = await createUser(s.samEmail);
    await linkClientAccounts(user.id, s.samEmail);
    const found = await findClientForUser(user.id);
    const scope = { practiceId: found!.practice.id, clientId: found!.client.id };
    expect(scope).toEqual(s.samScope);

    const first = await requestClientDeletion(scope);
    setTestClock(at("2027-01-07T08:00"));
    const again = await requestClientDeletion(scope);
    expect(again.requestedAt).toEqual(first.requestedAt);
    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, "deletion-requested"));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ practiceId: s.practiceId, recipient: s.user.email });
    expect(mail[0]!.data).toMatchObject({ clientName: s.samName, clientUrl: expect.stringMatching(new RegExp(`/coach/clients/${s.samId}$`)) });
    expect((await describeClientDeletion(s.practiceId, s.samId)).requestedAt).toEqual(first.requestedAt);
    // Only Sam's flag: Alex's record doesn't carry it.
    expect((await getClient(s.practiceId, s.alexId)).deletionRequestedAt).toBeNull();

    // "Download my data" is the signed-in client's own copy.
    const own = JSON.stringify(await exportClientRecord(scope, "client"));
    expect(own).toContain(`SAM-INTAKE-ANSWER-${s.tag}`);
    for (const secret of tagged(ALEX_SECRETS, s.tag)) expect(own, secret).not.toContain(secret);

    await deleteClient(s.practiceId, s.user.id, s.samId);
    const [row] = await getDb().select().from(clientDeletions).where(eq(clientDeletions.clientId, s.samId));
    expect(row!.requestedAt).toEqual(first.requestedAt);
    expect(await findClientForUser(user.id)).toBeNull();
    // The coach's copy of the request names Sam; it is about what was deleted, so it loses its data too.
    const [after] = await getDb().select().from(emailOutbox).where(eq(emailOutbox.id, mail[0]!.id));
    expect(JSON.stringify(after!.data)).not.toContain(s.samName);
  });
});

describe("another practice", () => {
  it("gets not found for every client-record function, with foreign and malformed ids", async () => {
    const s = await couplesPractice();
    const other = await createCoachWithPractice();
    for (const id of [s.samId, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const scope = { practiceId: other.practiceId, clientId: id };
      expect((await failure(clientTimeline(other.practiceId, id))).code).toBe("not_found");
      expect((await failure(exportClientRecord(scope, "coach"))).code).toBe("not_found");
      expect((await failure(exportClientRecord(scope, "client"))).code).toBe("not_found");
      expect((await failure(describeClientDeletion(other.practiceId, id))).code).toBe("not_found");
      expect((await failure(deleteClient(other.practiceId, other.user.id, id))).code).toBe("not_found");
      expect((await failure(requestClientDeletion(scope))).code).toBe("not_found");
    }
    expect((await getClient(s.practiceId, s.samId)).deletionRequestedAt).toBeNull();
    expect(await getDb().select().from(clientDeletions).where(eq(clientDeletions.practiceId, other.practiceId))).toEqual([]);
  });
});
