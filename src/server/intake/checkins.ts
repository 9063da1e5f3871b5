import "server-only";
import { and, asc, eq, inArray, lte, ne } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { CHECKIN_MAX_WEEKS, CHECKIN_MIN_WEEKS, CHECKIN_UNANSWERED_LIMIT } from "@/lib/intake/status";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { checkInSchedules, clients, intakeResponses, practices, questionnaires } from "@/server/db/schema";
import { conflict, invalid, isUniqueViolation, notFound } from "@/server/errors";
import { enqueueEmail } from "@/server/notifications/outbox";
import { parseInput } from "@/server/validate";
import { portalIntakeUrl } from "./assign";
import { latestVersion } from "./questionnaires";

/**
 * Re-assessment: the coach sends a questionnaire (the pillars check-in) again,
 * once now or every N weeks. Each time, the client and, for a couple, the
 * partner get their own copy (an ordinary intake response, in their portal)
 * and an email. A recurring check-in is a `checkin_schedules` row; the
 * periodic job (`assignDueCheckIns`) creates the copies as they fall due.
 *
 * A schedule keeps at most one open copy per person (the database refuses a
 * second). While a person's copy is unanswered, a due date makes them no new
 * copy and no new email: the open one simply stays. We keep it rather than
 * withdraw it for a fresh one because that destroys nothing and breaks no
 * link (the email already sent still opens the copy they can answer), races
 * with a client who is just starting to type lose nothing, and it makes one
 * email per unanswered stretch instead of one per week. Due dates that pass
 * with nobody's copy touched are counted; at the limit the schedule pauses
 * itself and tells the coach why.
 */

type Schedule = typeof checkInSchedules.$inferSelect;
type Person = { id: string; name: string; email: string };

const idSchema = z.uuid();

const assignInput = z.discriminatedUnion("repeat", [
  z.object({ clientId: z.uuid(), questionnaireId: z.uuid(), repeat: z.literal("once") }),
  z.object({
    clientId: z.uuid(),
    questionnaireId: z.uuid(),
    repeat: z.literal("every"),
    everyWeeks: z.coerce
      .number({ error: "Enter a number of weeks." })
      .int("Enter a whole number of weeks.")
      .min(CHECKIN_MIN_WEEKS, `Every ${CHECKIN_MIN_WEEKS} to ${CHECKIN_MAX_WEEKS} weeks.`)
      .max(CHECKIN_MAX_WEEKS, `Every ${CHECKIN_MIN_WEEKS} to ${CHECKIN_MAX_WEEKS} weeks.`),
  }),
], { error: "Choose once or every few weeks." });

/** `weeks` later on the practice's calendar: the same local time of day across a DST change. */
function weeksLater(at: Date, weeks: number, timeZone: string): Date {
  return DateTime.fromJSDate(at, { zone: timeZone }).plus({ weeks }).toJSDate();
}

/** The client and, for a couple, the partner: whoever is active and of this practice gets a copy. */
async function recipientsOf(db: DbOrTx, practiceId: string, clientId: string) {
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  if (!client) return null;
  const people: Person[] = client.status === "active" ? [client] : [];
  if (client.partnerId) {
    const [partner] = await db
      .select()
      .from(clients)
      .where(and(eq(clients.practiceId, practiceId), eq(clients.id, client.partnerId), eq(clients.status, "active")));
    if (partner) people.push(partner);
  }
  return { client, people };
}

type Issue = {
  practice: { id: string; name: string };
  questionnaireId: string;
  people: Person[];
  schedule: Pick<Schedule, "id" | "everyWeeks"> | null;
  /** When this check-in fell due (now, for a one-off): marks the copy as a check-in, not an intake. */
  dueAt: Date;
};

