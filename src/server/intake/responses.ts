import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { intakeResponses, questionnaireVersions, questionnaires } from "@/server/db/schema";
import { now } from "@/server/clock";
import { AppError, notFound } from "@/server/errors";
import { withdrawPendingEmails } from "@/server/notifications/outbox";
import { missingRequired, parseAnswer } from "@/lib/intake/answers";
import { flagsCrisis, isAnswerable, type Answers } from "@/lib/intake/model";
import { scoreResponse } from "@/lib/intake/scoring";
import { resumeAnsweredSchedule } from "./checkins";
import { raiseCrisisAlert } from "./crisis";

/**
 * The client's side of an intake. Every function takes the signed-in client's
 * practice and client id: someone else's response (a partner's included) is
 * "not found", exactly like one that doesn't exist.
 */
type ClientScope = { practiceId: string; clientId: string };

const idSchema = z.uuid();
const notYours = () => notFound("That questionnaire");

/** The client's intakes, newest first, with no answers (a list needs none). */
export async function listClientIntakes(scope: ClientScope) {
  return getDb()
    .select({
      id: intakeResponses.id,
      name: questionnaires.name,
      title: questionnaireVersions.content,
      status: intakeResponses.status,
      assignedAt: intakeResponses.assignedAt,
      submittedAt: intakeResponses.submittedAt,
    })
    .from(intakeResponses)
    .innerJoin(questionnaires, eq(questionnaires.id, intakeResponses.questionnaireId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, intakeResponses.versionId))
    .where(and(eq(intakeResponses.practiceId, scope.practiceId), eq(intakeResponses.clientId, scope.clientId)))
    .orderBy(desc(intakeResponses.assignedAt))
    .then((rows) => rows.map(({ title, ...row }) => ({ ...row, title: title.title })));
}

export async function getClientIntake(scope: ClientScope, responseId: string) {
  if (!idSchema.safeParse(responseId).success) throw notYours();
  const [row] = await getDb()
    .select({ response: intakeResponses, content: questionnaireVersions.content })
    .from(intakeResponses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, intakeResponses.versionId))
    .where(
      and(eq(intakeResponses.id, responseId), eq(intakeResponses.practiceId, scope.practiceId), eq(intakeResponses.clientId, scope.clientId)),
    );
  if (!row) throw notYours();
  return row;
}

const alreadySubmitted = () => new AppError("conflict", "This questionnaire was already submitted; its answers can no longer change.");

/**
 * Saves one answer as it is given (autosave). A blank answer clears it. A
 * safety question answered "yes" raises the coach's crisis alert in the same
 * transaction: the alert doesn't wait for submit. Returns whether the answer
 * flags a crisis, so the screen shows help at once.
 */
export async function saveIntakeAnswer(scope: ClientScope, responseId: string, questionId: string, raw: string | string[] | undefined) {
  const { content } = await getClientIntake(scope, responseId);
  const question = content.questions.find((q) => q.id === questionId);
  if (!question || !isAnswerable(question)) throw new AppError("invalid", "That question isn't part of this questionnaire.", { questionId: ["Unknown question."] });
  const parsed = parseAnswer(question, raw);
  if (!parsed.ok) throw new AppError("invalid", parsed.message, { [questionId]: [parsed.message] });

  return getDb().transaction(async (tx) => {
    const [current] = await tx.select().from(intakeResponses).where(eq(intakeResponses.id, responseId)).for("update");
    if (!current) throw notYours();
    if (current.status === "submitted") throw alreadySubmitted();
    const answers: Answers = { ...current.answers };
    if (parsed.value === null) delete answers[questionId];
    else answers[questionId] = parsed.value;
    const startedAt = current.startedAt ?? now();
    await tx.update(intakeResponses).set({ answers, status: "in_progress", startedAt }).where(eq(intakeResponses.id, responseId));
    const crisis = flagsCrisis(question, parsed.value ?? undefined);
    if (crisis) await raiseCrisisAlert(tx, current);
    return { questionId, value: parsed.value, crisis };
  });
}

/**
 * Submits: every required question answered, then the profile is scored with
 * this version's rules and the answers become read-only. Submitting again
 * changes nothing. Pending reminders are withdrawn.
 */
export async function submitIntake(scope: ClientScope, responseId: string) {
  const { content } = await getClientIntake(scope, responseId);
  return getDb().transaction(async (tx) => {
    const [current] = await tx.select().from(intakeResponses).where(eq(intakeResponses.id, responseId)).for("update");
    if (!current) throw notYours();
    if (current.status === "submitted") return current;
    const missing = missingRequired(content.questions.filter(isAnswerable), current.answers);
    if (missing.length) {
      throw new AppError(
        "invalid",
        missing.length === 1 ? "One question still needs an answer." : `${missing.length} questions still need an answer.`,
        Object.fromEntries(missing.map((q) => [q.id, ["Please answer this question."]])),
      );
    }
    const profile = scoreResponse(content.questions, current.answers);
    const at = now();
    const [row] = await tx
      .update(intakeResponses)
      .set({ status: "submitted", submittedAt: at, startedAt: current.startedAt ?? at, profile })
      .where(eq(intakeResponses.id, responseId))
      .returning();
    await withdrawPendingEmails(tx, `intake:${responseId}`);
    // A check-in answered after its schedule paused itself for want of answers starts it again.
    if (current.scheduleId) await resumeAnsweredSchedule(tx, current.scheduleId, at);
    return row!;
  });
}
