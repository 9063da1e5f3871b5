import { readFileSync } from "node:fs";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { checkInSchedules, clients, emailOutbox, intakeResponses } from "@/server/db/schema";
import { assignCheckIn, assignDueCheckIns, changeCheckInSchedule, listCheckInSchedules } from "@/server/intake/checkins";
import { getPillarHistory, intakeStatusFor } from "@/server/intake/coach-view";
import { checkInPausedLabel } from "@/lib/intake/status";
import { getQuestionnaire, listQuestionnaires, saveQuestionnaire } from "@/server/intake/questionnaires";
import { getClientIntake, listClientIntakes, saveIntakeAnswer, submitIntake } from "@/server/intake/responses";
import { enqueueEmail } from "@/server/notifications/outbox";
import { renderEmail } from "@/server/notifications/templates";
import { createBookablePractice, setTestClock } from "../support/factories";
import { coupleBooked as coupleBookedFor, failure } from "../support/intake";

const ZONE = "America/Los_Angeles";
const NOW = DateTime.fromISO("2027-01-06T08:00", { zone: ZONE });
const WEEK = 7 * 86_400_000;

beforeEach(async () => {
  setTestClock(NOW.toJSDate());
  // The job runs over every practice in this file's database: each test starts with no schedules and no check-in mail.
  await getDb().delete(checkInSchedules);
  await getDb().delete(emailOutbox).where(eq(emailOutbox.template, "checkin-assigned"));
});

async function couple() {
  const booked = await coupleBookedFor(ZONE, "2027-01-11T10:00");
  const checkIn = (await listQuestionnaires(booked.practiceId)).find((q) => q.kind === "checkin")!;
  return { ...booked, checkInId: checkIn.id };
}

const copiesOf = (scheduleId: string) =>
  getDb().select().from(intakeResponses).where(eq(intakeResponses.scheduleId, scheduleId)).orderBy(asc(intakeResponses.dueAt), asc(intakeResponses.clientId));

type Scope = { practiceId: string; clientId: string };

/** The client rates the pillars (`rest` for any not named) and submits, at `at` on the test clock. */
async function rate(scope: Scope, responseId: string, ratings: Record<string, string>, at: DateTime) {
  setTestClock(at.toJSDate());
  const { content } = await getClientIntake(scope, responseId);
  for (const q of content.questions) {
    if (q.kind === "scale") {
      const value = ratings[q.id] ?? ratings.rest;
      if (value) await saveIntakeAnswer(scope, responseId, q.id, value);
    } else if (q.kind === "spectrum") await saveIntakeAnswer(scope, responseId, q.id, "4");
  }
  return submitIntake(scope, responseId);
}

/** The open (unsubmitted) copies of a schedule, each person's. */
const openCopiesOf = async (scheduleId: string) => (await copiesOf(scheduleId)).filter((c) => c.status !== "submitted");

/** Each of `people` answers their open copy of the schedule at `at` (epoch ms). */
async function answerOpen(scheduleId: string, people: Scope[], at: number) {
  const open = await openCopiesOf(scheduleId);
  for (const person of people) await rate(person, open.find((c) => c.clientId === person.clientId)!.id, { rest: "3" }, DateTime.fromMillis(at));
}

const checkInMail = (to?: string) =>
  getDb()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, "checkin-assigned"), to ? eq(emailOutbox.recipient, to) : undefined));

describe("the pillars check-in", () => {
  it("is one of every practice's questionnaires: the five pillars rated 1–5 and an optional note", async () => {
    const { practiceId } = await createBookablePractice(ZONE);
    const checkIn = (await listQuestionnaires(practiceId)).find((q) => q.kind === "checkin")!;
    const { version } = await getQuestionnaire(practiceId, checkIn.id);
    const rated = version.content.questions.filter((q) => q.kind === "scale");
    expect(rated.map((q) => (q.kind === "scale" ? q.scoring?.key : null))).toEqual(["vulnerability", "listening", "empathy", "affirmation", "shared"]);
    expect(version.content.questions.filter((q) => q.kind === "long_text").every((q) => !("required" in q) || !q.required)).toBe(true);
  });
});

