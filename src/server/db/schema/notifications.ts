import "server-only";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { practices } from "./practices";

export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "sent", "failed", "canceled"]);

/**
 * Every email except the magic link is written here inside the transaction
 * that caused it, and sent later by the dispatcher. `idempotencyKey` makes
 * the write itself idempotent and is passed on to Resend, so a message that
 * was sent but not marked (crash after send) is not delivered twice.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid().references(() => practices.id, { onDelete: "cascade" }),
    recipient: text().notNull(),
    template: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    sendAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    idempotencyKey: text().notNull().unique(),
    /** What the message is about (e.g. "booking:<id>"), so pending ones can be withdrawn together. */
    topic: text(),
    /** When a dispatcher took the row; a stale claim is taken over. */
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    providerMessageId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("email_outbox_topic_idx").on(t.topic),
    index("email_outbox_due_idx")
      .on(t.sendAfter)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

/** Where the dev transport delivers: read at /dev/mailbox outside production. */
export const devMailbox = pgTable("dev_mailbox", {
  id: uuid().primaryKey().defaultRandom(),
  recipient: text().notNull(),
  sender: text().notNull(),
  subject: text().notNull(),
  html: text().notNull(),
  text: text().notNull(),
  template: text().notNull(),
  attachments: jsonb().$type<{ filename: string; contentType: string; content: string }[]>(),
  idempotencyKey: text().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
