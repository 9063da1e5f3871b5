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
import { users } from "./auth";

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const practices = pgTable("practices", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  timeZone: text().notNull(),
  currency: text().notNull().default("USD"),
  contactEmail: text().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One client record per person per practice, whatever the email's case.
    uniqueIndex("clients_practice_email_key").on(t.practiceId, sql`lower(${t.email})`),
    index("clients_user_idx").on(t.userId),
    foreignKey({ columns: [t.partnerId], foreignColumns: [t.id] }).onDelete("set null"),
    check("clients_not_own_partner", sql`${t.partnerId} is null or ${t.partnerId} <> ${t.id}`),
  ],
);

export const offeringKind = pgEnum("offering_kind", ["relationship", "crisis", "one_on_one"]);
export const offeringFormat = pgEnum("offering_format", ["video", "phone", "in_person"]);

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
    /** Address for in-person sessions, meeting link for video, number for phone. */
    location: text(),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("offerings_practice_slug_key").on(t.practiceId, t.slug),
    check("offerings_duration_positive", sql`${t.durationMinutes} between 5 and 720`),
    check("offerings_price_not_negative", sql`${t.priceCents} >= 0`),
  ],
);
