import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lte, or, sql } from "drizzle-orm";
import { cadenceFrom, type Cadence } from "@/lib/homework/cadence";
import { occurrenceKey, occurrencesBetween, progressOf, weekDates, type Occurrence, type Schedule } from "@/lib/homework/occurrences";
import { addDays, mondayOf } from "@/lib/time/dates";
import type { AdherenceView, AssignmentView, ClientWeekView, ReflectionView } from "@/lib/homework/view";
import { localDateOf } from "@/lib/time/zones";
import { now } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { bookings, clients, homeworkAssignments, homeworkCompletions } from "@/server/db/schema";
import { clientOf, schedulesOf, visibleTo, type AssignmentRow } from "./schedules";

type ClientScope = { practiceId: string; clientId: string };

/** What a screen shows of an assignment (the text as assigned). */
function summaryOf(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    clientId: row.clientId,
    title: row.title,
    instructions: row.instructions,
    personalInstructions: row.personalInstructions,
    reflectionPrompt: row.reflectionPrompt,
    cadence: cadenceFrom(row.cadenceKind, row.timesPerWeek, row.dueDate) as Cadence,
    startDate: row.startDate,
    endDate: row.endDate,
    untilNextSession: row.untilNextSession,
    status: row.status,
    shared: row.partnerClientId !== null,
  };
}

/**
 * Each assignment's completed occurrence keys ("date#slot"), for rates and streaks. Aggregated in
 * the database: a year of completions is one short row per assignment, read on every page view.
 */
async function completedKeys(ids: string[]): Promise<Map<string, Set<string>>> {
  if (!ids.length) return new Map();
  const c = homeworkCompletions;
  const rows = await getDb()
    .select({ assignmentId: c.assignmentId, keys: sql<string>`string_agg(${c.occurrenceDate}::text || '#' || ${c.occurrenceSlot}, ',')` })
    .from(c)
    .where(inArray(c.assignmentId, ids))
    .groupBy(c.assignmentId);
  return new Map(rows.map((r) => [r.assignmentId, new Set(r.keys.split(","))]));
}

/** Who marked what and when, for the completions of these occurrences (a week's worth). */
async function completionsOf(rows: readonly AssignmentRow[], occurrences: { assignmentId: string; date: string }[]) {
  if (!occurrences.length) return [];
  const dates = occurrences.map((o) => o.date).sort();
  const c = homeworkCompletions;
  return getDb()
    .select({ id: c.id, assignmentId: c.assignmentId, date: c.occurrenceDate, slot: c.occurrenceSlot, completedBy: c.completedBy, completedOn: c.completedOn })
    .from(c)
    .where(and(inArray(c.assignmentId, rows.map((r) => r.id)), gte(c.occurrenceDate, dates[0]!), lte(c.occurrenceDate, dates.at(-1)!)));
}

/**
 * The portal's "This week": each assignment the client sees with its occurrences in the week
 * holding `weekOf` (default today), on the client's own dates, what is done (with their own
 * reflection; a partner's on a shared practice shows only as done), and its progress.
 */
export async function getClientWeek(scope: ClientScope, weekOf?: string): Promise<ClientWeekView> {
  const client = await clientOf(scope.practiceId, scope.clientId);
  const today = localDateOf(now(), client.timeZone);
  const monday = mondayOf(weekOf ?? today);
  const sunday = addDays(monday, 6);
  const rows = await getDb()
    .select()
    .from(homeworkAssignments)
    .where(and(eq(homeworkAssignments.practiceId, scope.practiceId), visibleTo(scope.clientId)))
    .orderBy(asc(homeworkAssignments.createdAt));
  const schedules = await schedulesOf(rows, client.timeZone);
  const sets = await completedKeys(rows.map((r) => r.id));
  const items = rows.flatMap((row) => {
    const schedule = schedules.get(row.id)!;
    const occurrences = occurrencesBetween(schedule, monday, sunday);
    if (!occurrences.length) return [];
    return [{ row, schedule, occurrences }];
  });
  const keys = await completionsOf(
    items.map((i) => i.row),
    items.flatMap((i) => i.occurrences.map((o) => ({ assignmentId: i.row.id, date: o.date }))),
  );
  const byKey = new Map(keys.map((k) => [`${k.assignmentId}:${occurrenceKey(k)}`, k]));
  const mine = keys.filter((k) => k.completedBy === scope.clientId);
  // Only the client's own words come back: a partner's reflection stays between them and the coach.
  const shown = new Set(items.flatMap(({ row, occurrences }) => occurrences.map((o) => `${row.id}:${occurrenceKey(o)}`)));
  const ownIds = mine.filter((k) => shown.has(`${k.assignmentId}:${occurrenceKey(k)}`)).map((k) => k.id);
  const words = new Map(
    (ownIds.length
      ? await getDb()
          .select({ id: homeworkCompletions.id, reflection: homeworkCompletions.reflection, rating: homeworkCompletions.rating })
          .from(homeworkCompletions)
          .where(inArray(homeworkCompletions.id, ownIds))
      : []
    ).map((w) => [w.id, w]),
  );
  return {
    today,
    monday,
    days: weekDates(monday),
    timeZone: client.timeZone,
    items: items.map(({ row, schedule, occurrences }) => ({
      assignment: summaryOf(row),
      progress: progressOf(schedule, sets.get(row.id) ?? new Set(), today),
      occurrences: occurrences.map((o) => {
        const done = byKey.get(`${row.id}:${occurrenceKey(o)}`);
        const byMe = done?.completedBy === scope.clientId;
        const own = done && byMe ? words.get(done.id) : undefined;
        return {
          ...o,
          done: done ? { byMe, canUndo: byMe && done.completedOn === today, reflection: own?.reflection ?? null, rating: own?.rating ?? null } : null,
          canComplete: !done && row.status === "active" && o.from <= today,
        };
      }),
    })),
  };
}