describe("assigning a check-in", () => {
  it("once: each partner gets their own copy and their own email, and neither sees the other's", async () => {
    const { practiceId, sam, alex, checkInId } = await couple();
    const { schedule, responses } = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "once" });
    expect(schedule).toBeNull();
    expect(responses.map((r) => r.clientId).sort()).toEqual([sam.clientId, alex.clientId].sort());

    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, "checkin-assigned"));
    expect(mail.map((m) => m.recipient).sort()).toEqual(["alex@example.test", "sam@example.test"]);
    const samsCopy = responses.find((r) => r.clientId === sam.clientId)!;
    const alexsCopy = responses.find((r) => r.clientId === alex.clientId)!;
    const toSam = mail.find((m) => m.recipient === "sam@example.test")!;
    expect(toSam.data.checkInUrl).toBe(`http://localhost:3000/portal/intake/${samsCopy.id}`);
    const rendered = await renderEmail("checkin-assigned", toSam.data);
    expect(rendered.text).not.toContain("Alex");
    expect(rendered.text).toContain(samsCopy.id);

    // Each sees only their own copy; the partner's is "not found".
    expect((await listClientIntakes(sam)).map((r) => r.id)).toContain(samsCopy.id);
    expect((await listClientIntakes(sam)).map((r) => r.id)).not.toContain(alexsCopy.id);
    expect((await failure(getClientIntake(sam, alexsCopy.id))).code).toBe("not_found");
    expect((await failure(getClientIntake(alex, samsCopy.id))).code).toBe("not_found");
  });

  it("every N weeks: the first copy now, the next when due, once however often the job runs", async () => {
    const { practiceId, sam, alex, checkInId } = await couple();
    const { schedule } = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "every", everyWeeks: "2" });
    const first = await copiesOf(schedule!.id);
    expect(first).toHaveLength(2);
    // The test clock runs on from NOW: times count from the moment the schedule started.
    const start = first[0]!.dueAt!.getTime();
    expect(start - NOW.toMillis()).toBeLessThan(600_000);
    expect(schedule!.nextDueAt.getTime()).toBe(start + 2 * WEEK);

    expect(await assignDueCheckIns(new Date(start + WEEK))).toEqual({ assigned: 0 });
    // Both answer (an unanswered copy would stay open instead of a new one: below).
    await answerOpen(schedule!.id, [sam, alex], start + WEEK);
    const due = new Date(start + 2 * WEEK);
    // Two servers at once, then again: one copy each for the due date.
    const runs = await Promise.all([assignDueCheckIns(due), assignDueCheckIns(due)]);
    expect(runs[0].assigned + runs[1].assigned).toBe(2);
    expect(await assignDueCheckIns(due)).toEqual({ assigned: 0 });
    const copies = await copiesOf(schedule!.id);
    expect(copies).toHaveLength(4);
    expect(copies.slice(2).map((c) => c.dueAt!.getTime())).toEqual([due.getTime(), due.getTime()]);
    expect(new Set(copies.slice(2).map((c) => c.clientId))).toEqual(new Set([sam.clientId, alex.clientId]));
    expect(await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, "checkin-assigned"))).toHaveLength(4);

    // The database refuses a second copy for the same person and due date, whatever the code does.
    const copy = copies[2]!;
    await expect(
      getDb().insert(intakeResponses).values({ ...copy, id: undefined, answers: {} }),
    ).rejects.toThrow();

    // Weeks missed (the server was down): one copy each, not a pile, and the rhythm carries on.
    await answerOpen(schedule!.id, [sam, alex], start + 3 * WEEK);
    const late = new Date(start + 9 * WEEK);
    expect(await assignDueCheckIns(late)).toEqual({ assigned: 2 });
    const [row] = await getDb().select().from(checkInSchedules).where(eq(checkInSchedules.id, schedule!.id));
    // Week 10 is after the clocks go forward (Mar 14): the same local time, an hour fewer in between.
    const local = (weeks: number) => DateTime.fromMillis(start, { zone: ZONE }).plus({ weeks }).toMillis();
    expect(row!.nextDueAt.getTime()).toBe(local(10));
    expect(local(10)).toBe(start + 10 * WEEK - 3_600_000);
    expect((await copiesOf(schedule!.id)).slice(4).map((c) => c.dueAt!.getTime())).toEqual([local(8), local(8)]);
  });

  it("keeps the practice's local time across a DST change", async () => {
    const { practiceId, sam, checkInId } = await couple();
    const { schedule } = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "every", everyWeeks: 10 });
    // 10 weeks after 8:00 on Jan 6 is 8:00 on Mar 17, after the clocks went forward on Mar 14 (69 days 23 hours).
    expect(DateTime.fromJSDate(schedule!.nextDueAt, { zone: ZONE }).toFormat("yyyy-MM-dd HH:mm")).toBe("2027-03-17 08:00");
    const [copy] = await copiesOf(schedule!.id);
    expect(schedule!.nextDueAt.getTime() - copy!.dueAt!.getTime()).toBe(10 * WEEK - 3_600_000);
  });

  it("refuses bad input with field messages, and another practice's client or questionnaire as not found", async () => {
    const { practiceId, sam, checkInId } = await couple();
    for (const everyWeeks of ["0", "27", "1.5", "often"]) {
      const error = await failure(assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "every", everyWeeks }));
      expect(error.code).toBe("invalid");
      expect(error.fieldErrors?.everyWeeks?.length).toBeGreaterThan(0);
    }
    expect((await failure(assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "sometimes" }))).code).toBe("invalid");

    const other = await createBookablePractice(ZONE);
    const [stranger] = await getDb()
      .insert(clients)
      .values({ practiceId: other.practiceId, name: "Stranger", email: "stranger@example.test", timeZone: ZONE })
      .returning();
    const foreignCheckIn = (await listQuestionnaires(other.practiceId)).find((q) => q.kind === "checkin")!;
    expect((await failure(assignCheckIn(practiceId, { clientId: stranger!.id, questionnaireId: checkInId, repeat: "once" }))).code).toBe("not_found");
    expect((await failure(assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: foreignCheckIn.id, repeat: "every", everyWeeks: 2 }))).code).toBe("not_found");
    expect((await failure(assignCheckIn(other.practiceId, { clientId: sam.clientId, questionnaireId: foreignCheckIn.id, repeat: "once" }))).code).toBe("not_found");
    expect(await getDb().select().from(intakeResponses).where(and(eq(intakeResponses.practiceId, practiceId), isNotNull(intakeResponses.dueAt)))).toHaveLength(0);
    expect(await getDb().select().from(checkInSchedules)).toHaveLength(0);
  });

  it("keeps one live schedule per client and questionnaire, the partner's included", async () => {
    const { practiceId, sam, alex, checkInId } = await couple();
    const { schedule } = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "every", everyWeeks: 4 });
    expect((await failure(assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "every", everyWeeks: 2 }))).code).toBe("conflict");
    // Alex's page: Sam's schedule already sends Alex a copy.
    expect((await failure(assignCheckIn(practiceId, { clientId: alex.clientId, questionnaireId: checkInId, repeat: "every", everyWeeks: 2 }))).code).toBe("conflict");
    expect((await listCheckInSchedules(practiceId, alex.clientId, sam.clientId)).map((s) => s.id)).toEqual([schedule!.id]);
    // The database refuses a second live one, whatever the code does.
    await expect(
      getDb().insert(checkInSchedules).values({ practiceId, clientId: sam.clientId, questionnaireId: checkInId, everyWeeks: 3, nextDueAt: new Date() }),
    ).rejects.toThrow();
    await expect(getDb().insert(checkInSchedules).values({ practiceId, clientId: alex.clientId, questionnaireId: checkInId, everyWeeks: 27, nextDueAt: new Date() })).rejects.toThrow();

    // Once stopped, a new one may start.
    await changeCheckInSchedule(practiceId, { scheduleId: schedule!.id, change: "stop" });
    const again = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "every", everyWeeks: 2 });
    expect(again.schedule!.id).not.toBe(schedule!.id);
  });

  it("pauses, resumes on its rhythm, and stops", async () => {
    const { practiceId, sam, alex, checkInId } = await couple();
    const { schedule } = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "every", everyWeeks: 1 });
    const start = schedule!.nextDueAt.getTime() - WEEK;
    const paused = await changeCheckInSchedule(practiceId, { scheduleId: schedule!.id, change: "pause" });
    expect(paused.status).toBe("paused");
    expect(await assignDueCheckIns(new Date(start + 3 * WEEK))).toEqual({ assigned: 0 });

    // Resumed 3½ weeks in: nothing for the paused weeks, the next copy at week 4 (once the first is answered).
    await answerOpen(schedule!.id, [sam, alex], start + 3.5 * WEEK);
    const resumed = await changeCheckInSchedule(practiceId, { scheduleId: schedule!.id, change: "resume" });
    expect(resumed).toMatchObject({ status: "active", nextDueAt: new Date(start + 4 * WEEK) });
    expect(await assignDueCheckIns(new Date(start + 4 * WEEK))).toEqual({ assigned: 2 });

    const other = await createBookablePractice(ZONE);
    expect((await failure(changeCheckInSchedule(other.practiceId, { scheduleId: schedule!.id, change: "stop" }))).code).toBe("not_found");
    expect((await failure(changeCheckInSchedule(practiceId, { scheduleId: schedule!.id, change: "explode" }))).code).toBe("invalid");

    const stopped = await changeCheckInSchedule(practiceId, { scheduleId: schedule!.id, change: "stop" });
    expect(stopped.stoppedAt).toBeInstanceOf(Date);
    expect(await assignDueCheckIns(new Date(start + 20 * WEEK))).toEqual({ assigned: 0 });
    expect((await failure(changeCheckInSchedule(practiceId, { scheduleId: schedule!.id, change: "resume" }))).code).toBe("not_found");
    expect(await listCheckInSchedules(practiceId, sam.clientId, null)).toHaveLength(0);
    // Copies already sent stay.
    expect(await copiesOf(schedule!.id)).toHaveLength(4);
  });

  it("skips an archived partner", async () => {
    const { practiceId, sam, alex, checkInId } = await couple();
    await getDb().update(clients).set({ status: "archived" }).where(eq(clients.id, alex.clientId));
    const { responses } = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "once" });
    expect(responses.map((r) => r.clientId)).toEqual([sam.clientId]);
  });
});

