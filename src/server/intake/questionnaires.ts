import "server-only";
import { and, asc, desc, eq, isNull, ne, notExists, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/server/db/client";
import { intakeResponses, offerings, practices, questionnaireVersions, questionnaires } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import type { OfferingKind } from "@/lib/offerings";
import type { QuestionnaireContent } from "@/lib/intake/model";
import { questionnaireContentSchema } from "./schemas";
import { pillarsCheckIn } from "./templates/checkin";
import { crisisIntake } from "./templates/crisis";
import { oneOnOneIntake } from "./templates/one-on-one";
import { relationshipIntake } from "./templates/relationship";

const idSchema = z.uuid();

const TEMPLATES: Record<OfferingKind, { name: string; content: QuestionnaireContent }> = {
  relationship: { name: "Relationship intake", content: relationshipIntake },
  crisis: { name: "Crisis intake (with safety screen)", content: crisisIntake },
  one_on_one: { name: "One-on-one intake", content: oneOnOneIntake },
};

const CHECKIN_TEMPLATE = { name: "Pillars check-in", content: pillarsCheckIn };

async function insertTemplate(db: DbOrTx, practiceId: string, kind: OfferingKind | "checkin", template: { name: string; content: QuestionnaireContent }) {
  const [row] = await db.insert(questionnaires).values({ practiceId, kind, name: template.name }).returning({ id: questionnaires.id });
  await db.insert(questionnaireVersions).values({ questionnaireId: row!.id, version: 1, content: template.content });
  return row!.id;
}

/**
 * Gives a practice the three intake templates, one per offering kind, and the
 * pillars check-in, as its own questionnaires to edit. Runs in the
 * transaction that creates the practice. Returns the intakes' ids by kind.
 */
export async function seedIntakeTemplates(db: DbOrTx, practiceId: string): Promise<Record<OfferingKind, string>> {
  const ids = {} as Record<OfferingKind, string>;
  for (const [kind, template] of Object.entries(TEMPLATES) as [OfferingKind, (typeof TEMPLATES)[OfferingKind]][]) {
    ids[kind] = await insertTemplate(db, practiceId, kind, template);
  }
  await insertTemplate(db, practiceId, "checkin", CHECKIN_TEMPLATE);
  return ids;
}

/**
 * At server start: a practice created before intake existed gets the three
 * templates, and its offerings without an intake the one of their kind. A
 * practice that has any questionnaire is left alone (the coach may have
 * removed or renamed them), except that one created before re-assessment
 * existed gets the pillars check-in. Returns how many practices it gave
 * templates.
 */
export async function ensureIntakeTemplates(): Promise<number> {
  return getDb().transaction(async (tx) => {
    // Two servers starting at once give each practice its templates once.
    await tx.execute(sql`select pg_advisory_xact_lock(724211009)`);
    const missing = await tx
      .select({ id: practices.id })
      .from(practices)
      .where(notExists(tx.select({ one: sql`1` }).from(questionnaires).where(eq(questionnaires.practiceId, practices.id))));
    for (const { id } of missing) {
      const ids = await seedIntakeTemplates(tx, id);
      for (const [kind, questionnaireId] of Object.entries(ids) as [OfferingKind, string][]) {
        await tx
          .update(offerings)
          .set({ intakeQuestionnaireId: questionnaireId })
          .where(and(eq(offerings.practiceId, id), eq(offerings.kind, kind), isNull(offerings.intakeQuestionnaireId)));
      }
    }
    const noCheckIn = await tx
      .select({ id: practices.id })
      .from(practices)
      .where(
        notExists(
          tx
            .select({ one: sql`1` })
            .from(questionnaires)
            .where(and(eq(questionnaires.practiceId, practices.id), eq(questionnaires.kind, "checkin"))),
        ),
      );
    for (const { id } of noCheckIn) await insertTemplate(tx, id, "checkin", CHECKIN_TEMPLATE);
    return new Set([...missing, ...noCheckIn].map((p) => p.id)).size;
  });
}

const offeringIntakeInput = z.object({ offeringId: z.uuid(), questionnaireId: z.uuid().nullable(), required: z.boolean().default(false) });

/**
 * Which questionnaire an offering's first booking assigns (null: none), and
 * whether the coach wants it back before the session (a warning, never a
 * cancellation; meaningless without a questionnaire, so off then). Both must
 * be the practice's own.
 */
export async function setOfferingIntake(practiceId: string, input: { offeringId: string; questionnaireId: string | null; required?: boolean }) {
  const values = parseInput(offeringIntakeInput, input);
  if (values.questionnaireId) await latestVersion(getDb(), practiceId, values.questionnaireId);
  const [row] = await getDb()
    .update(offerings)
    .set({ intakeQuestionnaireId: values.questionnaireId, intakeRequired: values.questionnaireId !== null && values.required })
    .where(and(eq(offerings.practiceId, practiceId), eq(offerings.id, values.offeringId)))
    .returning({ id: offerings.id, intakeQuestionnaireId: offerings.intakeQuestionnaireId, intakeRequired: offerings.intakeRequired });
  if (!row) throw notFound("That offering");
  return row;
}

/** The practice's template for an offering kind (a new offering names it as its intake), if it still has one. */
export async function findTemplateFor(db: DbOrTx, practiceId: string, kind: OfferingKind): Promise<string | null> {
  const [row] = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.practiceId, practiceId), eq(questionnaires.kind, kind)))
    .orderBy(asc(questionnaires.createdAt))
    .limit(1);
  return row?.id ?? null;
}

