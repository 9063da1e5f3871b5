import "server-only";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { HOMEWORK_EMAIL_PREFERENCES } from "@/lib/homework/reminders";
import { PAYMENT_COLLECTIONS } from "@/lib/billing/payments";
import { OFFERING_FORMATS, OFFERING_KINDS } from "@/lib/offerings";
import { DEFAULT_VIDEO_BASE_URL, VIDEO_LINK_MODES } from "@/lib/scheduling/meeting-place";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
// Circular on purpose (an offering names its intake, a response its offering); every reference is lazy.
import { questionnaires } from "./intake";

export const practices = pgTable("practices", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  timeZone: text().notNull(),
  currency: text().notNull().default("USD"),
  contactEmail: text().notNull(),
  /** Secret in the coach's calendar feed URL; rotating it revokes old subscriptions. */
  calendarFeedToken: text()
    .notNull()
    .unique()
    .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
  /**
   * The websites (https origins) allowed to show the booking pages in a
   * frame: CSP frame-ancestors on /book/<slug>/…. Empty: any website.
   */
  embedOrigins: text().array().notNull().default(sql`'{}'::text[]`),
  /**
   * The Jitsi Meet server whose rooms automatic video links open
   * (docs/scheduling.md#meeting-places); an http(s) address (check in the
   * custom migration 0020_video_links_data.sql).
   */
  videoBaseUrl: text().notNull().default(DEFAULT_VIDEO_BASE_URL),
  /**
   * Minutes after booking in which the booker may cancel or change it as if it were early (an
   * undo for a wrong time or a double booking), even inside the late-cancel window.
   */
  bookingGraceMinutes: integer().notNull().default(15),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [check("practices_booking_grace_minutes", sql`${t.bookingGraceMinutes} between 0 and 120`)]);

export const membershipRole = pgEnum("membership_role", ["coach", "client"]);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_practice_user_role_key").on(t.practiceId, t.userId, t.role),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const clientStatus = pgEnum("client_status", ["active", "archived"]);
export const homeworkEmailPreference = pgEnum("homework_email_preference", HOMEWORK_EMAIL_PREFERENCES);

export const clients = pgTable(
  "clients",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** Set once the client has signed in to the portal. */
    userId: text().references(() => users.id, { onDelete: "set null" }),
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
    timeZone: text().notNull(),
    status: clientStatus().notNull().default("active"),
    /** The other half of a couple; both rows point at each other. */
    partnerId: uuid(),
    /** The homework email: daily (08:00 local, when something is due that day), weekly (Monday 08:00) or off. */
    homeworkEmail: homeworkEmailPreference().notNull().default("daily"),
    /** The client asked from the portal to have their record deleted (the coach decides). */
    deletionRequestedAt: timestamp({ withTimezone: true }),
    /**
     * Deleted (GDPR): the row stays only as a tombstone for what accounting keeps (bookings with
     * payments, a couple's joint sessions); name and email are placeholders, nothing else is left.
     */
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One client record per person per practice, whatever the email's case.
    uniqueIndex("clients_practice_email_key").on(t.practiceId, sql`lower(${t.email})`),
    index("clients_user_idx").on(t.userId),
    foreignKey({ columns: [t.partnerId], foreignColumns: [t.id] }).onDelete("set null"),
    check("clients_not_own_partner", sql`${t.partnerId} is null or ${t.partnerId} <> ${t.id}`),
    // A tombstone holds no contact details, no account and no partner, and is never active.
    check(
      "clients_deleted_tombstone",
      sql`${t.deletedAt} is null or (${t.userId} is null and ${t.phone} is null and ${t.partnerId} is null and ${t.status} = 'archived' and ${t.deletionRequestedAt} is null)`,
    ),
  ],
);

export const paymentCollection = pgEnum("payment_collection", PAYMENT_COLLECTIONS);
export const offeringKind = pgEnum("offering_kind", OFFERING_KINDS);
export const offeringFormat = pgEnum("offering_format", OFFERING_FORMATS);
export const videoLinkMode = pgEnum("video_link_mode", VIDEO_LINK_MODES);

export const offerings = pgTable(
  "offerings",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    kind: offeringKind().notNull(),
    name: text().notNull(),
    slug: text().notNull(),
    description: text().notNull().default(""),
    durationMinutes: integer().notNull(),
    /** In the currency's minor unit (cents); 0 means free. */
    priceCents: integer().notNull().default(0),
    currency: text().notNull(),
    format: offeringFormat().notNull().default("video"),
    /** Address for in-person sessions, the coach's own link for video ("fixed"), number for phone. */
    location: text(),
    /** Video only: a new private room per booking ("automatic") or the coach's own link in `location` ("fixed"). */
    videoLink: videoLinkMode().notNull().default("automatic"),
    active: boolean().notNull().default(true),
    /** Prefilled into a new session note (e.g. "What we worked on / Homework / Next time"). */
    noteTemplate: text().notNull().default(""),
    // Scheduling rules (see docs/scheduling.md).
    bufferBeforeMinutes: integer().notNull().default(0),
    bufferAfterMinutes: integer().notNull().default(0),
    minimumNoticeMinutes: integer().notNull().default(12 * 60),
    horizonDays: integer().notNull().default(60),
    /** Minutes between offered start times; null = the duration (capped at 60). */
    slotIntervalMinutes: integer(),
    /** Most sessions of this offering on one day; null = no cap. */
    maxPerDay: integer(),
    cancellationWindowHours: integer().notNull().default(24),
    rescheduleWindowHours: integer().notNull().default(24),
    /** How a paid session is collected (docs/billing.md). */
    paymentCollection: paymentCollection().notNull().default("at_booking"),
    /** Share of the price a late cancel or no-show gets back; 0 = forfeit. */
    lateCancelRefundPercent: integer().notNull().default(0),
    sortOrder: integer().notNull().default(0),
    /** The questionnaire a client's first booking of this offering assigns; null: none. */
    intakeQuestionnaireId: uuid().references(() => questionnaires.id, { onDelete: "set null" }),
    /** The coach wants the intake back before the session: a warning on Today and the session, never a cancellation. */
    intakeRequired: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("offerings_practice_slug_key").on(t.practiceId, t.slug),
    check("offerings_duration_positive", sql`${t.durationMinutes} between 5 and 720`),
    check("offerings_price_not_negative", sql`${t.priceCents} >= 0`),
    check(
      "offerings_scheduling_ranges",
      sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240
        and ${t.minimumNoticeMinutes} between 0 and 43200 and ${t.horizonDays} between 1 and 730
        and (${t.slotIntervalMinutes} is null or ${t.slotIntervalMinutes} between 5 and 720)
        and (${t.maxPerDay} is null or ${t.maxPerDay} between 1 and 50)
        and ${t.cancellationWindowHours} between 0 and 720 and ${t.rescheduleWindowHours} between 0 and 720`,
    ),
    check("offerings_late_cancel_refund_percent", sql`${t.lateCancelRefundPercent} between 0 and 100`),
  ],
);
