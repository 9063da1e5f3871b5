import "server-only";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { NOTE_VISIBILITIES } from "@/lib/notes/visibility";
import { sealedText } from "@/server/crypto/sealed";
import { users } from "./auth";
import { practices } from "./practices";
import { bookings } from "./scheduling";

export const noteVisibility = pgEnum("session_note_visibility", NOTE_VISIBILITIES);

/**
 * The coach's notes on one session: at most one private note (only the coach reads it) and one
 * shared note (the client, and for a couple both partners, read it in the portal). The text is
 * sealed at rest.
 */
export const sessionNotes = pgTable(
  "session_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    visibility: noteVisibility().notNull(),
    body: sealedText().notNull(),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("session_notes_booking_visibility_key").on(t.bookingId, t.visibility),
    index("session_notes_practice_idx").on(t.practiceId),
  ],
);
