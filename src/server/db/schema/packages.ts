import "server-only";
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { clients, practices } from "./practices";
import { bookings } from "./scheduling";

/**
 * What a practice sells ahead: `sessions` sessions of one or more of its
 * offerings for `priceCents`, valid `validDays` days from purchase. Hidden
 * packages (`active` false) are no longer offered; what was bought stays.
 */
export const packages = pgTable(
  "packages",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    name: text().notNull(),
    offeringIds: uuid().array().notNull(),
    sessions: integer().notNull(),
    priceCents: integer().notNull(),
    currency: text().notNull(),
    validDays: integer().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("packages_practice_idx").on(t.practiceId),
    check("packages_sessions", sql`${t.sessions} between 1 and 100`),
    check("packages_price", sql`${t.priceCents} > 0`),
    check("packages_valid_days", sql`${t.validDays} between 1 and 3650`),
    check("packages_offerings", sql`cardinality(${t.offeringIds}) > 0`),
  ],
);

/**
 * One client buying a package: paid through its `payments` row; once paid,
 * the credits are granted (`credit_grants.source_key` = `package:<id>`).
 * `bookingId` is the first session when bought and booked in one flow (held
 * `pending_payment` until the payment, then paid with the first credit).
 */
export const packagePurchases = pgTable(
  "package_purchases",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    packageId: uuid()
      .notNull()
      .references(() => packages.id, { onDelete: "restrict" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    bookingId: uuid()
      .unique()
      .references(() => bookings.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("package_purchases_client_idx").on(t.practiceId, t.clientId)],
);
