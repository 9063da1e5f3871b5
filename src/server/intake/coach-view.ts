import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { clients, intakeResponses, questionnaireVersions, questionnaires } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { pillarAssessments } from "@/lib/intake/pillar-history";
import type { IntakeStatus } from "@/lib/intake/status";

/**
 * The coach's side: every response of the practice, scoped by practice id.
 * Each response is one person's own answers; a couple's two are shown side by
 * side only here, to the coach.
 */
const idSchema = z.uuid();

export async function listClientIntakesForCoach(practiceId: string, clientId: string) {
  return getDb()
    .select({
      id: intakeResponses.id,
      name: questionnaires.name,
      status: intakeResponses.status,
      assignedAt: intakeResponses.assignedAt,
      submittedAt: intakeResponses.submittedAt,
    })
    .from(intakeResponses)
    .innerJoin(questionnaires, eq(questionnaires.id, intakeResponses.questionnaireId))
    .where(and(eq(intakeResponses.practiceId, practiceId), eq(intakeResponses.clientId, clientId)))
    .orderBy(desc(intakeResponses.assignedAt));
}

async function loadResponse(practiceId: string, where: ReturnType<typeof and>) {
  const [row] = await getDb()
    .select({ response: intakeResponses, content: questionnaireVersions.content, client: clients, questionnaireName: questionnaires.name })
    .from(intakeResponses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, intakeResponses.versionId))
    .innerJoin(questionnaires, eq(questionnaires.id, intakeResponses.questionnaireId))
    .innerJoin(clients, eq(clients.id, intakeResponses.clientId))
    .where(and(eq(intakeResponses.practiceId, practiceId), where))
    .orderBy(desc(intakeResponses.submittedAt))
    .limit(1);
  return row ?? null;
}

/**
 * One response with its client, and, for a couple, the partner's submitted
 * response to the same questionnaire (the latest) to compare with.
 */
export async function getIntakeProfile(practiceId: string, clientId: string, responseId: string) {
  if (!idSchema.safeParse(responseId).success || !idSchema.safeParse(clientId).success) throw notFound("That intake");
  const mine = await loadResponse(practiceId, and(eq(intakeResponses.id, responseId), eq(intakeResponses.clientId, clientId)));
  if (!mine) throw notFound("That intake");
  const partnerId = mine.client.partnerId;
  const partner = partnerId
    ? await loadResponse(
        practiceId,
        and(
          eq(intakeResponses.clientId, partnerId),
          eq(intakeResponses.questionnaireId, mine.response.questionnaireId),
          eq(intakeResponses.status, "submitted"),
          ne(intakeResponses.id, mine.response.id),
        ),
      )
    : null;
  return { mine, partner };
}

/**
 * Each client's intake status for the coach's lists (Today, the calendar, a
 * client page): the least finished of their intakes, so anything still open shows.
 * Check-ins (`due_at` set) don't count: an open check-in isn't an unfinished intake.
 */
export async function intakeStatusFor(practiceId: string, clientIds: string[]): Promise<Map<string, IntakeStatus>> {
  const out = new Map<string, IntakeStatus>();
  if (!clientIds.length) return out;
  const rows = await getDb()
    .select({ clientId: intakeResponses.clientId, status: intakeResponses.status })
    .from(intakeResponses)
    .where(and(eq(intakeResponses.practiceId, practiceId), inArray(intakeResponses.clientId, [...new Set(clientIds)]), isNull(intakeResponses.dueAt)));
  const order: IntakeStatus[] = ["not_started", "in_progress", "submitted"];
  for (const { clientId, status } of rows) {
    const seen = out.get(clientId);
    if (!seen || order.indexOf(status) < order.indexOf(seen)) out.set(clientId, status);
  }
  return out;
}

/**
 * The pillars over time for the client page: every submitted response of this
 * client (intakes and check-ins alike) whose profile rated a pillar, oldest
 * first, in one query. Only this client's own responses: a partner's are theirs.
 */
export async function getPillarHistory(practiceId: string, clientId: string) {
  if (!idSchema.safeParse(clientId).success) return [];
  const rows = await getDb()
    .select({ id: intakeResponses.id, name: questionnaires.name, submittedAt: intakeResponses.submittedAt, profile: intakeResponses.profile })
    .from(intakeResponses)
    .innerJoin(questionnaires, eq(questionnaires.id, intakeResponses.questionnaireId))
    .where(and(eq(intakeResponses.practiceId, practiceId), eq(intakeResponses.clientId, clientId), eq(intakeResponses.status, "submitted")))
    .orderBy(asc(intakeResponses.submittedAt));
  return pillarAssessments(rows.map(({ profile, ...row }) => ({ ...row, pillars: profile?.pillars })));
}
