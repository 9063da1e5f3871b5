import { eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { createClient, setClientPartner } from "@/server/clients/clients";
import { getDb, rowsOf } from "@/server/db/client";
import { homeworkCompletions } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assignPractice, endAssignment, pauseAssignment, resumeAssignment } from "@/server/homework/assignments";
import { completeOccurrence, undoCompletion } from "@/server/homework/completions";
import { createLibraryPractice, listLibrary, setLibraryPracticeRetired, updateLibraryPractice } from "@/server/homework/library";
import { getClientAdherence, getClientWeek, listRecentReflections } from "@/server/homework/queries";
import type { AssignmentInput } from "@/server/homework/schemas";
import { createBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { createBookablePractice, createCoachWithPractice, setTestClock } from "../support/factories";
import { onPostgresServer } from "../support/postgres-server";

const LA = "America/Los_Angeles";
const KOLKATA = "Asia/Kolkata";
const at = (iso: string, zone = LA) => DateTime.fromISO(iso, { zone }).toJSDate();

// Wednesday 2026-03-11, 10:00 in Los Angeles (the week of Monday the 9th, just after the DST change).
beforeEach(() => setTestClock(at("2026-03-11T10:00")));

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function setup(timeZone = LA) {
  const coach = await createCoachWithPractice({ timeZone: LA });
  const library = await listLibrary(coach.practiceId);
  const byKey = (key: string) => library.find((p) => p.frameworkKey === key)!;
  const client = await createClient(coach.practiceId, { name: "Sam", email: `sam-${Math.random()}@x.test`, timeZone });
  const scope = { practiceId: coach.practiceId, clientId: client.id };
  const assign = async (key: string, input: Partial<AssignmentInput> = {}) => {
    const p = byKey(key);
    const [row] = await assignPractice(coach.practiceId, coach.user.id, {
      clientId: client.id,
      libraryPracticeId: p.id,
      cadenceKind: p.cadenceKind,
      timesPerWeek: p.timesPerWeek ?? undefined,
      startDate: "2026-03-09",
      ...input,
    });
    return row!;
  };
  return { ...coach, library, byKey, client, scope, assign };
}

async function couple() {
  const s = await setup();
  const partner = await createClient(s.practiceId, { name: "Alex", email: `alex-${Math.random()}@x.test`, timeZone: LA });
  await setClientPartner(s.practiceId, s.client.id, partner.id);
  return { ...s, partner, partnerScope: { practiceId: s.practiceId, clientId: partner.id } };
}

describe("the library", () => {
  it("every new practice starts with the framework's twelve, in Tend's words", async () => {
    const { library } = await setup();
    expect(library).toHaveLength(12);
    expect(library.map((p) => p.title)).toContain("Daily check-in ritual");
    for (const p of library) expect(p.reflectionPrompt.length).toBeGreaterThan(10);
    expect(library.find((p) => p.frameworkKey === "physical-intimacy-renewal")).toMatchObject({ cadenceKind: "times_per_week", timesPerWeek: 3 });
  });

  it("an assignment keeps the text it was assigned with; a retired practice can't be assigned", async () => {
    const s = await setup();
    const mine = await createLibraryPractice(s.practiceId, { title: "Gratitude note", instructions: "Leave one note.", reflectionPrompt: "What did you write?", cadenceKind: "weekly" });
    const [assignment] = await assignPractice(s.practiceId, null, { clientId: s.client.id, libraryPracticeId: mine.id, cadenceKind: "weekly", startDate: "2026-03-09" });
    await updateLibraryPractice(s.practiceId, mine.id, { title: "Gratitude notes", instructions: "Leave three notes.", reflectionPrompt: "Which one?", cadenceKind: "weekly" });
    const week = await getClientWeek(s.scope);
    expect(week.items[0]!.assignment).toMatchObject({ id: assignment!.id, title: "Gratitude note", instructions: "Leave one note." });

    await setLibraryPracticeRetired(s.practiceId, mine.id, true);
    expect((await listLibrary(s.practiceId)).map((p) => p.id)).not.toContain(mine.id);
    const error = await errorOf(assignPractice(s.practiceId, null, { clientId: s.client.id, libraryPracticeId: mine.id, cadenceKind: "weekly", startDate: "2026-03-09" }));
    expect(error.code).toBe("not_found");
    // Its assignment goes on.
    expect((await getClientWeek(s.scope)).items).toHaveLength(1);
  });

  it("a library practice's fields are checked: N a week needs its N", async () => {
    const s = await setup();
    const error = await errorOf(createLibraryPractice(s.practiceId, { title: "x", instructions: "y", reflectionPrompt: "z?", cadenceKind: "times_per_week" }));
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors?.timesPerWeek).toBeDefined();
  });

  it("another practice's library practice or client is not found", async () => {
    const a = await setup();
    const b = await setup();
    expect((await errorOf(a.assign("date-night", { libraryPracticeId: b.byKey("date-night").id }))).code).toBe("not_found");
    expect((await errorOf(a.assign("date-night", { clientId: b.client.id }))).code).toBe("not_found");
    expect((await errorOf(a.assign("date-night", { clientId: "not-a-uuid" }))).code).toBe("not_found");
    expect((await errorOf(updateLibraryPractice(a.practiceId, b.byKey("date-night").id, { title: "x", instructions: "y", reflectionPrompt: "z?", cadenceKind: "weekly" }))).code).toBe("not_found");
  });
});

