import "server-only";
import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { CREDIT_ENTRY_KINDS, CREDIT_GRANT_KINDS } from "@/lib/billing/credits";
import { clients, practices } from "./practices";
import { bookings } from "./scheduling";

export const creditGrantKind = pgEnum("credit_grant_kind", CREDIT_GRANT_KINDS);

/**
 * A batch of session credits a client received: a package bought, a plan's
 * period paid. Generic on purpose: `sourceKey` says where it came from
 * (`package:<purchase>`, `plan:<subscription>:<period start>`) and is unique,
 * so granting for the same source twice (a webhook redelivered) grants once.
 * The grant itself never changes; its balance is the sum of its ledger rows.
 */
export const creditGrants = pgTable(
  "credit_grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    kind: creditGrantKind().notNull(),
    sourceKey: text().notNull(),
    /** What the client and coach read ("Relationship package of 6"). */
    label: text().notNull(),
    /** The offerings a credit of this grant books (ids of this practice's offerings). */
    offeringIds: uuid().array().notNull(),
    quantity: integer().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("credit_grants_source_key").on(t.practiceId, t.sourceKey),
    index("credit_grants_client_idx").on(t.practiceId, t.clientId, t.expiresAt),
    check("credit_grants_quantity", sql`${t.quantity} > 0`),
    check("credit_grants_offerings", sql`cardinality(${t.offeringIds}) > 0`),
    check("credit_grants_period", sql`${t.validFrom} < ${t.expiresAt}`),
  ],
);

export const creditEntryKind = pgEnum("credit_entry_kind", CREDIT_ENTRY_KINDS);

/**
 * The append-only credit ledger (a trigger refuses UPDATE and DELETE, and an
 * insert that would take a grant's balance below zero: it locks the grant row,
 * so concurrent spends of one last credit serialize and exactly one wins).
 * Balance = sum(delta) per grant. `spend` and `return` name their booking; a
 * booking is spent and returned at most once (partial unique indexes).
 */
export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    grantId: uuid()
      .notNull()
      .references(() => creditGrants.id, { onDelete: "cascade" }),
    kind: creditEntryKind().notNull(),
    bookingId: uuid().references(() => bookings.id, { onDelete: "cascade" }),
    delta: integer().notNull(),
    reason: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("credit_ledger_grant_idx").on(t.grantId),
    index("credit_ledger_client_idx").on(t.practiceId, t.clientId, t.createdAt),
    uniqueIndex("credit_ledger_grant_once").on(t.grantId).where(sql`${t.kind} = 'grant'`),
    uniqueIndex("credit_ledger_spend_once").on(t.bookingId).where(sql`${t.kind} = 'spend'`),
    uniqueIndex("credit_ledger_return_once").on(t.bookingId).where(sql`${t.kind} = 'return'`),
    check(
      "credit_ledger_shape",
      sql`case ${t.kind}
        when 'grant' then ${t.delta} > 0 and ${t.bookingId} is null
        when 'spend' then ${t.delta} = -1 and ${t.bookingId} is not null
        when 'return' then ${t.delta} = 1 and ${t.bookingId} is not null
        when 'expire' then ${t.delta} < 0 and ${t.bookingId} is null
        else ${t.delta} <> 0 end`,
    ),
  ],
);
