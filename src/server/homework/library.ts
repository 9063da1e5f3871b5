import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { homeworkPractices } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { addFrameworkPractices } from "./framework-practices";
import { requireId } from "./schedules";
import { libraryPracticeInput, type LibraryPracticeInput } from "./schemas";

/**
 * The practice's library, the framework's twelve first. A practice made before homework existed
 * gets the twelve on first look.
 */
export async function listLibrary(practiceId: string, { includeRetired = false } = {}) {
  const db = getDb();
  const [framework] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(homeworkPractices)
    .where(and(eq(homeworkPractices.practiceId, practiceId), isNotNull(homeworkPractices.frameworkKey)));
  if (!framework?.count) await addFrameworkPractices(db, practiceId);
  return db
    .select()
    .from(homeworkPractices)
    .where(and(eq(homeworkPractices.practiceId, practiceId), includeRetired ? undefined : isNull(homeworkPractices.retiredAt)))
    .orderBy(sql`${homeworkPractices.frameworkKey} is null`, asc(homeworkPractices.createdAt), asc(homeworkPractices.title));
}

export async function createLibraryPractice(practiceId: string, input: LibraryPracticeInput) {
  const values = parseInput(libraryPracticeInput, input);
  const [row] = await getDb().insert(homeworkPractices).values({ practiceId, ...values }).returning();
  return row!;
}

/** Edits the library text; assignments already made keep the text they were given. */
export async function updateLibraryPractice(practiceId: string, libraryPracticeId: string, input: LibraryPracticeInput) {
  requireId(libraryPracticeId, "That practice");
  const values = parseInput(libraryPracticeInput, input);
  const [row] = await getDb()
    .update(homeworkPractices)
    .set(values)
    .where(and(eq(homeworkPractices.practiceId, practiceId), eq(homeworkPractices.id, libraryPracticeId)))
    .returning();
  if (!row) throw notFound("That practice");
  return row;
}

/** Retired practices are offered no more; assignments made from them go on. `retired: false` brings one back. */
export async function setLibraryPracticeRetired(practiceId: string, libraryPracticeId: string, retired: boolean) {
  requireId(libraryPracticeId, "That practice");
  const [row] = await getDb()
    .update(homeworkPractices)
    .set({ retiredAt: retired ? sql`now()` : null })
    .where(and(eq(homeworkPractices.practiceId, practiceId), eq(homeworkPractices.id, libraryPracticeId)))
    .returning();
  if (!row) throw notFound("That practice");
  return row;
}
