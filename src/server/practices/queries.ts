import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { memberships, practices } from "@/server/db/schema";
import { notFound } from "@/server/errors";

/** Slugs are lowercase letters, digits and hyphens; anything else can't name a practice or offering. */
export const looksLikeSlug = (value: string) => /^[a-z0-9-]{1,80}$/i.test(value);

export async function findPracticeBySlug(slug: string) {
  if (!looksLikeSlug(slug)) return null;
  const [practice] = await getDb().select().from(practices).where(eq(practices.slug, slug.toLowerCase())).limit(1);
  return practice ?? null;
}

export async function getPracticeBySlug(slug: string) {
  const practice = await findPracticeBySlug(slug);
  if (!practice) throw notFound("That practice");
  return practice;
}

export async function getPractice(practiceId: string) {
  const [practice] = await getDb().select().from(practices).where(eq(practices.id, practiceId)).limit(1);
  if (!practice) throw notFound("That practice");
  return practice;
}

/** The practice a user coaches, if any (one per coach for now). */
export async function findCoachPractice(userId: string) {
  const [row] = await getDb()
    .select({ practice: practices })
    .from(memberships)
    .innerJoin(practices, eq(practices.id, memberships.practiceId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "coach")))
    .limit(1);
  return row?.practice ?? null;
}
