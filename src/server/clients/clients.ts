import "server-only";
import { and, asc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/server/db/client";
import { clients, memberships, practices } from "@/server/db/schema";
import { conflict, invalid, isUniqueViolation, notFound } from "@/server/errors";
import { enqueueEmail } from "@/server/notifications/outbox";
import { parseInput } from "@/server/validate";
import { clientInput, type ClientInput } from "./schemas";
import { env } from "@/lib/env";

const idSchema = z.uuid();

export async function listClients(practiceId: string, options: { search?: string; includeArchived?: boolean } = {}) {
  // A deleted client's tombstone is never listed.
  const filters = [eq(clients.practiceId, practiceId), isNull(clients.deletedAt)];
  if (!options.includeArchived) filters.push(eq(clients.status, "active"));
  if (options.search) {
    const pattern = `%${options.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(clients.name, pattern), ilike(clients.email, pattern))!);
  }
  return getDb()
    .select()
    .from(clients)
    .where(and(...filters))
    .orderBy(asc(clients.name));
}

export async function getClient(practiceId: string, clientId: string) {
  if (!idSchema.safeParse(clientId).success) throw notFound("That client");
  const [row] = await getDb()
    .select()
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId), isNull(clients.deletedAt)))
    .limit(1);
  if (!row) throw notFound("That client");
  return row;
}

/** Adds a client to the practice; optionally emails them a welcome with a portal link. */
export async function createClient(practiceId: string, input: ClientInput) {
  const { notifyClient, ...values } = parseInput(clientInput, input);
  try {
    return await getDb().transaction(async (tx) => {
      const [client] = await tx.insert(clients).values({ ...values, practiceId }).returning();
      if (notifyClient) await enqueueWelcome(tx, practiceId, client!.id, client!.email, client!.name);
      return client!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "clients_practice_email_key")) {
      throw conflict("That client already exists.", { email: ["A client with this email is already in your practice."] });
    }
    throw error;
  }
}

/**
 * Saves the coach's edits to a client. A new email address detaches the
 * portal account that signed in with the old one (and its client membership
 * of this practice, unless it holds another record here): the record now
 * belongs to whoever owns the new address, who is linked when they sign in.
 */
export async function updateClient(practiceId: string, clientId: string, input: ClientInput) {
  const before = await getClient(practiceId, clientId);
  // The welcome email is offered when adding a client, not on edits.
  const { name, email, phone, timeZone } = parseInput(clientInput, input);
  const emailChanged = email.toLowerCase() !== before.email.toLowerCase();
  try {
    return await getDb().transaction(async (tx) => {
      const [row] = await tx
        .update(clients)
        .set({ name, email, phone, timeZone, ...(emailChanged ? { userId: null } : {}) })
        .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)))
        .returning();
      if (emailChanged && before.userId) await dropClientMembershipIfUnused(tx, practiceId, before.userId);
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "clients_practice_email_key")) {
      throw conflict("That email is taken.", { email: ["Another client in your practice has this email."] });
    }
    throw error;
  }
}

export async function setClientStatus(practiceId: string, clientId: string, status: "active" | "archived") {
  await getClient(practiceId, clientId);
  const [row] = await getDb()
    .update(clients)
    .set({ status })
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)))
    .returning();
  return row!;
}

/**
 * Who the partner picker offers a client: active clients of the practice with no partner of
 * their own, plus whoever is linked to this client now (even if archived). Sorted by name.
 */
export async function listPartnerCandidates(practiceId: string, clientId: string) {
  const client = await getClient(practiceId, clientId);
  return partnerCandidates(client, await listClients(practiceId, { includeArchived: true }));
}

/** listPartnerCandidates over a list the caller already has (the client page loads everyone once). */
export function partnerCandidates<C extends { id: string; status: string; partnerId: string | null }>(client: C, everyone: readonly C[]): C[] {
  return everyone.filter(
    (c) => c.id !== client.id && (c.id === client.partnerId || (c.status === "active" && (c.partnerId === null || c.partnerId === client.id))),
  );
}

/**
 * Links two clients of the same practice as a couple (both directions), or unlinks with
 * partnerId null. Someone already linked to another client is refused: unlink them first,
 * so a couple is never broken up from a third person's page.
 */
export async function setClientPartner(practiceId: string, clientId: string, partnerId: string | null) {
  const client = await getClient(practiceId, clientId);
  if (partnerId === clientId) throw invalid("A client can't be their own partner.", { partnerId: ["Choose someone else."] });
  if (partnerId) {
    const partner = await getClient(practiceId, partnerId);
    if (partner.partnerId && partner.partnerId !== clientId) {
      const message = `${partner.name} is already linked with someone else. Unlink them on their page first.`;
      throw conflict(message, { partnerId: [message] });
    }
  }
  await getDb().transaction(async (tx) => {
    // Whoever was linked before is released on both sides.
    const previous = [client.partnerId, partnerId].filter((id): id is string => !!id);
    for (const id of previous) {
      await tx.update(clients).set({ partnerId: null }).where(and(eq(clients.practiceId, practiceId), eq(clients.partnerId, id)));
    }
    await tx.update(clients).set({ partnerId: null }).where(and(eq(clients.practiceId, practiceId), eq(clients.partnerId, clientId)));
    await tx.update(clients).set({ partnerId }).where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
    if (partnerId) {
      await tx.update(clients).set({ partnerId: clientId }).where(and(eq(clients.practiceId, practiceId), eq(clients.id, partnerId)));
    }
  });
  return getClient(practiceId, clientId);
}

/**
 * When someone signs in, the client records that carry their email (in any
 * practice) become theirs: they get a client membership and see those
 * records in the portal. Returns the number of records linked.
 */
export async function linkClientAccounts(userId: string, email: string) {
  return getDb().transaction(async (tx) => {
    const found = await tx
      .update(clients)
      .set({ userId })
      .where(and(sql`lower(${clients.email}) = ${email.toLowerCase()}`, or(isNull(clients.userId), eq(clients.userId, userId)), isNull(clients.deletedAt)))
      .returning({ practiceId: clients.practiceId });
    for (const { practiceId } of found) {
      await tx.insert(memberships).values({ practiceId, userId, role: "client" }).onConflictDoNothing();
    }
    return found.length;
  });
}

/** Removes a user's client membership of a practice once no client record there is theirs. */
export async function dropClientMembershipIfUnused(tx: DbOrTx, practiceId: string, userId: string) {
  const [stillHolds] = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId)))
    .limit(1);
  if (stillHolds) return;
  await tx
    .delete(memberships)
    .where(and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId), eq(memberships.role, "client")));
}

/** The client record a signed-in user holds (the first one, if several practices know them). */
export async function findClientForUser(userId: string) {
  const [row] = await getDb()
    .select({ client: clients, practice: practices })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .where(and(eq(clients.userId, userId), eq(clients.status, "active")))
    .orderBy(asc(clients.createdAt))
    .limit(1);
  return row ?? null;
}

/** The active client record a signed-in user holds in one practice, if any. */
export async function findClientOfPracticeForUser(practiceId: string, userId: string) {
  const [row] = await getDb()
    .select()
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId), eq(clients.status, "active")))
    .limit(1);
  return row ?? null;
}

/**
 * When a user holds client records but none is active (the coach archived them): the practice
 * that closed the portal, for the "your portal is closed" page. Null otherwise.
 */
export async function findClosedPortalForUser(userId: string) {
  const [row] = await getDb()
    .select({ practiceName: practices.name, contactEmail: practices.contactEmail })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .where(and(eq(clients.userId, userId), eq(clients.status, "archived")))
    .orderBy(asc(clients.createdAt))
    .limit(1);
  if (!row || (await findClientForUser(userId))) return null;
  return row;
}

async function enqueueWelcome(tx: DbOrTx, practiceId: string, clientId: string, email: string, name: string) {
  const [practice] = await tx.select().from(practices).where(eq(practices.id, practiceId));
  await enqueueEmail(tx, {
    practiceId,
    to: email,
    template: "welcome",
    data: {
      clientName: name,
      practiceName: practice!.name,
      coachEmail: practice!.contactEmail,
      // The client's own sign-in page (written for clients; it leads to the portal, never to onboarding).
      portalUrl: new URL("/signin?as=client", env().APP_URL).toString(),
    },
    idempotencyKey: `welcome:${clientId}`,
  });
}