/** One copy per person (latest version), each with its own email. A copy already made for this due date is not made again. */
async function issueCheckIn(tx: DbOrTx, args: Issue) {
  const { practice, people, schedule, dueAt } = args;
  if (!people.length) return [];
  const { version, questionnaire } = await latestVersion(tx, practice.id, args.questionnaireId);
  const rows = await tx
    .insert(intakeResponses)
    .values(
      people.map((person) => ({
        practiceId: practice.id,
        clientId: person.id,
        questionnaireId: questionnaire.id,
        versionId: version.id,
        scheduleId: schedule?.id ?? null,
        dueAt,
        answers: {},
        assignedAt: now(),
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const row of rows) {
    const person = people.find((p) => p.id === row.clientId)!;
    await enqueueEmail(tx, {
      practiceId: practice.id,
      to: person.email,
      template: "checkin-assigned",
      data: {
        recipientName: person.name,
        practiceName: practice.name,
        questionnaireName: questionnaire.name,
        everyWeeks: schedule?.everyWeeks ?? null,
        checkInUrl: portalIntakeUrl(row.id),
      },
      idempotencyKey: `checkin:${row.id}`,
      topic: `intake:${row.id}`,
      priority: "transactional",
    });
  }
  return rows;
}

/**
 * The coach sends a questionnaire (the pillars check-in) to a client: once now,
 * or every N weeks starting now. A couple's partner gets their own copy each
 * time. One live schedule per client and questionnaire (the database refuses a
 * second); a partner's schedule already covers the couple.
 */
export async function assignCheckIn(practiceId: string, input: { clientId: string; questionnaireId: string; repeat: string; everyWeeks?: string | number }) {
  const values = parseInput(assignInput, input);
  try {
    return await getDb().transaction(async (tx) => {
      const found = await recipientsOf(tx, practiceId, values.clientId);
      if (!found) throw notFound("That client");
      if (found.client.status !== "active") throw invalid("This client is archived; restore them to send a check-in.");
      const [practice] = await tx.select({ id: practices.id, name: practices.name }).from(practices).where(eq(practices.id, practiceId));
      await latestVersion(tx, practiceId, values.questionnaireId); // the practice's own, or "not found"
      if (values.repeat === "once") {
        const rows = await issueCheckIn(tx, { practice: practice!, questionnaireId: values.questionnaireId, people: found.people, schedule: null, dueAt: now() });
        return { schedule: null, responses: rows };
      }
      if (found.client.partnerId) {
        const [covered] = await tx
          .select({ id: checkInSchedules.id })
          .from(checkInSchedules)
          .where(
            and(
              eq(checkInSchedules.clientId, found.client.partnerId),
              eq(checkInSchedules.questionnaireId, values.questionnaireId),
              ne(checkInSchedules.status, "stopped"),
            ),
          );
        if (covered) throw alreadyScheduled("The partner's page already sends this check-in to both of them.");
      }
      const at = now();
      const [schedule] = await tx
        .insert(checkInSchedules)
        .values({ practiceId, clientId: found.client.id, questionnaireId: values.questionnaireId, everyWeeks: values.everyWeeks, nextDueAt: at })
        .returning();
      const rows = await issueCheckIn(tx, { practice: practice!, questionnaireId: values.questionnaireId, people: found.people, schedule: schedule!, dueAt: at });
      const [advanced] = await tx
        .update(checkInSchedules)
        .set({ nextDueAt: weeksLater(at, values.everyWeeks, await zoneOf(tx, practiceId)) })
        .where(eq(checkInSchedules.id, schedule!.id))
        .returning();
      return { schedule: advanced!, responses: rows };
    });
  } catch (error) {
    if (isUniqueViolation(error, "checkin_schedules_live_key")) throw alreadyScheduled("This check-in is already scheduled for this client: pause or stop it first.");
    throw error;
  }
}

const alreadyScheduled = (message: string) => conflict(message, { repeat: [message] });

async function zoneOf(db: DbOrTx, practiceId: string) {
  const [row] = await db.select({ timeZone: practices.timeZone }).from(practices).where(eq(practices.id, practiceId));
  return row!.timeZone;
}

const changeInput = z.object({ scheduleId: z.uuid(), change: z.enum(["pause", "resume", "stop"], { error: "Choose pause, resume or stop." }) });

/**
 * Pauses (nothing is sent until resumed), resumes (the next copy at the next
 * date on its rhythm, none for the weeks it was paused) or stops a recurring
 * check-in. Copies already sent stay in the client's portal. Resuming starts
 * the count of unanswered check-ins afresh, whoever paused it.
 */
export async function changeCheckInSchedule(practiceId: string, input: { scheduleId: string; change: string }) {
  const { scheduleId, change } = parseInput(changeInput, input);
  return getDb().transaction(async (tx) => {
    const [schedule] = await tx
      .select()
      .from(checkInSchedules)
      .where(and(eq(checkInSchedules.practiceId, practiceId), eq(checkInSchedules.id, scheduleId), ne(checkInSchedules.status, "stopped")))
      .for("update");
    if (!schedule) throw notFound("That check-in schedule");
    const at = now();
    if (change === "stop") {
      const [row] = await tx.update(checkInSchedules).set({ status: "stopped", stoppedAt: at, pausedReason: null }).where(eq(checkInSchedules.id, scheduleId)).returning();
      return row!;
    }
    if (change === "pause") {
      const [row] = await tx.update(checkInSchedules).set({ status: "paused", pausedReason: null }).where(eq(checkInSchedules.id, scheduleId)).returning();
      return row!;
    }
    return resume(tx, schedule, at);
  });
}

/** Active again on its rhythm: the next due date after `at`, the unanswered count and its reason cleared. */
async function resume(tx: DbOrTx, schedule: typeof checkInSchedules.$inferSelect, at: Date) {
  const zone = await zoneOf(tx, schedule.practiceId);
  let next = schedule.nextDueAt;
  while (next <= at) next = weeksLater(next, schedule.everyWeeks, zone);
  const [row] = await tx
    .update(checkInSchedules)
    .set({ status: "active", nextDueAt: next, pausedReason: null, unansweredInRow: 0 })
    .where(eq(checkInSchedules.id, schedule.id))
    .returning();
  return row!;
}

/**
 * A client submitted a copy of a schedule that paused itself because nobody
 * answered: they are answering again, so it resumes on its rhythm (in the
 * submit's transaction). A schedule the coach paused or stopped stays as the
 * coach left it. Returns whether it resumed.
 */
export async function resumeAnsweredSchedule(tx: DbOrTx, scheduleId: string, at: Date) {
  const [schedule] = await tx.select().from(checkInSchedules).where(eq(checkInSchedules.id, scheduleId)).for("update");
  if (!schedule || schedule.status !== "paused" || schedule.pausedReason !== "unanswered") return false;
  await resume(tx, schedule, at);
  return true;
}

/**
 * The client page's schedules: this client's own and, for a couple, the
 * partner's (which send this client a copy too). Stopped ones are left out.
 */
export async function listCheckInSchedules(practiceId: string, clientId: string, partnerId: string | null) {
  if (!idSchema.safeParse(clientId).success) return [];
  const ids = partnerId ? [clientId, partnerId] : [clientId];
  return getDb()
    .select({
      id: checkInSchedules.id,
      clientId: checkInSchedules.clientId,
      questionnaireName: questionnaires.name,
      everyWeeks: checkInSchedules.everyWeeks,
      status: checkInSchedules.status,
      pausedReason: checkInSchedules.pausedReason,
      nextDueAt: checkInSchedules.nextDueAt,
    })
    .from(checkInSchedules)
    .innerJoin(questionnaires, eq(questionnaires.id, checkInSchedules.questionnaireId))
    .where(and(eq(checkInSchedules.practiceId, practiceId), inArray(checkInSchedules.clientId, ids), ne(checkInSchedules.status, "stopped")))
    .orderBy(asc(checkInSchedules.createdAt));
}

/**
 * Each person's open (not submitted) copy from this schedule, at most one each
 * (a unique index), and whether it holds any answer. A draft whose answers were
 * all cleared again (saving a blank answer makes it "in progress" too) counts
 * as untouched. Answers are sealed, so this is decided here, not in SQL.
 */
async function openCopiesOf(tx: DbOrTx, scheduleId: string) {
  const rows = await tx
    .select({ clientId: intakeResponses.clientId, answers: intakeResponses.answers })
    .from(intakeResponses)
    .where(and(eq(intakeResponses.scheduleId, scheduleId), ne(intakeResponses.status, "submitted")));
  return new Map(rows.map((row) => [row.clientId, Object.keys(row.answers).length > 0 ? ("started" as const) : ("untouched" as const)]));
}

/**
 * The periodic job (from the dispatcher loop and the cron route, like the
 * homework emails): every active schedule due by `at` gets its copies, and
 * its next date moves on by N weeks on the practice's calendar. Several
 * missed dates (the server was down) make one copy, not a pile. Safe to run
 * as often as you like and from several servers at once: each schedule is
 * claimed with a row lock (SKIP LOCKED) and a copy is unique per schedule,
 * person and due date in the database. Returns how many copies it made.
 *
 * A person whose copy from this schedule is still open gets no new one (nor
 * an email): see the top of this file. A due date at which everyone's open
 * copy is untouched counts as one more unanswered check-in; the
 * `CHECKIN_UNANSWERED_LIMIT`th in a row pauses the schedule ("unanswered") so
 * the coach sees it; any answer saved or submitted starts the count again.
 * Each partner is judged on their own copy: one who answers keeps getting
 * theirs while the other's stays open.
 */
export async function assignDueCheckIns(at: Date = now()): Promise<{ assigned: number }> {
  const due = await getDb()
    .select({ id: checkInSchedules.id })
    .from(checkInSchedules)
    .where(and(eq(checkInSchedules.status, "active"), lte(checkInSchedules.nextDueAt, at)))
    .orderBy(asc(checkInSchedules.nextDueAt))
    .limit(500);
  let assigned = 0;
  for (const { id } of due) {
    assigned += await getDb().transaction(async (tx) => {
      const [row] = await tx
        .select({ schedule: checkInSchedules, practice: { id: practices.id, name: practices.name, timeZone: practices.timeZone } })
        .from(checkInSchedules)
        .innerJoin(practices, eq(practices.id, checkInSchedules.practiceId))
        .where(and(eq(checkInSchedules.id, id), eq(checkInSchedules.status, "active"), lte(checkInSchedules.nextDueAt, at)))
        .for("update", { of: checkInSchedules, skipLocked: true });
      if (!row) return 0; // another server took it, or it changed meanwhile
      const { schedule, practice } = row;
      let dueAt = schedule.nextDueAt;
      let next = weeksLater(dueAt, schedule.everyWeeks, practice.timeZone);
      while (next <= at) [dueAt, next] = [next, weeksLater(next, schedule.everyWeeks, practice.timeZone)];
      const people = (await recipientsOf(tx, practice.id, schedule.clientId))?.people ?? [];
      const open = await openCopiesOf(tx, schedule.id);
      // Nobody to send to (archived) says nothing about answering: the count stays.
      const unanswered = people.length ? (people.every((p) => open.get(p.id) === "untouched") ? schedule.unansweredInRow + 1 : 0) : schedule.unansweredInRow;
      if (unanswered >= CHECKIN_UNANSWERED_LIMIT) {
        await tx
          .update(checkInSchedules)
          .set({ status: "paused", pausedReason: "unanswered", unansweredInRow: unanswered, nextDueAt: next })
          .where(eq(checkInSchedules.id, schedule.id));
        return 0;
      }
      const waiting = people.filter((p) => !open.has(p.id));
      const rows = await issueCheckIn(tx, { practice, questionnaireId: schedule.questionnaireId, people: waiting, schedule, dueAt });
      await tx.update(checkInSchedules).set({ nextDueAt: next, unansweredInRow: unanswered }).where(eq(checkInSchedules.id, schedule.id));
      return rows.length;
    });
  }
  return { assigned };
}
