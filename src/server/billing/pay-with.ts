import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/server/db/client";
import { clients, packages } from "@/server/db/schema";
import { notFound, notFoundUnlessId } from "@/server/errors";
import { onlineCollection } from "./checkout";
import { creditBalanceFor } from "./credits";
import { packagesNotSoldOnline } from "./package-checkout";
import { packagesForOffering } from "./packages";

/** The signed-in client's record in this practice (booking with a credit); a record of another practice is "not found". */
export async function signedInClient(tx: DbOrTx, practiceId: string, clientId: string) {
  const [client] = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  if (!client) throw notFound("Your client record");
  return client;
}

/** A package on offer that covers this offering (bought with its first session). */
export async function packageFor(tx: DbOrTx, practiceId: string, offeringId: string, packageId: string) {
  notFoundUnlessId(packageId, "That package");
  const [pkg] = await tx
    .select()
    .from(packages)
    .where(and(eq(packages.practiceId, practiceId), eq(packages.id, packageId), eq(packages.active, true), sql`${offeringId}::uuid = any(${packages.offeringIds})`));
  if (!pkg) throw notFound("That package");
  return pkg;
}

/** A package is always bought online: Checkout, or nothing. */
export async function packageCollection(practiceId: string, tx: DbOrTx) {
  const collection = await onlineCollection(practiceId, tx);
  if (!collection) throw packagesNotSoldOnline();
  return collection;
}

/**
 * What the booking page offers besides paying per session: the signed-in
 * user's credits for this offering (when they are a client of this practice)
 * and the package to buy with this session (when the practice sells one
 * online). Reads only; the booking re-checks everything.
 */
export async function payChoicesFor(practiceId: string, offeringId: string, userId: string | null) {
  const db = getDb();
  const clientId = userId ? await clientIdForUser(practiceId, userId) : null;
  const credits = clientId ? await creditBalanceFor({ practiceId, clientId, offeringId }, db) : 0;
  const [pkg] = (await onlineCollection(practiceId, db)) ? await packagesForOffering(practiceId, offeringId, db) : [];
  return {
    credits,
    pkg: pkg ? { id: pkg.id, name: pkg.name, sessions: pkg.sessions, priceCents: pkg.priceCents, currency: pkg.currency, validDays: pkg.validDays } : null,
  };
}

/** The signed-in user's client record in this practice, if any. */
export async function clientIdForUser(practiceId: string, userId: string) {
  const [client] = await getDb()
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId)));
  return client?.id ?? null;
}
