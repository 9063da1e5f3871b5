import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { checkboxSchema, moneySchema, nameSchema } from "@/lib/validation";
import { getDb, type DbOrTx } from "@/server/db/client";
import { offerings, plans } from "@/server/db/schema";
import { AppError, notFound, notFoundUnlessId } from "@/server/errors";
import { log } from "@/server/log";
import { parseInput } from "@/server/validate";
import { onStripeAccount, stripe } from "./stripe-client";

/**
 * Monthly plans a practice sells (docs/billing.md, "Monthly plans"): S sessions
 * of some of its offerings each month for a price. What subscribers bought is
 * theirs to keep: hiding a plan stops new sales only.
 */

export type Plan = typeof plans.$inferSelect;

const CURRENCY = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, like USD.");

const sessionsSchema = z
  .number({ error: "Enter how many sessions a month." })
  .int("Use a whole number of sessions.")
  .min(1, "A plan includes at least 1 session a month.")
  .max(31, "A plan includes at most 31 sessions a month.");

/** A plan as the domain takes it: typed values. */
const planInput = z.object({
  name: nameSchema("name", 80),
  offeringIds: z.array(z.uuid({ error: "Choose offerings from the list." })).min(1, "Choose at least one offering the plan covers."),
  sessionsPerPeriod: sessionsSchema,
  priceCents: z.number().int().min(1, "A plan costs something: enter a price above 0.").max(10_000_000, "The price must be at most 100,000."),
  currency: CURRENCY,
  active: z.boolean().default(true),
});
export type PlanInput = z.input<typeof planInput>;

/** The plan form: strings in ("500" → 50000 cents, "on" → true, one or many offering ids). */
export const planFormSchema = z
  .object({
    planId: z.string().optional(),
    name: z.string(),
    offeringIds: z.union([z.string(), z.array(z.string())]).optional(),
    sessionsPerPeriod: z.coerce.number({ error: "Enter how many sessions a month." }).pipe(sessionsSchema),
    price: moneySchema,
    currency: z.string().default("USD"),
    active: checkboxSchema,
  })
  .transform(({ price, offeringIds, ...rest }) => ({
    ...rest,
    priceCents: price,
    offeringIds: offeringIds === undefined ? [] : Array.isArray(offeringIds) ? offeringIds : [offeringIds],
  }));

/** The offerings named must be this practice's own. */
async function checkOfferings(db: DbOrTx, practiceId: string, offeringIds: string[]) {
  const unique = [...new Set(offeringIds)];
  const found = await db
    .select({ id: offerings.id })
    .from(offerings)
    .where(and(eq(offerings.practiceId, practiceId), inArray(offerings.id, unique)));
  if (found.length !== unique.length) throw new AppError("invalid", "Choose offerings from the list.", { offeringIds: ["Choose offerings from the list."] });
  return unique;
}

export async function listPlans(practiceId: string, db: DbOrTx = getDb()) {
  return db.select().from(plans).where(eq(plans.practiceId, practiceId)).orderBy(asc(plans.createdAt));
}

/** The plans offered now (the portal, the booking page's "Or subscribe" line). */
export async function listActivePlans(practiceId: string, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.practiceId, practiceId), eq(plans.active, true)))
    .orderBy(asc(plans.priceCents));
}

export async function getPlan(practiceId: string, planId: string, db: DbOrTx = getDb()) {
  notFoundUnlessId(planId, "That plan");
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.practiceId, practiceId), eq(plans.id, planId)));
  if (!row) throw notFound("That plan");
  return row;
}

export async function createPlan(practiceId: string, input: PlanInput, db: DbOrTx = getDb()) {
  const values = parseInput(planInput, input);
  const offeringIds = await checkOfferings(db, practiceId, values.offeringIds);
  const [row] = await db
    .insert(plans)
    .values({ ...values, offeringIds, practiceId })
    .returning();
  return row!;
}

/**
 * Edits a plan. A new price or currency forgets the Stripe Price, so the next
 * sale makes one with the new amount; existing subscribers keep what they pay.
 */
export async function updatePlan(practiceId: string, planId: string, input: PlanInput) {
  const values = parseInput(planInput, input);
  const current = await getPlan(practiceId, planId);
  const offeringIds = await checkOfferings(getDb(), practiceId, values.offeringIds);
  const repriced = current.priceCents !== values.priceCents || current.currency !== values.currency;
  const [row] = await getDb()
    .update(plans)
    .set({ ...values, offeringIds, ...(repriced ? { stripePriceId: null } : {}) })
    .where(and(eq(plans.practiceId, practiceId), eq(plans.id, planId)))
    .returning();
  if (current.stripeProductId && current.name !== row!.name) await renameStripeProduct(row!);
  return row!;
}

/**
 * The plan's Stripe Product follows a rename, since its name is what the
 * Billing Portal and Stripe's invoices show subscribers. The rename is saved
 * either way: if Stripe can't be reached, the old name stays there (logged)
 * and the next rename tries again.
 */
async function renameStripeProduct(plan: Plan) {
  try {
    await stripe().products.update(plan.stripeProductId!, { name: plan.name }, onStripeAccount(plan.stripeAccountId));
  } catch (error) {
    log.warn({ planId: plan.id, err: error }, "could not rename the plan's Stripe Product");
  }
}
