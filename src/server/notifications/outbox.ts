import "server-only";
import { and, eq, isNull, like } from "drizzle-orm";
import { now } from "@/server/clock";
import { emailOutbox } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/client";
import { templates } from "./templates";

/**
 * Who waits longest for what: the dispatcher sends lower numbers first.
 * `urgent`: sign-in links and crisis alerts; `soon`: reminders due within
 * the hour; `transactional`: confirmations and changes; `bulk`: digests and
 * everything else.
 */
const EMAIL_PRIORITY = { urgent: 0, soon: 1, transactional: 2, bulk: 3 } as const;
export type EmailPriority = keyof typeof EMAIL_PRIORITY;

const TRANSACTIONAL = new Set(["welcome", "booking-confirmed", "booking-rescheduled", "booking-canceled", "booking-new-link", "booking-place-changed"]);

/** The priority a message gets when its writer doesn't say. */
function priorityOf(template: string, data: Record<string, unknown>): EmailPriority {
  if (template === "magic-link" || template.startsWith("crisis")) return "urgent";
  if (template === "booking-reminder") return data.reminder === "1h" ? "soon" : "transactional";
  return TRANSACTIONAL.has(template) ? "transactional" : "bulk";
}

/**
 * Whether the message will carry files (Resend's batch endpoint takes none).
 * Data the template refuses counts as no: the dispatcher fails it anyway,
 * and it re-checks after rendering.
 */
function carriesAttachments(template: string, data: unknown): boolean {
  const definition = Object.hasOwn(templates, template) ? templates[template as keyof typeof templates] : undefined;
  if (!definition || !("attachments" in definition) || !definition.attachments) return false;
  const parsed = definition.schema.safeParse(data);
  return parsed.success && (definition.attachments as (d: unknown) => unknown[])(parsed.data).length > 0;
}

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
  /** Defaults to `priorityOf(template, data)`. */
  priority?: EmailPriority;
};

/**
 * Writes an email into the outbox. Pass the transaction that makes the
 * change the email is about, so the two commit (or roll back) together.
 * True when it wrote a row; false when one with the same key was there already.
 */
export async function enqueueEmail(db: DbOrTx, message: OutboxMessage): Promise<boolean> {
  return (await enqueueEmails(db, [message])) > 0;
}

/**
 * Writes several emails in one statement (a booking's confirmations and
 * reminders): the same rows enqueueEmail would write, one round trip instead
 * of one each. Returns how many were new.
 */
export async function enqueueEmails(db: DbOrTx, messages: OutboxMessage[]): Promise<number> {
  if (!messages.length) return 0;
  const inserted = await db
    .insert(emailOutbox)
    .values(
      messages.map((message) => ({
        practiceId: message.practiceId ?? null,
        recipient: message.to,
        template: message.template,
        data: message.data,
        sendAfter: message.sendAfter ?? now(),
        idempotencyKey: message.idempotencyKey,
        topic: message.topic ?? null,
        priority: EMAIL_PRIORITY[message.priority ?? priorityOf(message.template, message.data)],
        hasAttachments: carriesAttachments(message.template, message.data),
      })),
    )
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
    .returning({ id: emailOutbox.id });
  return inserted.length;
}

/**
 * Cancels the not-yet-sent messages about a topic (optionally only those whose
 * template starts with a prefix, e.g. "reminder"), e.g. when a session moves.
 * A message already claimed by a dispatcher is not stopped, nor one whose
 * last request to Resend had an unknown outcome (`request_key` kept): it
 * may have gone out already, and its retry must repeat that request exactly.
 */
export async function withdrawPendingEmails(db: DbOrTx, topic: string, templatePrefix?: string) {
  const filters = [eq(emailOutbox.topic, topic), eq(emailOutbox.status, "pending"), isNull(emailOutbox.requestKey)];
  if (templatePrefix) filters.push(like(emailOutbox.template, `${templatePrefix}%`));
  const withdrawn = await db.update(emailOutbox).set({ status: "canceled" }).where(and(...filters)).returning({ id: emailOutbox.id });
  return withdrawn.length;
}
