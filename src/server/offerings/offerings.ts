import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { offerings, practices } from "@/server/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { offeringInput, type OfferingInput } from "./schemas";
import { z } from "zod";

const idSchema = z.uuid();

/** Every function takes the practice id first: a foreign id simply isn't found. */
export async function listOfferings(practiceId: string) {
  return getDb()
    .select()
    .from(offerings)
    .where(eq(offerings.practiceId, practiceId))
    .orderBy(asc(offerings.sortOrder), asc(offerings.createdAt));
}

export async function listActiveOfferings(practiceId: string) {
  return getDb()
    .select()
    .from(offerings)
    .where(and(eq(offerings.practiceId, practiceId), eq(offerings.active, true)))
    .orderBy(asc(offerings.sortOrder), asc(offerings.createdAt));
}

export async function getOffering(practiceId: string, offeringId: string) {
  if (!idSchema.safeParse(offeringId).success) throw notFound("That offering");
  const [row] = await getDb()
    .select()
    .from(offerings)
    .where(and(eq(offerings.practiceId, practiceId), eq(offerings.id, offeringId)))
    .limit(1);
  if (!row) throw notFound("That offering");
  return row;
}

export async function findActiveOfferingBySlug(practiceId: string, slug: string) {
  const [row] = await getDb()
    .select()
    .from(offerings)
    .where(and(eq(offerings.practiceId, practiceId), eq(offerings.slug, slug), eq(offerings.active, true)))
    .limit(1);
  return row ?? null;
}

export async function createOffering(practiceId: string, input: OfferingInput) {
  const { price, ...values } = parseInput(offeringInput, input);
  const [practice] = await getDb().select({ currency: practices.currency }).from(practices).where(eq(practices.id, practiceId));
  if (!practice) throw notFound("That practice");
  try {
    const [row] = await getDb()
      .insert(offerings)
      .values({ ...values, priceCents: price, currency: practice.currency, practiceId })
      .returning();
    return row!;
  } catch (error) {
    throw mapSlugConflict(error);
  }
}

export async function updateOffering(practiceId: string, offeringId: string, input: OfferingInput) {
  await getOffering(practiceId, offeringId);
  const { price, ...values } = parseInput(offeringInput, input);
  try {
    const [row] = await getDb()
      .update(offerings)
      .set({ ...values, priceCents: price })
      .where(and(eq(offerings.practiceId, practiceId), eq(offerings.id, offeringId)))
      .returning();
    if (!row) throw notFound("That offering");
    return row;
  } catch (error) {
    throw mapSlugConflict(error);
  }
}

export async function setOfferingActive(practiceId: string, offeringId: string, active: boolean) {
  await getOffering(practiceId, offeringId);
  const [row] = await getDb()
    .update(offerings)
    .set({ active })
    .where(and(eq(offerings.practiceId, practiceId), eq(offerings.id, offeringId)))
    .returning();
  return row!;
}

export async function deleteOffering(practiceId: string, offeringId: string) {
  await getOffering(practiceId, offeringId);
  try {
    await getDb().delete(offerings).where(and(eq(offerings.practiceId, practiceId), eq(offerings.id, offeringId)));
  } catch (error) {
    // Sessions booked on it keep it alive; hiding it is the way out.
    if ((error as { cause?: { code?: string } }).cause?.code === "23503") {
      throw conflict("This offering has sessions booked on it. Turn it off instead of deleting it.");
    }
    throw error;
  }
}

function mapSlugConflict(error: unknown) {
  if (isUniqueViolation(error, "offerings_practice_slug_key")) {
    return conflict("That address is taken.", { slug: ["Another offering already uses this address."] });
  }
  return error;
}
