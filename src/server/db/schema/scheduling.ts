import "server-only";
import { sealedLegacyText } from "@/server/crypto/sealed";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { BOOKING_PAYMENT_STATUSES } from "@/lib/billing/payments";
import { BOOKING_STATUSES } from "@/lib/scheduling/status";
import { users } from "./auth";
import { clients, offerings, practices } from "./practices";

/** Availability rows belong to one coach of one practice, and go with either. */
const coachScope = () => ({
  practiceId: uuid()
    .notNull()
    .references(() => practices.id, { onDelete: "cascade" }),
  coachId: text()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
});

/** One working interval on a weekday, in the practice's zone ("09:00"–"17:00"). */
export const weeklyHours = pgTable(
  "weekly_hours",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...coachScope(),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: smallint().notNull(),
    startTime: text().notNull(),
    endTime: text().notNull(),
  },
  (t) => [
    index("weekly_hours_coach_idx").on(t.practiceId, t.coachId),
    check("weekly_hours_weekday", sql`${t.weekday} between 1 and 7`),
    check("weekly_hours_order", sql`${t.startTime} < ${t.endTime}`),
  ],
);

/** Other hours on one date; no intervals means the day off. */
export const dateOverrides = pgTable(
  "date_overrides",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...coachScope(),
    date: date({ mode: "string" }).notNull(),
    intervals: jsonb().$type<{ start: string; end: string }[]>().notNull().default([]),
  },
  (t) => [uniqueIndex("date_overrides_coach_date_key").on(t.practiceId, t.coachId, t.date)],
);

export const timeOff = pgTable(
  "time_off",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...coachScope(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    label: text().notNull().default(""),
  },
  (t) => [check("time_off_order", sql`${t.startDate} <= ${t.endDate}`)],
);

/** Time the coach blocked by hand from the calendar ("School run"). */
export const calendarBlocks = pgTable(
  "calendar_blocks",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...coachScope(),
    label: text().notNull().default("Busy"),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("calendar_blocks_coach_time_idx").on(t.coachId, t.startsAt),
    check("calendar_blocks_order", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const bookingStatus = pgEnum("booking_status", BOOKING_STATUSES);

/** Where the booking stands with money (the public API's `payment.status`); see src/lib/billing/payments.ts. */
export const paymentStatus = pgEnum("payment_status", BOOKING_PAYMENT_STATUSES);

/** The rules a booking was made under, kept with it so later policy edits don't change old bookings. */
export type BookingPolicy = {
  cancellationWindowHours: number;
  rescheduleWindowHours: number;
  minimumNoticeMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Share of the price a late cancel or no-show gets back (0 = forfeit); absent on bookings made before billing. */
  lateCancelRefundPercent?: number;
  /** Minutes after booking in which cancelling is an undo (free); absent on bookings made before it existed (none). */
  graceMinutes?: number;
};

export const bookings = pgTable(
  "bookings",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    offeringId: uuid()
      .notNull()
      .references(() => offerings.id, { onDelete: "restrict" }),
    coachId: text()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    /** The partner, for a couples session. */
    partnerClientId: uuid().references(() => clients.id, { onDelete: "set null" }),
    status: bookingStatus().notNull(),
    paymentStatus: paymentStatus().notNull().default("unpaid"),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /**
     * The coach's time this booking holds: start minus buffer before, end plus
     * buffer after. The exclusion constraint (custom migration) forbids two
     * holding bookings of one coach from overlapping on this range.
     */
    blockedFrom: timestamp({ withTimezone: true }).notNull(),
    blockedUntil: timestamp({ withTimezone: true }).notNull(),
    /** The zone the booker saw times in; emails to the client use it. */
    clientTimeZone: text().notNull(),
    /**
     * What the booker typed, kept apart from the client record it was filed
     * under: a public booking never edits the coach's record, and everything
     * reached by the booking's link (manage and confirmation pages, invites,
     * emails to booker and partner) shows these, never the record.
     */
    bookerName: text().notNull(),
    bookerEmail: text().notNull(),
    bookerPhone: text(),
    /** What the booker wrote to the coach: sealed (older rows are sealed at start, see rotate.ts). */
    note: sealedLegacyText(),
    partnerName: text(),
    partnerEmail: text(),
    /**
     * Random secret behind this booking's manage links (see manage-token.ts):
     * a link is an HMAC of the booking id, the recipient and this salt under
     * AUTH_SECRET. Replacing it revokes every link mailed so far.
     */
    manageSalt: text()
      .notNull()
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    policy: jsonb().$type<BookingPolicy>().notNull(),
    /**
     * This session's own video room (under the practice's Jitsi server), made
     * once when the booking is created and kept on reschedule; the join link
     * when the offering uses automatic links.
     */
    videoUrl: text(),
    /** The coach's link for this one session, instead of the offering's; null: the offering's. */
    videoUrlOverride: text(),
    /** A `pending_payment` booking holds its time until this instant; then it expires (billing sweep). */
    holdExpiresAt: timestamp({ withTimezone: true }),
    /** Rises on every change, for calendar invites (iCalendar SEQUENCE). */
    sequence: integer().notNull().default(0),
    bookedBy: text().$type<"client" | "coach">().notNull().default("client"),
    canceledAt: timestamp({ withTimezone: true }),
    canceledBy: text().$type<"client" | "coach">(),
    cancelReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("bookings_practice_start_idx").on(t.practiceId, t.startsAt),
    index("bookings_coach_blocked_idx").on(t.coachId, t.blockedFrom),
    index("bookings_client_idx").on(t.clientId),
    index("bookings_hold_expiry_idx")
      .on(t.holdExpiresAt)
      .where(sql`${t.status} = 'pending_payment'`),
    check("bookings_order", sql`${t.startsAt} < ${t.endsAt}`),
    check("bookings_video_urls_web", sql`(${t.videoUrl} is null or ${t.videoUrl} ~* '^https?://[^/]') and (${t.videoUrlOverride} is null or ${t.videoUrlOverride} ~* '^https?://[^/]')`),
    check("bookings_blocked_covers", sql`${t.blockedFrom} <= ${t.startsAt} and ${t.blockedUntil} >= ${t.endsAt}`),
  ],
);