export async function listQuestionnaires(practiceId: string) {
  return getDb()
    .select({ id: questionnaires.id, name: questionnaires.name, kind: questionnaires.kind, updatedAt: questionnaires.updatedAt })
    .from(questionnaires)
    .where(eq(questionnaires.practiceId, practiceId))
    .orderBy(asc(questionnaires.createdAt));
}

/** The latest version of a practice's questionnaire. */
export async function latestVersion(db: DbOrTx, practiceId: string, questionnaireId: string) {
  if (!idSchema.safeParse(questionnaireId).success) throw notFound("That questionnaire");
  const [row] = await db
    .select({ questionnaire: questionnaires, version: questionnaireVersions })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaires.practiceId, practiceId), eq(questionnaires.id, questionnaireId)))
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  if (!row) throw notFound("That questionnaire");
  return row;
}

export const getQuestionnaire = (practiceId: string, questionnaireId: string) => latestVersion(getDb(), practiceId, questionnaireId);

/**
 * Saves the builder's questions. While nobody has started answering the latest
 * version it is edited in place; once someone has, a new version is written
 * (the database refuses to change an answered one) and responses keep theirs.
 */
export async function saveQuestionnaire(practiceId: string, questionnaireId: string, input: { name: string; content: unknown }) {
  const { name } = parseInput(z.object({ name: z.string().trim().min(1, "Give the questionnaire a name.").max(120, "Keep the name under 120 characters.") }), { name: input.name });
  const content = parseInput(questionnaireContentSchema, input.content);
  return getDb().transaction(async (tx) => {
    const { version } = await latestVersion(tx, practiceId, questionnaireId);
    await tx.update(questionnaires).set({ name }).where(eq(questionnaires.id, questionnaireId));
    const [answered] = await tx
      .select({ id: intakeResponses.id })
      .from(intakeResponses)
      .where(and(eq(intakeResponses.versionId, version.id), ne(intakeResponses.status, "not_started")))
      .limit(1);
    if (!answered) {
      const [row] = await tx.update(questionnaireVersions).set({ content }).where(eq(questionnaireVersions.id, version.id)).returning();
      return row!;
    }
    const [row] = await tx
      .insert(questionnaireVersions)
      .values({ questionnaireId, version: version.version + 1, content })
      .returning();
    return row!;
  });
}
