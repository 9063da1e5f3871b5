import "server-only";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { clients, creditGrants, practices } from "@/server/db/schema";
import { enqueueEmail } from "@/server/notifications/outbox";
import type { TemplateData } from "@/server/notifications/templates";

type Grant = typeof creditGrants.$inferSelect;
type Practice = typeof practices.$inferSelect;
type Client = typeof clients.$inferSelect;

const DAY = 86_400_000;
/** How long before a package expires its client is reminded. */
const EXPIRY_NOTICE_DAYS = 14;

function packageData(practice: Practice, client: Client, grant: Grant, left: number): TemplateData<"package-one-left"> {
  return {
    recipientName: client.name,
    practiceName: practice.name,
    packageName: grant.label,
    left,
    expiresIso: grant.expiresAt.toISOString(),
    timeZone: client.timeZone,
    coachEmail: practice.contactEmail,
    bookUrl: new URL(`/book/${practice.slug}`, env().APP_URL).toString(),
  };
}

/** After a spend: "one session left", once per grant, when the spend left exactly one (plans lapse monthly and aren't told). */
export async function noteCreditSpent(tx: DbOrTx, args: { practice: Practice; client: Client; grant: Grant; left: number }) {
  if (args.left !== 1 || args.grant.kind !== "package") return;
  await enqueueEmail(tx, {
    practiceId: args.practice.id,
    to: args.client.email,
    template: "package-one-left",
    data: packageData(args.practice, args.client, args.grant, 1),
    topic: `credit-grant:${args.grant.id}`,
    idempotencyKey: `credit-grant:${args.grant.id}:one-left`,
  });
}

/**
 * "Your package expires in 14 days": each package grant with sessions left
 * whose end is within the notice, once per grant (the outbox's idempotency key).
 * One of the periodic jobs (src/server/periodic-work.ts). Returns how many were written.
 */
export async function remindExpiringPackages(options: { at?: Date } = {}) {
  const at = options.at ?? now();
  const balance = sql<number>`coalesce((select sum(l.delta) from credit_ledger l where l.grant_id = "credit_grants"."id"), 0)::int`;
  const due = await getDb()
    .select({ grant: creditGrants, practice: practices, client: clients, left: balance })
    .from(creditGrants)
    .innerJoin(practices, eq(practices.id, creditGrants.practiceId))
    .innerJoin(clients, eq(clients.id, creditGrants.clientId))
    .where(
      and(
        eq(creditGrants.kind, "package"),
        gt(creditGrants.expiresAt, at),
        lte(creditGrants.expiresAt, new Date(at.getTime() + EXPIRY_NOTICE_DAYS * DAY)),
        sql`${balance} > 0`,
        sql`not exists (select 1 from email_outbox o where o.idempotency_key = 'credit-grant:' || "credit_grants"."id" || ':expiring')`,
      ),
    );
  let written = 0;
  for (const { grant, practice, client, left } of due) {
    const wrote = await enqueueEmail(getDb(), {
      practiceId: practice.id,
      to: client.email,
      template: "package-expiring",
      data: packageData(practice, client, grant, left),
      topic: `credit-grant:${grant.id}`,
      idempotencyKey: `credit-grant:${grant.id}:expiring`,
    });
    if (wrote) written++;
  }
  return written;
}
