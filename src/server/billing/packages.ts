import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { moneySchema } from "@/lib/validation";
import { getDb, type DbOrTx } from "@/server/db/client";
import { offerings, packages } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";

const wholeNumber = (min: number, max: number, message: string) => z.coerce.number<string | number>({ error: message }).int(message).min(min, message).max(max, message);

/** A package as the coach defines it (Settings → Packages): the form's fields, typed or as text. */
const packageInput = z.object({
  name: z.string().trim().min(1, "Name the package (clients read it).").max(100, "Keep the name under 100 characters."),
  offeringIds: z.array(z.uuid("Choose the sessions it covers.")).min(1, "Choose at least one kind of session it covers.").max(20),
  sessions: wholeNumber(1, 100, "Sessions: a whole number from 1 to 100."),
  price: moneySchema.refine((cents) => cents > 0, "A package needs a price above zero."),
  validDays: wholeNumber(1, 3650, "Valid for: a whole number of days from 1 to 3650."),
});
export type PackageInput = z.input<typeof packageInput>;

/** The offerings named, all of this practice and of one currency (the package's). */
async function coveredOfferings(db: DbOrTx, practiceId: string, offeringIds: string[]) {
  const ids = [...new Set(offeringIds)];
  const rows = await db
    .select({ id: offerings.id, currency: offerings.currency })
    .from(offerings)
    .where(and(eq(offerings.practiceId, practiceId), inArray(offerings.id, ids)));
  if (rows.length !== ids.length) throw new AppError("invalid", "Choose sessions of your own practice.", { offeringIds: ["Choose sessions from the list."] });
  const currencies = new Set(rows.map((r) => r.currency));
  if (currencies.size > 1) throw new AppError("invalid", "A package covers sessions of one currency.", { offeringIds: ["Choose sessions priced in one currency."] });
  return { ids, currency: rows[0]!.currency };
}

async function valuesOf(practiceId: string, input: PackageInput) {
  const { price, offeringIds, ...rest } = parseInput(packageInput, input);
  const covered = await coveredOfferings(getDb(), practiceId, offeringIds);
  return { ...rest, priceCents: price, offeringIds: covered.ids, currency: covered.currency };
}

export async function createPackage(practiceId: string, input: PackageInput) {
  const values = await valuesOf(practiceId, input);
  const [row] = await getDb()
    .insert(packages)
    .values({ practiceId, ...values })
    .returning();
  return row!;
}

/** Changes what the package sells from now on; credits already bought keep what they were bought with. */
export async function updatePackage(practiceId: string, packageId: string, input: PackageInput) {
  const values = await valuesOf(practiceId, input);
  const [row] = await getDb()
    .update(packages)
    .set(values)
    .where(and(eq(packages.practiceId, practiceId), eq(packages.id, packageId)))
    .returning();
  if (!row) throw notFound("That package");
  return row;
}

/** Hides (or offers again) a package; what clients bought stays. */
export async function setPackageActive(practiceId: string, packageId: string, active: boolean) {
  const [row] = await getDb()
    .update(packages)
    .set({ active })
    .where(and(eq(packages.practiceId, practiceId), eq(packages.id, packageId)))
    .returning();
  if (!row) throw notFound("That package");
  return row;
}

export async function listPackages(practiceId: string) {
  return getDb().select().from(packages).where(eq(packages.practiceId, practiceId)).orderBy(asc(packages.createdAt));
}

/** The packages on offer (not hidden), cheapest first: what a signed-in client can buy from the portal. */
export async function listActivePackages(practiceId: string) {
  return getDb()
    .select()
    .from(packages)
    .where(and(eq(packages.practiceId, practiceId), eq(packages.active, true)))
    .orderBy(asc(packages.priceCents), asc(packages.createdAt));
}

/** The packages on offer that cover this offering, cheapest per session first (the booking page offers the first). */
export async function packagesForOffering(practiceId: string, offeringId: string, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(packages)
    .where(and(eq(packages.practiceId, practiceId), eq(packages.active, true), sql`${offeringId}::uuid = any(${packages.offeringIds})`))
    .orderBy(sql`${packages.priceCents}::float / ${packages.sessions}`, asc(packages.createdAt));
}
