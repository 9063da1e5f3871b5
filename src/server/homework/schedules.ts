import "server-only";
import { and, asc, eq, gt, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { cadenceFrom } from "@/lib/homework/cadence";
import type { Schedule } from "@/lib/homework/occurrences";
import { localDateOf } from "@/lib/time/zones";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, clients, homeworkAssignments, homeworkPauses } from "@/server/db/schema";
import { notFound } from "@/server/errors";

export type AssignmentRow = typeof homeworkAssignments.$inferSelect;

/** Sessions that mark "the next session": booked, held or already held. */
export const SESSION_STATUSES = ["pending_payment", "confirmed", "completed", "no_show"] as const;

/**
 * Each assignment's occurrence schedule, with its pauses and, for "until the next session", the
 * date of the client's first session after it was assigned (in `timeZone`): if that session
 * moves, so does the end.
 */
export async function schedulesOf(rows: readonly AssignmentRow[], timeZone: string, db: DbOrTx = getDb()): Promise<Map<string, Schedule>> {
  const ids = rows.map((r) => r.id);
  const pauses = ids.length ? await db.select().from(homeworkPauses).where(inArray(homeworkPauses.assignmentId, ids)) : [];
  const open = rows.filter((r) => r.untilNextSession && r.endDate === null);
  const sessions = open.length ? await nextSessions(open, db) : [];
  const out = new Map<string, Schedule>();
  for (const row of rows) {
    const cadence = cadenceFrom(row.cadenceKind, row.timesPerWeek, row.dueDate);
    if (!cadence) throw new Error(`Assignment ${row.id} has no valid cadence`);
    let endDate = row.endDate;
    if (row.untilNextSession && endDate === null) {
      const people = [row.clientId, row.partnerClientId].filter((x): x is string => x !== null);
      const next = sessions.find((s) => s.startsAt > row.createdAt && (people.includes(s.clientId) || (s.partnerClientId !== null && people.includes(s.partnerClientId))));
      if (next) endDate = localDateOf(next.startsAt, timeZone);
    }
    out.set(row.id, {
      cadence,
      startDate: row.startDate,
      endDate,
      pauses: pauses.filter((p) => p.assignmentId === row.id).map((p) => ({ from: p.pausedOn, until: p.resumedOn })),
    });
  }
  return out;
}

async function nextSessions(rows: readonly AssignmentRow[], db: DbOrTx) {
  const people = [...new Set(rows.flatMap((r) => [r.clientId, r.partnerClientId]).filter((x): x is string => x !== null))];
  const earliest = new Date(Math.min(...rows.map((r) => r.createdAt.getTime())));
  return db
    .select({ clientId: bookings.clientId, partnerClientId: bookings.partnerClientId, startsAt: bookings.startsAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.practiceId, rows[0]!.practiceId),
        or(inArray(bookings.clientId, people), inArray(bookings.partnerClientId, people)),
        inArray(bookings.status, [...SESSION_STATUSES]),
        gt(bookings.startsAt, earliest),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

const idSchema = z.uuid();

/** A malformed id names nothing: "not found", like a foreign one. */
export function requireId(id: string, what: string): void {
  if (!idSchema.safeParse(id).success) throw notFound(what);
}

/** The client (of this practice) or not found. */
export async function clientOf(practiceId: string, clientId: string, db: DbOrTx = getDb()) {
  requireId(clientId, "That client");
  const [client] = await db.select().from(clients).where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  if (!client) throw notFound("That client");
  return client;
}

/** Assignments a client sees: their own and the couple's shared ones (never the partner's own). */
export const visibleTo = (clientId: string) =>
  or(eq(homeworkAssignments.clientId, clientId), eq(homeworkAssignments.partnerClientId, clientId));
