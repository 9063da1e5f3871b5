import "server-only";
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, real, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    /** 0 sign-in links and crisis alerts, 1 reminders due within the hour, 2 confirmations and changes, 3 bulk. */
    priority: smallint().notNull().default(3),
    /** Whether the rendered message carries files: those can't go through Resend's batch endpoint. */
    hasAttachments: boolean().notNull().default(false),
    /**
     * The idempotency key of the request this row last went out in, kept
     * while the outcome is unknown (a timeout, a 5xx): the retry must be the
     * very same request (same key, same members) or Resend could deliver twice.
     */
    requestKey: text(),
  },
  (t) => [
    index("email_outbox_topic_idx").on(t.topic),
    index("email_outbox_due_idx")
      .on(t.priority, t.sendAfter)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index("email_outbox_request_key_idx")
      .on(t.requestKey)
      .where(sql`${t.requestKey} is not null`),
    index("email_outbox_failing_idx")
      .on(t.practiceId)
      .where(sql`${t.status} = 'failed' or (${t.status} = 'pending' and ${t.attempts} > 0)`),
    check("email_outbox_priority_check", sql`${t.priority} between 0 and 3`),
  ],
);

/**
 * The send-rate governor every dispatcher and server instance shares: one
 * row per provider. Reserving a send moves `nextSlotAt` on by one interval in
 * a single UPDATE, so concurrent reservations queue on the row lock and no
 * two get the same slot. `slowdown` multiplies the interval after the
 * provider said "too many" and decays back to 1 as sends go through.
 */
export const emailSendGovernor = pgTable(
  "email_send_governor",
  {
    provider: text().primaryKey(),
    nextSlotAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    slowdown: real().notNull().default(1),
    lastError: text(),
    lastErrorAt: timestamp({ withTimezone: true }),
  },
  (t) => [check("email_send_governor_slowdown_check", sql`${t.slowdown} >= 1`)],
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
  /** Extra headers the message carried (List-Unsubscribe, …). */
  headers: jsonb().$type<Record<string, string>>(),
  idempotencyKey: text().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