describe("unanswered check-ins", () => {
  /** A weekly check-in for the couple; `at(n)` is n weeks after it started, on the practice's calendar (DST moves it). */
  async function weekly() {
    const booked = await couple();
    const { schedule } = await assignCheckIn(booked.practiceId, { clientId: booked.sam.clientId, questionnaireId: booked.checkInId, repeat: "every", everyWeeks: 1 });
    const start = schedule!.nextDueAt.getTime() - WEEK;
    const scheduleRow = async () => (await getDb().select().from(checkInSchedules).where(eq(checkInSchedules.id, schedule!.id)))[0]!;
    const at = (weeks: number) => new Date(DateTime.fromMillis(start, { zone: ZONE }).plus({ weeks: Math.floor(weeks) }).toMillis() + (weeks % 1) * WEEK);
    return { ...booked, schedule: schedule!, at, scheduleRow };
  }

  const openInPortal = async (scope: Scope) => (await listClientIntakes(scope)).filter((r) => r.status !== "submitted" && r.name === "Pillars check-in");

  it("keeps the open copy instead of making another: one open copy per person, no second email", async () => {
    const { sam, alex, schedule, at } = await weekly();
    const [samsCopy] = await openInPortal(sam);
    expect(await assignDueCheckIns(at(1))).toEqual({ assigned: 0 });
    expect(await assignDueCheckIns(at(2))).toEqual({ assigned: 0 });
    // The same copy each, still open, still the one the first email links to.
    expect((await openInPortal(sam)).map((r) => r.id)).toEqual([samsCopy!.id]);
    expect(await openInPortal(alex)).toHaveLength(1);
    expect(await copiesOf(schedule.id)).toHaveLength(2);
    expect(await checkInMail("sam@example.test")).toHaveLength(1);
    expect(await checkInMail("alex@example.test")).toHaveLength(1);

    // The database refuses a second open copy for a person, whatever the code does.
    const copy = (await copiesOf(schedule.id))[0]!;
    await expect(getDb().insert(intakeResponses).values({ ...copy, id: undefined, dueAt: at(2), answers: {} })).rejects.toThrow();
  });

  it("never withdraws a copy with saved answers, and a client who has started isn't counted as not answering", async () => {
    const { sam, alex, schedule, at, scheduleRow } = await weekly();
    const [samsCopy] = await openInPortal(sam);
    const { content } = await getClientIntake(sam, samsCopy!.id);
    const first = content.questions.find((q) => q.kind === "scale")!;
    await saveIntakeAnswer(sam, samsCopy!.id, first.id, "4");
    for (let week = 1; week <= 6; week++) expect(await assignDueCheckIns(at(week))).toEqual({ assigned: 0 });
    // Sam's draft is where Sam left it, the only open copy; the schedule runs on.
    expect((await getClientIntake(sam, samsCopy!.id)).response.answers).toEqual({ [first.id]: 4 });
    expect((await openInPortal(sam)).map((r) => r.id)).toEqual([samsCopy!.id]);
    expect(await openInPortal(alex)).toHaveLength(1);
    expect(await scheduleRow()).toMatchObject({ status: "active", pausedReason: null, unansweredInRow: 0 });
    expect(await checkInMail()).toHaveLength(2);
    // Sam finishes it: the next due date brings Sam a new copy, and Alex still has the first.
    await answerOpen(schedule.id, [sam], at(6.5).getTime());
    expect(await assignDueCheckIns(at(7))).toEqual({ assigned: 1 });
    expect(await checkInMail("sam@example.test")).toHaveLength(2);
    expect(await openInPortal(alex)).toHaveLength(1);
  });

  it("pauses itself after 3 unanswered in a row, says why, sends nothing more, and resumes", async () => {
    const { practiceId, sam, alex, schedule, at, scheduleRow } = await weekly();
    // A draft whose only answer was cleared again holds nothing: it counts as unanswered.
    const [alexsCopy] = await openInPortal(alex);
    const { content } = await getClientIntake(alex, alexsCopy!.id);
    const first = content.questions.find((q) => q.kind === "scale")!;
    await saveIntakeAnswer(alex, alexsCopy!.id, first.id, "2");
    await saveIntakeAnswer(alex, alexsCopy!.id, first.id, "");
    expect((await getClientIntake(alex, alexsCopy!.id)).response.status).toBe("in_progress");

    await assignDueCheckIns(at(1));
    await assignDueCheckIns(at(2));
    expect(await scheduleRow()).toMatchObject({ status: "active", unansweredInRow: 2 });
    await assignDueCheckIns(at(3));
    expect(await scheduleRow()).toMatchObject({ status: "paused", pausedReason: "unanswered", unansweredInRow: 3 });
    const [listed] = await listCheckInSchedules(practiceId, sam.clientId, alex.clientId);
    expect(listed).toMatchObject({ status: "paused", pausedReason: "unanswered" });
    expect(checkInPausedLabel(listed!.pausedReason)).toMatch(/^Paused: 3 check-ins went unanswered\./);
    expect(checkInPausedLabel(null)).toBe("Paused: nothing is sent until you resume.");

    for (let week = 4; week <= 12; week++) expect(await assignDueCheckIns(at(week))).toEqual({ assigned: 0 });
    expect(await checkInMail()).toHaveLength(2);
    // The open copies stay: the client may still answer while it is paused.
    expect(await openInPortal(sam)).toHaveLength(1);

    setTestClock(at(12.5));
    const resumed = await changeCheckInSchedule(practiceId, { scheduleId: schedule.id, change: "resume" });
    expect(resumed).toMatchObject({ status: "active", pausedReason: null, unansweredInRow: 0, nextDueAt: at(13) });
    await answerOpen(schedule.id, [sam, alex], at(12.6).getTime());
    expect(await assignDueCheckIns(at(13))).toEqual({ assigned: 2 });
    expect(await checkInMail()).toHaveLength(4);

    // The coach's own pause says nothing about answering; stopping clears the reason too.
    const paused = await changeCheckInSchedule(practiceId, { scheduleId: schedule.id, change: "pause" });
    expect(paused).toMatchObject({ status: "paused", pausedReason: null });
    // The database allows a reason only on a paused schedule.
    await expect(getDb().update(checkInSchedules).set({ status: "active", pausedReason: "unanswered" }).where(eq(checkInSchedules.id, schedule.id))).rejects.toThrow();
  });

  it("a client answering a schedule that paused itself starts it again; one the coach paused stays paused", async () => {
    const { practiceId, sam, alex, schedule, at, scheduleRow } = await weekly();
    for (const week of [1, 2, 3]) await assignDueCheckIns(at(week));
    expect(await scheduleRow()).toMatchObject({ status: "paused", pausedReason: "unanswered" });

    // Sam answers his open copy in week 5½: the schedule is active again, due next in week 6.
    await answerOpen(schedule.id, [sam], at(5.5).getTime());
    expect(await scheduleRow()).toMatchObject({ status: "active", pausedReason: null, unansweredInRow: 0, nextDueAt: at(6) });
    // Sam gets a new copy then; Alex still has hers open, so none for her.
    expect(await assignDueCheckIns(at(6))).toEqual({ assigned: 1 });

    // Paused by the coach, an answer changes nothing: the coach decides.
    await changeCheckInSchedule(practiceId, { scheduleId: schedule.id, change: "pause" });
    await answerOpen(schedule.id, [alex], at(6.5).getTime());
    expect(await scheduleRow()).toMatchObject({ status: "paused", pausedReason: null });
  });

  it("judges each partner on their own copy: one who answers keeps getting theirs, the other keeps one open", async () => {
    const { sam, alex, schedule, at, scheduleRow } = await weekly();
    for (let week = 1; week <= 5; week++) {
      await answerOpen(schedule.id, [sam], at(week - 0.5).getTime());
      expect(await assignDueCheckIns(at(week))).toEqual({ assigned: 1 });
    }
    expect(await scheduleRow()).toMatchObject({ status: "active", unansweredInRow: 0 });
    expect(await checkInMail("sam@example.test")).toHaveLength(6);
    expect(await checkInMail("alex@example.test")).toHaveLength(1);
    expect(await openInPortal(alex)).toHaveLength(1);
    expect(await openInPortal(sam)).toHaveLength(1);
    // Neither sees the other's copies.
    const alexs = new Set((await copiesOf(schedule.id)).filter((c) => c.clientId === alex.clientId).map((c) => c.id));
    expect((await listClientIntakes(sam)).some((r) => alexs.has(r.id))).toBe(false);

    // Now Sam stops answering too: three due dates with nobody's copy touched pause it.
    for (let week = 6; week <= 8; week++) expect(await assignDueCheckIns(at(week))).toEqual({ assigned: 0 });
    expect(await scheduleRow()).toMatchObject({ status: "paused", pausedReason: "unanswered" });
  });

  it("the migration clears copies that piled up before, keeping every answer", async () => {
    const { sam, alex, schedule, at } = await weekly();
    // As before the fix: the index that forbids a pile is not there yet.
    await getDb().execute(sql`drop index intake_responses_schedule_open_key`);
    const firsts = await copiesOf(schedule.id);
    const template = firsts[0];
    const pile = async (scope: Scope, week: number, answer?: string) => {
      const [copy] = await getDb()
        .insert(intakeResponses)
        .values({ ...template!, id: undefined, clientId: scope.clientId, dueAt: at(week), answers: {}, status: "not_started", startedAt: null })
        .returning();
      await enqueueEmail(getDb(), { practiceId: sam.practiceId, to: "pile@example.test", template: "checkin-assigned", data: {}, idempotencyKey: `checkin:${copy!.id}`, topic: `intake:${copy!.id}` });
      if (answer) await saveIntakeAnswer(scope, copy!.id, "pillar_listening", answer);
      return copy!.id;
    };
    const samsStarted = await pile(sam, 1, "2");
    const samsUntouched = [await pile(sam, 2), await pile(sam, 3)];
    const alexsOlderStarted = await pile(alex, 1, "5");
    const alexsNewerStarted = await pile(alex, 2, "4");
    const alexsUntouched = await pile(alex, 3);

    const file = (name: string) => readFileSync(`drizzle/${name}`, "utf8");
    for (const statement of file("0026_checkin_open_copies_cleanup.sql").split("--> statement-breakpoint")) await getDb().execute(sql.raw(statement));
    const index = file("0027_checkin_unanswered.sql").split("--> statement-breakpoint").find((s) => s.includes("intake_responses_schedule_open_key"))!;
    await getDb().execute(sql.raw(index));

    // One open copy each, the latest started one; the other started one is kept, off the schedule, answers and all.
    expect((await openCopiesOf(schedule.id)).map((c) => c.id).sort()).toEqual([samsStarted, alexsNewerStarted].sort());
    const [older] = await getDb().select().from(intakeResponses).where(eq(intakeResponses.id, alexsOlderStarted));
    expect(older).toMatchObject({ scheduleId: null, status: "in_progress", answers: { pillar_listening: 5 } });
    // Untouched extras are gone (the first copies, never opened, among them), and so is their unsent mail.
    const gone = [...samsUntouched, alexsUntouched, ...firsts.map((c) => c.id)];
    expect(await getDb().select().from(intakeResponses).where(inArray(intakeResponses.id, gone))).toHaveLength(0);
    const mail = await getDb().select().from(emailOutbox).where(inArray(emailOutbox.topic, gone.map((id) => `intake:${id}`)));
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.every((m) => m.status === "canceled")).toBe(true);
    expect(await getClientIntake(sam, samsStarted)).toMatchObject({ response: { answers: { pillar_listening: 2 } } });
  });
});

