import "server-only";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { practices } from "./practices";

/**
 * The record that a client was deleted (GDPR): who, when, and how many rows of each kind went.
 * It holds no personal data: the client's id names only the tombstone row left behind.
 */
export const clientDeletions = pgTable(
  "client_deletions",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** The tombstone's id (no foreign key: the record must outlive any later clean-up). */
    clientId: uuid().notNull(),
    deletedBy: text().references(() => users.id, { onDelete: "set null" }),
    /** When the client had asked for it from the portal; null when the coach decided alone. */
    requestedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Rows removed or anonymised, by kind ("intakeResponses": 2, …). Numbers only. */
    counts: jsonb().$type<Record<string, number>>().notNull(),
  },
  (t) => [index("client_deletions_practice_idx").on(t.practiceId, t.deletedAt)],
);
