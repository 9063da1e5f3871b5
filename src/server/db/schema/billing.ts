import "server-only";
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { PAYMENT_STATES, REFUND_CAUSES } from "@/lib/billing/payments";
import { packagePurchases } from "./packages";
import { paymentProvider } from "./payment-provider";
import { planInvoices } from "./plans";
import { practices } from "./practices";
import { bookings } from "./scheduling";

/**
 * The practice's own Stripe account under Connect (STRIPE_CONNECT=on): created
 * from Settings → Payments, onboarded through Account Links, its readiness kept
 * from `account.updated`. Charges are made on it (the Stripe-Account header).
 */
export const stripeAccounts = pgTable("stripe_accounts", {
  practiceId: uuid()
    .primaryKey()
    .references(() => practices.id, { onDelete: "cascade" }),
  accountId: text().notNull().unique(),
  chargesEnabled: boolean().notNull().default(false),
  detailsSubmitted: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const paymentState = pgEnum("payment_state", PAYMENT_STATES);
export { paymentProvider };

/**
 * Money asked for a booking or a package: a Checkout Session (Stripe, or the laptop's test
 * checkout), or the coach marking a session paid (`manual`). Amounts in minor
 * units; `refundedCents` is the sum of the refunds Stripe confirmed.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** The session paid for; null when the payment buys a package (`packagePurchaseId`). */
    bookingId: uuid().references(() => bookings.id, { onDelete: "cascade" }),
    packagePurchaseId: uuid()
      .unique()
      .references(() => packagePurchases.id, { onDelete: "cascade" }),
    provider: paymentProvider().notNull(),
    /** The connected account the charge is on; null = the platform account (STRIPE_CONNECT=off) or no Stripe. */
    stripeAccountId: text(),
    checkoutSessionId: text().unique(),
    checkoutUrl: text(),
    paymentIntentId: text().unique(),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    status: paymentState().notNull().default("awaiting"),
    refundedCents: integer().notNull().default(0),
    /** A dispute (chargeback) was opened on the charge. */
    disputed: boolean().notNull().default(false),
    /** Amount or currency paid differed from what was asked: nothing was confirmed and the coach was told. */
    mismatch: boolean().notNull().default(false),
    expiresAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One payment per booking; a package purchase pays for its own first session (credits).
    uniqueIndex("payments_booking_key").on(t.bookingId),
    check("payments_pays_for_one_thing", sql`num_nonnulls(${t.bookingId}, ${t.packagePurchaseId}) = 1`),
    index("payments_practice_created_idx").on(t.practiceId, t.createdAt),
    check("payments_amounts", sql`${t.amountCents} >= 0 and ${t.refundedCents} between 0 and ${t.amountCents}`),
  ],
);

export const refundCause = pgEnum("refund_cause", REFUND_CAUSES);
export const refundState = pgEnum("refund_state", ["pending", "succeeded", "failed"]);

/**
 * Money given back, of a payment or of a plan's month (exactly one of
 * `paymentId`, `planInvoiceId`, so every refund is listed and summed one way).
 * `idempotencyKey` (booking + cause) is sent to Stripe and
 * unique here, so a cause refunds a booking once however often it is retried;
 * a refund counts towards `payments.refunded_cents` (`plan_invoices.refunded_cents`) only once Stripe says
 * `succeeded`. Refunds made in Stripe's dashboard arrive by `charge.refunded`.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    paymentId: uuid().references(() => payments.id, { onDelete: "cascade" }),
    planInvoiceId: uuid().references(() => planInvoices.id, { onDelete: "cascade" }),
    cause: refundCause().notNull(),
    amountCents: integer().notNull(),
    reason: text(),
    idempotencyKey: text().notNull().unique(),
    stripeRefundId: text().unique(),
    status: refundState().notNull().default("pending"),
    createdAt: createdAt(),
    confirmedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("refunds_payment_idx").on(t.paymentId),
    index("refunds_plan_invoice_idx").on(t.planInvoiceId),
    check("refunds_amount_positive", sql`${t.amountCents} > 0`),
    check("refunds_of_one_thing", sql`num_nonnulls(${t.paymentId}, ${t.planInvoiceId}) = 1`),
  ],
);

/** Each Stripe event id once: the webhook inserts here first, in the transaction that applies it. */
export const stripeEvents = pgTable("stripe_events", {
  id: text().primaryKey(),
  type: text().notNull(),
  /** The connected account it came from; null for the platform's own events. */
  account: text(),
  processedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
