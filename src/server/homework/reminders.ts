import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { occurrenceKey, type Occurrence, type Schedule } from "@/lib/homework/occurrences";
import { dueInWindow, homeworkEmailKey, reminderWindow } from "@/lib/homework/reminders";
import { formatLongDate } from "@/lib/time/format";
import { localDateOf, localMinutesOf } from "@/lib/time/zones";
import { now } from "@/server/clock";
import { getDb, type Db } from "@/server/db/client";
import { clients, emailOutbox, homeworkAssignments, homeworkCompletions, practices } from "@/server/db/schema";
import { enqueueEmail } from "@/server/notifications/outbox";
import { unsubscribeUrlFor } from "@/server/notifications/unsubscribe";
import { schedulesOf, visibleTo } from "./schedules";

type Candidate = { id: string; name: string; email: string; timeZone: string; homeworkEmail: "daily" | "weekly"; practiceId: string; practiceName: string };
type Item = { title: string; due: string };

/**
 * Enqueues the homework emails due by now: for each client whose homework email is on and whose
 * local time has passed 08:00 today (outside the quiet hours 21:00–08:00), one email listing what
 * is due that day (daily) or that week (weekly, on Mondays), unless nothing is. Safe to call as
 * often as you like, from any number of servers at once: the outbox row's idempotency key
 * `homework:<client id>:<local date>` is unique in the database, so a client gets at most one a
 * local day. Returns how many it wrote.
 */
export async function enqueueHomeworkEmails(options: { at?: Date; db?: Db } = {}): Promise<{ enqueued: number }> {
  const db = options.db ?? getDb();
  const at = options.at ?? now();
  const due = (await candidates(db)).flatMap((client) => {
    const date = localDateOf(at, client.timeZone);
    const window = reminderWindow(client.homeworkEmail, date, localMinutesOf(at, client.timeZone));
    return window ? [{ client, date, window, key: homeworkEmailKey(client.id, date) }] : [];
  });
  if (!due.length) return { enqueued: 0 };
  // Already written (by an earlier run or another server): not worth working out again.
  const written = await db
    .select({ key: emailOutbox.idempotencyKey })
    .from(emailOutbox)
    .where(inArray(emailOutbox.idempotencyKey, due.map((d) => d.key)));
  const done = new Set(written.map((w) => w.key));
  let enqueued = 0;
  for (const { client, date, window, key } of due) {
    if (done.has(key)) continue;
    const items = await itemsFor(db, client, window);
    if (!items.length) continue;
    const appUrl = env().APP_URL;
    const inserted = await enqueueEmail(db, {
      practiceId: client.practiceId,
      to: client.email,
      template: "homework-reminder",
      data: {
        clientName: client.name,
        practiceName: client.practiceName,
        cadence: client.homeworkEmail,
        periodLabel: client.homeworkEmail === "daily" ? formatLongDate(date, { year: false }) : `the week of ${formatLongDate(date, { year: false })}`,
        items,
        portalUrl: new URL("/portal/homework", appUrl).toString(),
        preferencesUrl: new URL("/portal/settings", appUrl).toString(),
        unsubscribeUrl: unsubscribeUrlFor(client.id),
      },
      sendAfter: at,
      idempotencyKey: key,
      topic: `homework:${client.id}`,
      priority: "bulk",
    });
    if (inserted) enqueued++;
  }
  return { enqueued };
}

/** Active clients with the email on and some assignment (their own or shared) not ended. */
async function candidates(db: Db): Promise<Candidate[]> {
  const a = homeworkAssignments;
  const rows = await db
    .select({
      id: clients.id,
      name: clients.name,
      email: clients.email,
      timeZone: clients.timeZone,
      homeworkEmail: clients.homeworkEmail,
      practiceId: clients.practiceId,
      practiceName: practices.name,
    })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .where(
      and(
        eq(clients.status, "active"),
        ne(clients.homeworkEmail, "off"),
        sql`exists (select 1 from ${a} where ${a.practiceId} = ${clients.practiceId} and ${a.status} <> 'ended' and (${a.clientId} = ${clients.id} or ${a.partnerClientId} = ${clients.id}))`,
      ),
    );
  return rows.filter((r): r is Candidate => r.homeworkEmail !== "off");
}

/** What the email lists: each assignment with something open in the window and not yet done. */
async function itemsFor(db: Db, client: Candidate, window: { from: string; to: string }): Promise<Item[]> {
  const rows = await db
    .select()
    .from(homeworkAssignments)
    .where(and(eq(homeworkAssignments.practiceId, client.practiceId), ne(homeworkAssignments.status, "ended"), visibleTo(client.id)))
    .orderBy(asc(homeworkAssignments.createdAt));
  if (!rows.length) return [];
  const schedules = await schedulesOf(rows, client.timeZone, db);
  const open = rows.map((row) => ({ row, schedule: schedules.get(row.id)!, occurrences: dueInWindow(schedules.get(row.id)!, window) }));
  const dates = [...new Set(open.flatMap((o) => o.occurrences.map((x) => x.date)))];
  const completed = dates.length
    ? await db
        .select({ assignmentId: homeworkCompletions.assignmentId, date: homeworkCompletions.occurrenceDate, slot: homeworkCompletions.occurrenceSlot })
        .from(homeworkCompletions)
        .where(and(inArray(homeworkCompletions.assignmentId, rows.map((r) => r.id)), inArray(homeworkCompletions.occurrenceDate, dates)))
    : [];
  return open.flatMap(({ row, schedule, occurrences }) => {
    const doneKeys = new Set(completed.filter((c) => c.assignmentId === row.id).map(occurrenceKey));
    const left = occurrences.filter((o) => !doneKeys.has(occurrenceKey(o)));
    return left.length ? [{ title: row.title, due: dueLabel(schedule, left, window) }] : [];
  });
}

/** "today", "by Sunday, March 15", "every day (7 days)", "3 times by Sunday, March 15". */
function dueLabel(schedule: Schedule, left: Occurrence[], window: { from: string; to: string }): string {
  const by = (date: string) => (date === window.from ? "today" : `by ${formatLongDate(date, { year: false })}`);
  const last = left.at(-1)!.until;
  switch (schedule.cadence.kind) {
    case "daily":
      return left.length === 1 ? by(last) : `every day (${left.length} days)`;
    case "times_per_week":
      return left.length === 1 ? `once more, ${by(last)}` : `${left.length} times, ${by(last)}`;
    default:
      return by(last);
  }
}
