import "server-only";
import { and, eq, like } from "drizzle-orm";
import { now } from "@/server/clock";
import { emailOutbox } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/client";

export type OutboxMessage = {
  practiceId?: string | null;
  to: string;
  /** A key of the template registry (src/server/notifications/templates.ts). */
  template: string;
  data: Record<string, unknown>;
  /** Not before this instant; defaults to now. */
  sendAfter?: Date;
  /** Same key, same message: enqueuing twice keeps one row. */
  idempotencyKey: string;
  /** What it is about (e.g. "booking:<id>"); see withdrawPendingEmails. */
  topic?: string;
};

/**
 * Writes an email into the outbox. Pass the transaction that makes the
 * change the email is about, so the two commit (or roll back) together.
 */
export async function enqueueEmail(db: DbOrTx, message: OutboxMessage) {
  await db
    .insert(emailOutbox)
    .values({
      practiceId: message.practiceId ?? null,
      recipient: message.to,
      template: message.template,
      data: message.data,
      sendAfter: message.sendAfter ?? now(),
      idempotencyKey: message.idempotencyKey,
      topic: message.topic ?? null,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
}

/**
 * Cancels the not-yet-sent messages about a topic (optionally only those whose
 * template starts with a prefix, e.g. "reminder"), e.g. when a session moves.
 * A message already claimed by a dispatcher is not stopped.
 */
export async function withdrawPendingEmails(db: DbOrTx, topic: string, templatePrefix?: string) {
  const filters = [eq(emailOutbox.topic, topic), eq(emailOutbox.status, "pending")];
  if (templatePrefix) filters.push(like(emailOutbox.template, `${templatePrefix}%`));
  const withdrawn = await db.update(emailOutbox).set({ status: "canceled" }).where(and(...filters)).returning({ id: emailOutbox.id });
  return withdrawn.length;
}
