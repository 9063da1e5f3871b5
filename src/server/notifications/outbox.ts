import "server-only";
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
      sendAfter: message.sendAfter ?? new Date(),
      idempotencyKey: message.idempotencyKey,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
}