/**
 * The last 4 weeks of an assignment, oldest first: what counted (past its last day, or done:
 * the completion rate's rule, so a time still open today isn't shown as missed) and what was done.
 */
function lastFourWeeks(occurrencesOf: (from: string, to: string) => Occurrence[], done: Set<string>, today: string) {
  const thisMonday = mondayOf(today);
  return [21, 14, 7, 0].map((back) => {
    const monday = addDays(thisMonday, -back);
    const counted = occurrencesOf(monday, addDays(monday, 6)).filter((o) => o.until < today || done.has(occurrenceKey(o)));
    return { monday, due: counted.length, done: counted.filter((o) => done.has(occurrenceKey(o))).length };
  });
}

/**
 * The coach's view of a client's homework: each assignment of the client (and, for a couple, of
 * the partner and their shared ones) with its progress and last four weeks, and the reflections
 * written since the couple's last session.
 */
export async function getClientAdherence(practiceId: string, clientId: string): Promise<AdherenceView> {
  const client = await clientOf(practiceId, clientId);
  const people = [client.id, ...(client.partnerId ? [client.partnerId] : [])];
  const zones = new Map(
    (await getDb().select({ id: clients.id, timeZone: clients.timeZone, name: clients.name }).from(clients).where(and(eq(clients.practiceId, practiceId), inArray(clients.id, people)))).map(
      (c) => [c.id, c],
    ),
  );
  const rows = await getDb()
    .select()
    .from(homeworkAssignments)
    .where(and(eq(homeworkAssignments.practiceId, practiceId), or(inArray(homeworkAssignments.clientId, people), inArray(homeworkAssignments.partnerClientId, people))))
    .orderBy(asc(homeworkAssignments.createdAt));
  const sets = await completedKeys(rows.map((r) => r.id));
  const zoneOfRow = (row: (typeof rows)[number]) => zones.get(row.clientId)?.timeZone ?? client.timeZone;
  // One schedulesOf per zone (a couple has at most two), not one per assignment: it queries.
  const schedules = new Map<string, Schedule>();
  for (const zone of new Set(rows.map(zoneOfRow))) {
    for (const [id, schedule] of await schedulesOf(rows.filter((r) => zoneOfRow(r) === zone), zone)) schedules.set(id, schedule);
  }
  const assignments: AdherenceView["assignments"] = [];
  for (const row of rows) {
    const zone = zoneOfRow(row);
    const schedule = schedules.get(row.id)!;
    const today = localDateOf(now(), zone);
    const done = sets.get(row.id) ?? new Set<string>();
    assignments.push({
      assignment: summaryOf(row),
      progress: progressOf(schedule, done, today),
      weeks: lastFourWeeks((from, to) => occurrencesBetween(schedule, from, to), done, today),
    });
  }
  const since = await lastSessionStart(practiceId, people);
  const reflections = rows.length ? await reflectionsFor(practiceId, rows.map((r) => r.id), since) : [];
  return { people: people.map((id) => zones.get(id)!).filter(Boolean), assignments, since, reflections };
}

async function lastSessionStart(practiceId: string, people: string[]): Promise<Date | null> {
  const [last] = await getDb()
    .select({ startsAt: bookings.startsAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.practiceId, practiceId),
        or(inArray(bookings.clientId, people), inArray(bookings.partnerClientId, people)),
        inArray(bookings.status, ["confirmed", "completed"]),
        lte(bookings.startsAt, now()),
      ),
    )
    .orderBy(desc(bookings.startsAt))
    .limit(1);
  return last?.startsAt ?? null;
}

/** Reflections (text or rating) on these assignments since an instant, newest first. */
async function reflectionsFor(practiceId: string, assignmentIds: string[] | null, since: Date | null): Promise<ReflectionView[]> {
  return getDb()
    .select({
      id: homeworkCompletions.id,
      assignmentId: homeworkCompletions.assignmentId,
      title: homeworkAssignments.title,
      clientId: clients.id,
      clientName: clients.name,
      occurrenceDate: homeworkCompletions.occurrenceDate,
      completedAt: homeworkCompletions.completedAt,
      reflection: homeworkCompletions.reflection,
      rating: homeworkCompletions.rating,
    })
    .from(homeworkCompletions)
    .innerJoin(homeworkAssignments, eq(homeworkAssignments.id, homeworkCompletions.assignmentId))
    .innerJoin(clients, eq(clients.id, homeworkCompletions.completedBy))
    .where(
      and(
        eq(homeworkCompletions.practiceId, practiceId),
        assignmentIds ? inArray(homeworkCompletions.assignmentId, assignmentIds) : undefined,
        since ? gt(homeworkCompletions.completedAt, since) : undefined,
      ),
    )
    .orderBy(desc(homeworkCompletions.completedAt))
    .limit(100);
}

/** Today's page: every reflection that came in since `since` (yesterday at this time). */
export async function listRecentReflections(practiceId: string, since: Date): Promise<ReflectionView[]> {
  return reflectionsFor(practiceId, null, since);
}
