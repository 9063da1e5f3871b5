import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/server/db/client";
import { clients } from "@/server/db/schema";
import { invalid } from "@/server/errors";

type Client = typeof clients.$inferSelect;

/**
 * The practice's client with this email, or a new one (`created`). Only when
 * `adopt` (the coach booking) does the booking update the existing record:
 * a phone given is saved and an archived client is active again.
 */
export async function findOrCreateClient(
  tx: DbOrTx,
  practiceId: string,
  person: { name: string; email: string; phone: string | null; timeZone: string },
  options: { adopt: boolean },
): Promise<{ client: Client; created: boolean }> {
  const [created] = await tx
    .insert(clients)
    .values({ practiceId, ...person })
    .onConflictDoNothing()
    .returning();
  if (created) return { client: created, created: true };
  const sameEmail = and(eq(clients.practiceId, practiceId), sql`lower(${clients.email}) = ${person.email.toLowerCase()}`);
  const [existing] = await tx.select().from(clients).where(sameEmail);
  // A deleted client's placeholder address (…@deleted.invalid) takes no bookings.
  if (existing!.deletedAt) throw invalid("That email address can't receive email.", { email: ["Use an email address that can receive email."] });
  if (!options.adopt) return { client: existing!, created: false };
  const [adopted] = await tx
    .update(clients)
    .set({ status: "active", phone: person.phone ?? sql`${clients.phone}` })
    .where(sameEmail)
    .returning();
  return { client: adopted!, created: false };
}

/** Links booker and partner as a couple unless either is already linked to someone else; returns the partner as stored. */
export async function linkCoupleIfFree(tx: DbOrTx, client: Client, partner: Client): Promise<Client> {
  const free = (c: Client, other: Client) => c.partnerId === null || c.partnerId === other.id;
  if (!free(client, partner) || !free(partner, client)) return partner;
  await tx.update(clients).set({ partnerId: partner.id }).where(eq(clients.id, client.id));
  const [linked] = await tx.update(clients).set({ partnerId: client.id }).where(eq(clients.id, partner.id)).returning();
  return linked!;
}
