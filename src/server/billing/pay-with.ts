import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/server/db/client";
import { clients, packages } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { onlineCollection } from "./checkout";
import { packagesNotSoldOnline } from "./package-checkout";

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
  if (!z.uuid().safeParse(packageId).success) throw notFound("That package");
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