describe("completing an occurrence", () => {
  it("marks today's occurrence done with a sealed reflection; twice is one completion", async () => {
    const s = await setup();
    const a = await s.assign("daily-check-in");
    const first = await completeOccurrence(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-11", reflection: "We listened without phones.", rating: "4" });
    const again = await completeOccurrence(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-11", reflection: "Second tap", rating: 2 });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.completion).toMatchObject({ id: first.completion.id, reflection: "We listened without phones.", rating: 4 });

    const raw = rowsOf<{ reflection: string }>(await getDb().execute(sql`select reflection from homework_completions where assignment_id = ${a.id}`));
    expect(raw).toHaveLength(1);
    expect(raw[0]!.reflection.startsWith("enc:v1:")).toBe(true);
    expect(raw[0]!.reflection).not.toContain("phones");
  });

  it("a time in the future, before the start, after the end or not on the schedule is invalid (400)", async () => {
    const s = await setup();
    const a = await s.assign("daily-check-in", { endMode: "date", endDate: "2026-03-20" });
    const thrice = await s.assign("physical-intimacy-renewal");
    const tries = [
      { assignmentId: a.id, occurrenceDate: "2026-03-12" }, // tomorrow
      { assignmentId: a.id, occurrenceDate: "2026-03-08" }, // before the start
      { assignmentId: a.id, occurrenceDate: "2026-03-21" }, // after the end
      { assignmentId: a.id, occurrenceDate: "2026-03-10", occurrenceSlot: 2 }, // daily has one slot
      { assignmentId: a.id, occurrenceDate: "2026-02-30" }, // no such date
      { assignmentId: thrice.id, occurrenceDate: "2026-03-10" }, // weekly occurrences are named by their Monday
      { assignmentId: thrice.id, occurrenceDate: "2026-03-16" }, // next week
      { assignmentId: a.id, occurrenceDate: "2026-03-11", rating: 6 },
    ];
    for (const input of tries) expect((await errorOf(completeOccurrence(s.scope, input))).status, JSON.stringify(input)).toBe(400);
    // Earlier days of the assignment, and any slot of this week, can be marked.
    await completeOccurrence(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-09" });
    await completeOccurrence(s.scope, { assignmentId: thrice.id, occurrenceDate: "2026-03-09", occurrenceSlot: 3 });
    expect(await getDb().$count(homeworkCompletions, eq(homeworkCompletions.practiceId, s.practiceId))).toBe(2);
  });

  it("someone else's assignment, or the other partner's own one, is not found (404); a shared one either can mark", async () => {
    const c = await couple();
    const other = await setup();
    const [own] = await assignPractice(c.practiceId, null, { clientId: c.partner.id, libraryPracticeId: c.byKey("emotional-openness").id, cadenceKind: "daily", startDate: "2026-03-09" });
    const [shared] = await assignPractice(c.practiceId, null, { clientId: c.client.id, assignTo: "shared", libraryPracticeId: c.byKey("date-night").id, cadenceKind: "weekly", startDate: "2026-03-09" });
    const strangers = await other.assign("daily-check-in");

    expect((await errorOf(completeOccurrence(c.scope, { assignmentId: own!.id, occurrenceDate: "2026-03-11" }))).status).toBe(404);
    expect((await errorOf(completeOccurrence(c.scope, { assignmentId: strangers.id, occurrenceDate: "2026-03-11" }))).status).toBe(404);
    expect((await errorOf(completeOccurrence(c.scope, { assignmentId: "nope", occurrenceDate: "2026-03-11" }))).status).toBe(404);
    expect((await getClientWeek(c.scope)).items.map((i) => i.assignment.id)).toEqual([shared!.id]);

    await completeOccurrence(c.partnerScope, { assignmentId: shared!.id, occurrenceDate: "2026-03-09", reflection: "Alex's private words" });
    const seen = await getClientWeek(c.scope);
    expect(seen.items[0]!.occurrences[0]!.done).toMatchObject({ byMe: false, canUndo: false });
    expect(JSON.stringify(seen)).not.toContain("Alex's private words");
    // Sam can't undo Alex's; Alex can.
    expect((await errorOf(undoCompletion(c.scope, { assignmentId: shared!.id, occurrenceDate: "2026-03-09" }))).status).toBe(404);
    await undoCompletion(c.partnerScope, { assignmentId: shared!.id, occurrenceDate: "2026-03-09" });
  });

  it("can be undone the same day (the client's day), not the next", async () => {
    const s = await setup(KOLKATA);
    const a = await s.assign("daily-check-in");
    // 10:00 in LA on the 11th is 22:30 on the 11th in Kolkata.
    await completeOccurrence(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-11" });
    await undoCompletion(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-11" });
    await completeOccurrence(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-11" });
    setTestClock(at("2026-03-12T00:30", KOLKATA));
    expect((await errorOf(undoCompletion(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-11" }))).status).toBe(400);
    expect(await getDb().$count(homeworkCompletions, eq(homeworkCompletions.assignmentId, a.id))).toBe(1);
  });

  it.runIf(onPostgresServer)("ten simultaneous taps make one completion", async () => {
    const s = await setup();
    const a = await s.assign("daily-check-in");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => completeOccurrence(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-11", reflection: `tap ${i}` })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.completion.id)).size).toBe(1);
    expect(await getDb().$count(homeworkCompletions, eq(homeworkCompletions.assignmentId, a.id))).toBe(1);
  });
});

describe("pause, resume, end", () => {
  it("a paused practice can't be marked and isn't due while paused; ending keeps its history", async () => {
    const s = await setup();
    const a = await s.assign("daily-check-in");
    await completeOccurrence(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-09", reflection: "Monday went well" });
    await pauseAssignment(s.practiceId, a.id);
    expect((await errorOf(completeOccurrence(s.scope, { assignmentId: a.id, occurrenceDate: "2026-03-11" }))).status).toBe(400);
    expect((await errorOf(pauseAssignment(s.practiceId, a.id))).code).toBe("conflict");

    setTestClock(at("2026-03-13T09:00"));
    await resumeAssignment(s.practiceId, a.id);
    const week = await getClientWeek(s.scope);
    // Paused on the 11th, resumed on the 13th: the 11th and 12th are not due.
    expect(week.items[0]!.occurrences.map((o) => o.date)).toEqual(["2026-03-09", "2026-03-10", "2026-03-13", "2026-03-14", "2026-03-15"]);

    await endAssignment(s.practiceId, a.id);
    const ended = await getClientWeek(s.scope);
    expect(ended.items[0]!.assignment.status).toBe("ended");
    expect(ended.items[0]!.occurrences.map((o) => o.date)).toEqual(["2026-03-09", "2026-03-10", "2026-03-13"]);
    expect(ended.items[0]!.occurrences[0]!.done).not.toBeNull();
    const adherence = await getClientAdherence(s.practiceId, s.client.id);
    expect(adherence.reflections.map((r) => r.reflection)).toEqual(["Monday went well"]);
    expect((await errorOf(resumeAssignment(s.practiceId, a.id))).code).toBe("conflict");
  });

  it("another practice can't pause, resume or end an assignment", async () => {
    const a = await setup();
    const b = await setup();
    const x = await a.assign("date-night");
    for (const change of [pauseAssignment, resumeAssignment, endAssignment]) expect((await errorOf(change(b.practiceId, x.id))).code).toBe("not_found");
  });
});

describe("until the next session", () => {
  it("ends with the client's next booked session, and follows it when it moves", async () => {
    const coach = await createBookablePractice(LA);
    const library = await listLibrary(coach.practiceId);
    const email = `noa-${Math.random()}@x.test`;
    const client = await createClient(coach.practiceId, { name: "Noa", email, timeZone: LA });
    const scope = { practiceId: coach.practiceId, clientId: client.id };
    await assignPractice(coach.practiceId, null, {
      clientId: client.id,
      libraryPracticeId: library.find((p) => p.frameworkKey === "daily-check-in")!.id,
      cadenceKind: "daily",
      startDate: "2026-03-11",
      endMode: "next_session",
    });
    const dates = async () => (await getClientWeek(scope, "2026-03-16")).items[0]?.occurrences.map((o) => o.date) ?? [];
    // No session booked yet: open-ended.
    expect(await dates()).toHaveLength(7);
    const booking = await createBooking(coach.practiceId, { offering: "one-on-one", start: at("2026-03-16T10:00"), name: "Noa", email, timeZone: LA });
    expect(await dates()).toEqual(["2026-03-16"]);
    await rescheduleBooking({ practiceId: coach.practiceId }, booking.id, at("2026-03-18T10:00"), { actor: "coach" });
    expect(await dates()).toEqual(["2026-03-16", "2026-03-17", "2026-03-18"]);
    // Ended after that session, it still ends with it, not the day the coach ended it.
    setTestClock(at("2026-03-20T12:00"));
    await endAssignment(coach.practiceId, (await getClientWeek(scope, "2026-03-16")).items[0]!.assignment.id);
    expect(await dates()).toEqual(["2026-03-16", "2026-03-17", "2026-03-18"]);
  });
});

describe("weeks, couples and the coach's view", () => {
  it("this week follows the client's own dates: one instant, two different weeks", async () => {
    // Monday 2026-03-09 06:30 UTC: Sunday evening in Los Angeles, Monday noon in Kolkata.
    setTestClock(new Date("2026-03-09T06:30:00Z"));
    const la = await setup(LA);
    const kolkata = await setup(KOLKATA);
    for (const s of [la, kolkata]) await s.assign("daily-check-in", { startDate: "2026-03-02" });
    const [laWeek, kWeek] = [await getClientWeek(la.scope), await getClientWeek(kolkata.scope)];
    expect([laWeek.today, laWeek.monday]).toEqual(["2026-03-08", "2026-03-02"]);
    expect([kWeek.today, kWeek.monday]).toEqual(["2026-03-09", "2026-03-09"]);
    expect(laWeek.items[0]!.occurrences.filter((o) => o.canComplete)).toHaveLength(7);
    expect(kWeek.items[0]!.occurrences.filter((o) => o.canComplete).map((o) => o.date)).toEqual(["2026-03-09"]);
    // Past weeks are browsable.
    expect((await getClientWeek(kolkata.scope, "2026-03-04")).items[0]!.occurrences).toHaveLength(7);
  });

  it("assigning to both partners each makes two; the coach sees both, with rates, 4 weeks and reflections", async () => {
    const c = await couple();
    const made = await assignPractice(c.practiceId, null, { clientId: c.client.id, assignTo: "each", libraryPracticeId: c.byKey("emotional-openness").id, cadenceKind: "daily", startDate: "2026-03-09" });
    expect(made.map((m) => m.clientId).sort()).toEqual([c.client.id, c.partner.id].sort());
    await completeOccurrence(c.scope, { assignmentId: made[0]!.id, occurrenceDate: "2026-03-09", reflection: "Named fear", rating: 3 });
    await completeOccurrence(c.scope, { assignmentId: made[0]!.id, occurrenceDate: "2026-03-10" });

    const view = await getClientAdherence(c.practiceId, c.partner.id);
    expect(view.people.map((p) => p.name).sort()).toEqual(["Alex", "Sam"]);
    const sams = view.assignments.find((x) => x.assignment.clientId === c.client.id)!;
    expect(sams.progress).toMatchObject({ done: 2, counted: 2, streak: 2 });
    expect(sams.weeks.map((w) => [w.monday, w.due, w.done])).toEqual([
      ["2026-02-16", 0, 0],
      ["2026-02-23", 0, 0],
      ["2026-03-02", 0, 0],
      ["2026-03-09", 2, 2], // today (the 11th) is still open: not yet missed
    ]);
    expect(view.assignments.find((x) => x.assignment.clientId === c.partner.id)!.progress.rate).toBe(0);
    expect(view.reflections.map((r) => [r.clientName, r.reflection, r.rating])).toEqual([
      ["Sam", null, null],
      ["Sam", "Named fear", 3],
    ]);
    expect((await listRecentReflections(c.practiceId, at("2026-03-10T10:00"))).length).toBe(2);
    expect(await listRecentReflections(c.practiceId, at("2026-03-11T11:00"))).toEqual([]);
  });

  it("a client without a partner can't be given a couple's practice", async () => {
    const s = await setup();
    const error = await errorOf(s.assign("date-night", { assignTo: "shared" }));
    expect(error.fieldErrors?.assignTo).toBeDefined();
  });
});

describe("input schemas", () => {
  it("a value the action parsed parses again the same in the domain function", async () => {
    const { assignmentInput, completionInput, libraryPracticeInput } = await import("@/server/homework/schemas");
    const cases = [
      [completionInput, { assignmentId: "x", occurrenceDate: "2026-03-09", occurrenceSlot: "2", reflection: " ", rating: "" }],
      [libraryPracticeInput, { title: "T", instructions: "Do it", reflectionPrompt: "How?", cadenceKind: "times_per_week", timesPerWeek: "3" }],
      [
        assignmentInput,
        { clientId: "c", libraryPracticeId: "p", cadenceKind: "once", dueDate: "2026-03-20", startDate: "2026-03-09", endMode: "open", endDate: "", personalInstructions: "" },
      ],
    ] as const;
    for (const [schema, form] of cases) {
      const once = (schema as import("zod").ZodType).parse(form);
      expect((schema as import("zod").ZodType).parse(once)).toEqual(once);
    }
  });
});