describe("the pillars over time", () => {
  it("has a point per submitted response that rated the pillar, none for an unrated pillar, and only the client's own", async () => {
    const { practiceId, sam, alex, checkInId } = await couple();
    await rate(sam, sam.responseId, { rest: "2" }, NOW.plus({ days: 1 }));
    await rate(alex, alex.responseId, { rest: "5" }, NOW.plus({ days: 1 }));

    // The coach lets "shared experiences" be skipped in the check-in.
    const { version } = await getQuestionnaire(practiceId, checkInId);
    const questions = version.content.questions.map((q) => (q.id === "pillar_shared" && q.kind === "scale" ? { ...q, required: false } : q));
    await saveQuestionnaire(practiceId, checkInId, { name: "Pillars check-in", content: { ...version.content, questions } });

    const first = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "once" });
    const samsFirst = first.responses.find((r) => r.clientId === sam.clientId)!;
    await rate(sam, samsFirst.id, { pillar_vulnerability: "4", pillar_listening: "3", pillar_empathy: "3", pillar_affirmation: "5" }, NOW.plus({ weeks: 4 }));
    const second = await assignCheckIn(practiceId, { clientId: sam.clientId, questionnaireId: checkInId, repeat: "once" });
    // A check-in assigned but never submitted draws nothing, and isn't an unfinished intake on Today.
    expect(second.responses).toHaveLength(2);
    expect(second.responses.every((r) => r.dueAt !== null && r.scheduleId === null)).toBe(true);
    expect((await intakeStatusFor(practiceId, [sam.clientId])).get(sam.clientId)).toBe("submitted");

    const history = await getPillarHistory(practiceId, sam.clientId);
    expect(history.map((a) => a.id)).toEqual([sam.responseId, samsFirst.id]);
    expect(history[0]!.pillars).toEqual({ vulnerability: 2, listening: 2, empathy: 2, affirmation: 2, shared: 2 });
    expect(history[1]!.pillars).toEqual({ vulnerability: 4, listening: 3, empathy: 3, affirmation: 5, shared: null });
    // The test clock runs on from where it was set.
    expect(history[1]!.submittedAt.getTime() - NOW.plus({ weeks: 4 }).toMillis()).toBeGreaterThanOrEqual(0);
    expect(history[1]!.submittedAt.getTime() - NOW.plus({ weeks: 4 }).toMillis()).toBeLessThan(600_000);
    expect(history[1]!.name).toBe("Pillars check-in");

    // Alex's ratings are Alex's: not on Sam's page, and another practice sees nothing.
    expect((await getPillarHistory(practiceId, alex.clientId)).map((a) => a.pillars.vulnerability)).toEqual([5]);
    const other = await createBookablePractice(ZONE);
    expect(await getPillarHistory(other.practiceId, sam.clientId)).toEqual([]);
    expect(await getPillarHistory(practiceId, "not-an-id")).toEqual([]);
  });

  it("leaves out a submitted response that rates no pillar", async () => {
    const booked = await coupleBookedFor(ZONE, "2027-01-11T10:00");
    const crisis = (await listQuestionnaires(booked.practiceId)).find((q) => q.kind === "crisis")!;
    const { version } = await getQuestionnaire(booked.practiceId, crisis.id);
    const rated = version.content.questions.some((q) => q.kind !== "section" && q.scoring?.feeds === "pillar");
    expect(rated).toBe(false);
    const { responses } = await assignCheckIn(booked.practiceId, { clientId: booked.sam.clientId, questionnaireId: crisis.id, repeat: "once" });
    const mine = responses.find((r) => r.clientId === booked.sam.clientId)!;
    const { content } = await getClientIntake(booked.sam, mine.id);
    for (const q of content.questions) {
      if (q.kind === "yes_no") await saveIntakeAnswer(booked.sam, mine.id, q.id, "no");
      if ((q.kind === "long_text" || q.kind === "short_text") && q.required) await saveIntakeAnswer(booked.sam, mine.id, q.id, "Fine.");
      if (q.kind === "single" && q.required) await saveIntakeAnswer(booked.sam, mine.id, q.id, q.options[0]!.id);
      if (q.kind === "multiple" && q.required) await saveIntakeAnswer(booked.sam, mine.id, q.id, [q.options[0]!.id]);
      if (q.kind === "scale" && q.required) await saveIntakeAnswer(booked.sam, mine.id, q.id, "3");
    }
    await submitIntake(booked.sam, mine.id);
    expect(await getPillarHistory(booked.practiceId, booked.sam.clientId)).toEqual([]);
    expect(await getDb().select().from(intakeResponses).where(and(eq(intakeResponses.id, mine.id), eq(intakeResponses.status, "submitted")))).toHaveLength(1);
  });
});
