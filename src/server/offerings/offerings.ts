import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { offerings, practices } from "@/server/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { findTemplateFor } from "@/server/intake/questionnaires";
import { looksLikeSlug } from "@/server/practices/queries";
import { parseInput } from "@/server/validate";
import { offeringInput, type OfferingInput } from "./schemas";
import { z } from "zod";
import { schedulingDefaultsFor } from "@/lib/scheduling/policy";

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
  if (!looksLikeSlug(slug)) return null;
  const [row] = await getDb()
    .select()
    .from(offerings)
    .where(and(eq(offerings.practiceId, practiceId), eq(offerings.slug, slug), eq(offerings.active, true)))
    .limit(1);
  return row ?? null;
}

/** Scheduling columns from the form; on create, what was left out takes the kind's defaults. */
function schedulingColumns(values: z.output<typeof offeringInput>, kindDefaults?: ReturnType<typeof schedulingDefaultsFor>) {
  const pick = <T,>(given: T | undefined, fallback: T | undefined) => (given !== undefined ? given : fallback);
  const d = kindDefaults;
  const columns = {
    bufferBeforeMinutes: pick(values.bufferBeforeMinutes, d?.bufferBeforeMinutes),
    bufferAfterMinutes: pick(values.bufferAfterMinutes, d?.bufferAfterMinutes),
    minimumNoticeMinutes: pick(
      values.minimumNoticeHours === undefined ? undefined : values.minimumNoticeHours * 60,
      d ? d.minimumNoticeHours * 60 : undefined,
    ),
    horizonDays: pick(values.horizonDays, d?.horizonDays),
    slotIntervalMinutes: pick<number | null>(values.slotIntervalMinutes, d?.slotIntervalMinutes),
    maxPerDay: pick<number | null>(values.maxPerDay, d?.maxPerDay),
    cancellationWindowHours: pick(values.cancellationWindowHours, d?.cancellationWindowHours),
    rescheduleWindowHours: pick(values.rescheduleWindowHours, d?.rescheduleWindowHours),
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

function baseColumns(values: z.output<typeof offeringInput>) {
  const { kind, name, slug, description, durationMinutes, format, location, videoLink, active, priceCents, noteTemplate, paymentCollection, lateCancelRefundPercent } = values;
  const optional = Object.fromEntries(Object.entries({ videoLink, paymentCollection, lateCancelRefundPercent }).filter(([, v]) => v !== undefined));
  return { kind, name, slug, description, durationMinutes, format, location, active, priceCents, noteTemplate, ...optional };
}

/** Active or not: for moving a booking whose offering is no longer offered. */
export async function findOfferingBySlug(practiceId: string, slug: string) {
  if (!looksLikeSlug(slug)) return null;
  const [row] = await getDb()
    .select()
    .from(offerings)
    .where(and(eq(offerings.practiceId, practiceId), eq(offerings.slug, slug)))
    .limit(1);
  return row ?? null;
}

export async function createOffering(practiceId: string, input: OfferingInput) {
  const parsed = parseInput(offeringInput, input);
  const values = { ...baseColumns(parsed), ...schedulingColumns(parsed, schedulingDefaultsFor(parsed.kind)) };
  const [practice] = await getDb().select({ currency: practices.currency }).from(practices).where(eq(practices.id, practiceId));
  if (!practice) throw notFound("That practice");
  // A new offering asks for the practice's intake of its kind; the coach can change it later.
  const intakeQuestionnaireId = await findTemplateFor(getDb(), practiceId, parsed.kind);
  try {
    const [row] = await getDb()
      .insert(offerings)
      .values({ ...values, currency: practice.currency, practiceId, intakeQuestionnaireId })
      .returning();
    return row!;
  } catch (error) {
    throw mapSlugConflict(error);
  }
}

export async function updateOffering(practiceId: string, offeringId: string, input: OfferingInput) {
  await getOffering(practiceId, offeringId);
  const parsed = parseInput(offeringInput, input);
  try {
    const [row] = await getDb()
      .update(offerings)
      .set({ ...baseColumns(parsed), ...schedulingColumns(parsed) })
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
