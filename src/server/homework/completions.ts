import "server-only";
import { and, eq } from "drizzle-orm";
import { findOccurrence } from "@/lib/homework/occurrences";
import { localDateOf } from "@/lib/time/zones";
import { now } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { homeworkAssignments, homeworkCompletions } from "@/server/db/schema";
import { invalid, notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { completionInput, occurrenceInput, type CompletionInput, type OccurrenceInput } from "./schemas";
import { clientOf, requireId, schedulesOf, visibleTo } from "./schedules";

type ClientScope = { practiceId: string; clientId: string };

/** The assignment if this client may see it (theirs, or their couple's shared one), else not found. */
async function visibleAssignment(scope: ClientScope, assignmentId: string) {
  requireId(assignmentId, "That practice");
  const [row] = await getDb()
    .select()
    .from(homeworkAssignments)
    .where(and(eq(homeworkAssignments.practiceId, scope.practiceId), eq(homeworkAssignments.id, assignmentId), visibleTo(scope.clientId)));
  if (!row) throw notFound("That practice");
  return row;
}

/**
 * Marks one occurrence done with the client's reflection. Marking it again leaves the first
 * completion as it was (the unique index decides, so two tabs or a double tap make one).
 * Returns the completion and whether this call made it.
 */
export async function completeOccurrence(scope: ClientScope, input: CompletionInput) {
  const v = parseInput(completionInput, input);
  const row = await visibleAssignment(scope, v.assignmentId);
  if (row.status !== "active") throw invalid(row.status === "paused" ? "This practice is paused." : "This practice has ended.");
  const client = await clientOf(scope.practiceId, scope.clientId);
  const today = localDateOf(now(), client.timeZone);
  const schedule = (await schedulesOf([row], client.timeZone)).get(row.id)!;
  const occurrence = findOccurrence(schedule, v.occurrenceDate, v.occurrenceSlot);
  if (!occurrence) throw invalid("That isn't one of this practice's times.", { occurrenceDate: ["That isn't one of this practice's times."] });
  if (occurrence.from > today) throw invalid("That time hasn't come yet.", { occurrenceDate: ["You can mark it done from its day on."] });

  const [made] = await getDb()
    .insert(homeworkCompletions)
    .values({
      practiceId: scope.practiceId,
      assignmentId: row.id,
      occurrenceDate: occurrence.date,
      occurrenceSlot: occurrence.slot,
      completedBy: scope.clientId,
      completedAt: now(),
      completedOn: today,
      reflection: v.reflection,
      rating: v.rating,
    })
    .onConflictDoNothing()
    .returning();
  if (made) return { completion: made, created: true };
  const [existing] = await getDb().select().from(homeworkCompletions).where(occurrenceIs(row.id, occurrence.date, occurrence.slot));
  return { completion: existing!, created: false };
}

/** Takes back a "done" on the day it was marked (the client's day), by whoever marked it. */
export async function undoCompletion(scope: ClientScope, input: OccurrenceInput) {
  const v = parseInput(occurrenceInput, input);
  const row = await visibleAssignment(scope, v.assignmentId);
  const [completion] = await getDb().select().from(homeworkCompletions).where(occurrenceIs(row.id, v.occurrenceDate, v.occurrenceSlot));
  if (!completion || completion.completedBy !== scope.clientId) throw notFound("That completion");
  const client = await clientOf(scope.practiceId, scope.clientId);
  if (completion.completedOn !== localDateOf(now(), client.timeZone)) {
    throw invalid("It can only be undone on the day you marked it done.");
  }
  await getDb().delete(homeworkCompletions).where(eq(homeworkCompletions.id, completion.id));
}

const occurrenceIs = (assignmentId: string, date: string, slot: number) =>
  and(
    eq(homeworkCompletions.assignmentId, assignmentId),
    eq(homeworkCompletions.occurrenceDate, date),
    eq(homeworkCompletions.occurrenceSlot, slot),
  );
