import "server-only";
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { PLAN_SUBSCRIPTION_STATES } from "@/lib/billing/plans";
import { paymentProvider } from "./payment-provider";
import { clients, practices } from "./practices";

/**
 * A monthly plan a practice sells: `sessionsPerPeriod` sessions of its
 * offerings each month for `priceCents`. The Stripe Product and Price are
 * made when the plan is first sold, on the account that sells it
 * (`stripeAccountId`, null = the platform's own); a new price or currency
 * clears `stripePriceId` so the next sale makes a new Price (subscribers keep theirs).
 */
export const plans = pgTable(
  "plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    name: text().notNull(),
    offeringIds: uuid().array().notNull(),
    sessionsPerPeriod: integer().notNull(),
    priceCents: integer().notNull(),
    currency: text().notNull(),
    /** Offered to clients; hidden plans keep their subscribers. */
    active: boolean().notNull().default(true),
    stripeAccountId: text(),
    stripeProductId: text(),
    stripePriceId: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("plans_practice_idx").on(t.practiceId),
    check("plans_sessions", sql`${t.sessionsPerPeriod} between 1 and 31`),
    check("plans_price", sql`${t.priceCents} > 0`),
    check("plans_offerings", sql`cardinality(${t.offeringIds}) > 0`),
  ],
);

export const planSubscriptionState = pgEnum("plan_subscription_state", PLAN_SUBSCRIPTION_STATES);

/**
 * One client's subscription to a plan. Written when the client opens Checkout
 * (`checkout`; its id travels in the Stripe subscription's metadata, so any
 * event finds it, whichever comes first); `stripeSubscriptionId` and the state
 * come from Stripe (re-read on every event) or from the laptop's test checkout.
 * Credits for a period are grants with source `plan:<id>:<period start>`.
 */
export const planSubscriptions = pgTable(
  "plan_subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    planId: uuid()
      .notNull()
      .references(() => plans.id, { onDelete: "restrict" }),
    provider: paymentProvider().notNull(),
    stripeAccountId: text(),
    checkoutSessionId: text().unique(),
    checkoutUrl: text(),
    stripeSubscriptionId: text().unique(),
    stripeCustomerId: text(),
    state: planSubscriptionState().notNull().default("checkout"),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    currentPeriodStart: timestamp({ withTimezone: true }),
    currentPeriodEnd: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    /** Test checkout only: the next renewal fails (a page action simulates a card that stopped working). */
    testFailNextRenewal: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("plan_subscriptions_client_idx").on(t.practiceId, t.clientId),
    check("plan_subscriptions_period", sql`${t.currentPeriodStart} is null or ${t.currentPeriodStart} < ${t.currentPeriodEnd}`),
  ],
);

export const planInvoiceState = pgEnum("plan_invoice_state", ["paid", "failed"]);

/**
 * A plan's invoice as Stripe (or the test checkout) reported it: one row per
 * invoice, unique, so a redelivered `invoice.paid` records and grants once.
 * The portal's receipts list the paid ones.
 */
export const planInvoices = pgTable(
  "plan_invoices",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    subscriptionId: uuid()
      .notNull()
      .references(() => planSubscriptions.id, { onDelete: "cascade" }),
    invoiceId: text().notNull(),
    state: planInvoiceState().notNull(),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    /** Stripe's hosted invoice page (the receipt); null on the test checkout. */
    receiptUrl: text(),
    paidAt: timestamp({ withTimezone: true }),
    /** The charge behind a paid invoice (Stripe's invoice payment), so `charge.refunded` and disputes find the month; null on the test checkout. */
    paymentIntentId: text().unique(),
    /** The sum of the month's refunds Stripe confirmed (`refunds.plan_invoice_id`). */
    refundedCents: integer().notNull().default(0),
    /** A dispute (chargeback) was opened on the charge. */
    disputed: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("plan_invoices_invoice_key").on(t.practiceId, t.invoiceId),
    index("plan_invoices_client_idx").on(t.practiceId, t.clientId, t.createdAt),
    check("plan_invoices_amount", sql`${t.amountCents} >= 0`),
    check("plan_invoices_refunded", sql`${t.refundedCents} between 0 and ${t.amountCents}`),
  ],
);
