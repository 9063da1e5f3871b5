import "server-only";
import { pgEnum } from "drizzle-orm/pg-core";

/**
 * Who moved the money: Stripe, the laptop's test checkout, or the coach by hand.
 * On its own so billing.ts (refunds name plan invoices) and plans.ts (subscriptions
 * have a provider) can both use it without importing each other in a circle.
 */
export const paymentProvider = pgEnum("payment_provider", ["stripe", "test", "manual"]);
