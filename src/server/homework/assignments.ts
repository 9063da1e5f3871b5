import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { AssignmentStatus } from "@/lib/homework/cadence";
import { addDays } from "@/lib/time/dates";
import { localDateOf } from "@/lib/time/zones";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { homeworkAssignments, homeworkPauses, homeworkPractices } from "@/server/db/schema";
import { conflict, invalid, notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { assignmentInput, type AssignmentInput } from "./schemas";
import { clientOf, requireId, schedulesOf } from "./schedules";

/**
 * Assigns a library practice to a client, with the library's text as it is now (later edits
 * don't change it). For a couple: "each" makes one assignment per partner, "shared" one that
 * either partner marks done. Returns the assignments made.
 */
export async function assignPractice(practiceId: string, coachId: string | null, input: AssignmentInput) {
  const v = parseInput(assignmentInput, input);
  return getDb().transaction(async (tx) => {
    const client = await clientOf(practiceId, v.clientId, tx);
    requireId(v.libraryPracticeId, "That practice");
    const [practice] = await tx
      .select()
      .from(homeworkPractices)
      .where(and(eq(homeworkPractices.practiceId, practiceId), eq(homeworkPractices.id, v.libraryPracticeId), isNull(homeworkPractices.retiredAt)));
    if (!practice) throw notFound("That practice");
    if (v.assignTo !== "client" && !client.partnerId) {
      throw invalid("This client has no partner on record.", { assignTo: ["Assign it to this client alone, or add their partner first."] });
    }
    const common = {
      practiceId,
      libraryPracticeId: practice.id,
      assignedBy: coachId,
      title: practice.title,
      instructions: practice.instructions,
      reflectionPrompt: practice.reflectionPrompt,
      personalInstructions: v.personalInstructions,
      cadenceKind: v.cadenceKind,
      timesPerWeek: v.timesPerWeek,
      dueDate: v.dueDate,
      startDate: v.startDate,
      endDate: v.endDate,
      untilNextSession: v.endMode === "next_session",
      // The server's clock (not the database's): "the next session" is the first after this.
      createdAt: now(),
    };
    const rows =
      v.assignTo === "client"
        ? [{ ...common, clientId: client.id }]
        : v.assignTo === "shared"
          ? [{ ...common, clientId: client.id, partnerClientId: client.partnerId }]
          : [
              { ...common, clientId: client.id },
              { ...common, clientId: client.partnerId! },
            ];
    return tx.insert(homeworkAssignments).values(rows).returning();
  });
}

/** The assignment (of this practice) and its client's "today", locked for the change. */
async function changeStatus(
  practiceId: string,
  assignmentId: string,
  from: readonly AssignmentStatus[],
  change: (tx: DbOrTx, row: typeof homeworkAssignments.$inferSelect, today: string, timeZone: string) => Promise<void>,
) {
  requireId(assignmentId, "That assignment");
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(homeworkAssignments)
      .where(and(eq(homeworkAssignments.practiceId, practiceId), eq(homeworkAssignments.id, assignmentId)))
      .for("update");
    if (!row) throw notFound("That assignment");
    if (!from.includes(row.status)) throw conflict(`This practice is ${row.status}.`);
    const client = await clientOf(practiceId, row.clientId, tx);
    await change(tx, row, localDateOf(now(), client.timeZone), client.timeZone);
  });
}

/** Stops the practice from being due until resumed; what was done stays. */
export async function pauseAssignment(practiceId: string, assignmentId: string) {
  await changeStatus(practiceId, assignmentId, ["active"], async (tx, row, today) => {
    await tx.insert(homeworkPauses).values({ assignmentId: row.id, pausedOn: today });
    await tx.update(homeworkAssignments).set({ status: "paused" }).where(eq(homeworkAssignments.id, row.id));
  });
}

export async function resumeAssignment(practiceId: string, assignmentId: string) {
  await changeStatus(practiceId, assignmentId, ["paused"], async (tx, row, today) => {
    await closePause(tx, row.id, today);
    await tx.update(homeworkAssignments).set({ status: "active" }).where(eq(homeworkAssignments.id, row.id));
  });
}

/**
 * Ends the practice today (in the client's zone): nothing is due after today, and its occurrences
 * and reflections so far stay in its history. An assignment that hadn't started yet ends empty.
 */
export async function endAssignment(practiceId: string, assignmentId: string) {
  await changeStatus(practiceId, assignmentId, ["active", "paused"], async (tx, row, today, timeZone) => {
    await closePause(tx, row.id, today);
    const beforeStart = addDays(row.startDate, -1);
    let endDate = today < row.startDate ? beforeStart : today;
    // An end already set, or the session "until the next session" already reached, stays.
    const scheduled = (await schedulesOf([row], timeZone, tx)).get(row.id)!.endDate;
    if (scheduled !== null && scheduled < endDate) endDate = scheduled;
    await tx.update(homeworkAssignments).set({ status: "ended", endedAt: now(), endDate }).where(eq(homeworkAssignments.id, row.id));
  });
}

async function closePause(tx: DbOrTx, assignmentId: string, today: string) {
  await tx
    .update(homeworkPauses)
    .set({ resumedOn: today })
    .where(and(eq(homeworkPauses.assignmentId, assignmentId), isNull(homeworkPauses.resumedOn)));
}
