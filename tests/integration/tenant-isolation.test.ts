import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  createClient,
  findClientForUser,
  getClient,
  linkClientAccounts,
  listClients,
  setClientPartner,
  setClientStatus,
  updateClient,
} from "@/server/clients/clients";
import { getDb } from "@/server/db/client";
import { memberships } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { createOffering, deleteOffering, getOffering, listOfferings, setOfferingActive, updateOffering } from "@/server/offerings/offerings";
import { createCoachWithPractice, createUser } from "../support/factories";

const offering = { kind: "crisis" as const, name: "Crisis", slug: "crisis", durationMinutes: 90, priceCents: 30000, format: "video" as const, active: true };
const client = { name: "Sam", email: "sam@example.test", timeZone: "America/New_York" };

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
}

describe("tenant isolation", () => {
  it("coach B gets 'not found' for every action on coach A's offering", async () => {
    const a = await createCoachWithPractice();
    const b = await createCoachWithPractice();
    const mine = await createOffering(a.practiceId, offering);

    await expectNotFound(getOffering(b.practiceId, mine.id));
    await expectNotFound(updateOffering(b.practiceId, mine.id, { ...offering, name: "Hijacked" }));
    await expectNotFound(setOfferingActive(b.practiceId, mine.id, false));
    await expectNotFound(deleteOffering(b.practiceId, mine.id));
    await expectNotFound(getOffering(b.practiceId, "not-a-uuid"));
    expect(await listOfferings(b.practiceId)).toHaveLength(0);

    // And A's offering is untouched.
    expect(await getOffering(a.practiceId, mine.id)).toMatchObject({ name: "Crisis", active: true });
  });

  it("coach B gets 'not found' for every action on coach A's client", async () => {
    const a = await createCoachWithPractice();
    const b = await createCoachWithPractice();
    const sam = await createClient(a.practiceId, client);
    const theirs = await createClient(b.practiceId, { ...client, email: "other@example.test" });

    await expectNotFound(getClient(b.practiceId, sam.id));
    await expectNotFound(updateClient(b.practiceId, sam.id, { ...client, name: "Changed" }));
    await expectNotFound(setClientStatus(b.practiceId, sam.id, "archived"));
    await expectNotFound(setClientPartner(b.practiceId, sam.id, null));
    // Linking one's own client to a foreign partner fails too.
    await expectNotFound(setClientPartner(b.practiceId, theirs.id, sam.id));
    expect((await listClients(b.practiceId)).map((c) => c.id)).toEqual([theirs.id]);

    expect(await getClient(a.practiceId, sam.id)).toMatchObject({ name: "Sam", status: "active", partnerId: null });
  });
});

describe("clients", () => {
  it("links partners both ways and releases the old partner", async () => {
    const { practiceId } = await createCoachWithPractice();
    const sam = await createClient(practiceId, client);
    const alex = await createClient(practiceId, { ...client, name: "Alex", email: "alex@example.test" });
    const jo = await createClient(practiceId, { ...client, name: "Jo", email: "jo@example.test" });

    await setClientPartner(practiceId, sam.id, alex.id);
    expect((await getClient(practiceId, alex.id)).partnerId).toBe(sam.id);
    await setClientPartner(practiceId, sam.id, jo.id);
    expect((await getClient(practiceId, alex.id)).partnerId).toBeNull();
    expect((await getClient(practiceId, jo.id)).partnerId).toBe(sam.id);
    expect((await getClient(practiceId, sam.id)).partnerId).toBe(jo.id);
  });

  it("refuses a second client with the same email in any letter case", async () => {
    const { practiceId } = await createCoachWithPractice();
    await createClient(practiceId, client);
    const error = await createClient(practiceId, { ...client, email: "SAM@example.test" }).catch((e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.email).toBeDefined();
  });

  it("detaches the portal account of the old address when the coach changes a client's email", async () => {
    const { practiceId } = await createCoachWithPractice();
    const other = await createCoachWithPractice();
    const user = await createUser("old@example.test");
    const sam = await createClient(practiceId, { ...client, email: "old@example.test" });
    const elsewhere = await createClient(other.practiceId, { ...client, email: "old@example.test" });
    expect(await linkClientAccounts(user.id, "old@example.test")).toBe(2);
    const clientMemberships = (practice: string) =>
      getDb()
        .select()
        .from(memberships)
        .where(and(eq(memberships.practiceId, practice), eq(memberships.userId, user.id), eq(memberships.role, "client")));

    // A change of letter case is the same address: nothing changes.
    await updateClient(practiceId, sam.id, { ...client, email: "OLD@example.test" });
    expect((await getClient(practiceId, sam.id)).userId).toBe(user.id);

    await updateClient(practiceId, sam.id, { ...client, email: "new@example.test" });
    expect(await getClient(practiceId, sam.id)).toMatchObject({ email: "new@example.test", userId: null });
    expect(await clientMemberships(practiceId)).toHaveLength(0);
    // The old address's owner no longer sees the record, here or after signing in again.
    expect((await findClientForUser(user.id))?.client.id).toBe(elsewhere.id);
    await linkClientAccounts(user.id, "old@example.test");
    expect((await getClient(practiceId, sam.id)).userId).toBeNull();
    // Their record in another practice is untouched.
    expect((await getClient(other.practiceId, elsewhere.id)).userId).toBe(user.id);
    expect(await clientMemberships(other.practiceId)).toHaveLength(1);
    // Whoever owns the new address gets it when they sign in.
    const newOwner = await createUser("new@example.test");
    await linkClientAccounts(newOwner.id, "new@example.test");
    expect((await getClient(practiceId, sam.id)).userId).toBe(newOwner.id);
  });
});
