import "server-only";
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sealedText } from "@/server/crypto/sealed";
import { users } from "./auth";
import { practices } from "./practices";

/**
 * A private iCal address the coach pasted (Google's secret address, Outlook's published
 * calendar, iCloud's public link). The address is a read credential for the coach's whole
 * calendar, so it is stored sealed and never logged; `host` is kept apart for display.
 */
export const busyFeeds = pgTable(
  "busy_feeds",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    coachId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: sealedText().notNull(),
    /** The address's host name only ("calendar.google.com"): safe to show and log. */
    host: text().notNull(),
    label: text().notNull().default(""),
    /** When the busy times below were last replaced by a good copy. */
    lastSyncedAt: timestamp({ withTimezone: true }),
    lastAttemptAt: timestamp({ withTimezone: true }),
    /** Why the last attempt failed (null after a success); the last good copy stays in use. */
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("busy_feeds_coach_idx").on(t.practiceId, t.coachId)],
);

/** A feed's busy times, expanded over the booking horizon; replaced as a whole on each good read. */
export const busyFeedTimes = pgTable(
  "busy_feed_times",
  {
    id: uuid().primaryKey().defaultRandom(),
    feedId: uuid()
      .notNull()
      .references(() => busyFeeds.id, { onDelete: "cascade" }),
    coachId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("busy_feed_times_coach_idx").on(t.coachId, t.startsAt),
    index("busy_feed_times_feed_idx").on(t.feedId),
    check("busy_feed_times_order", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);
