// Monthly plans: the lists the Postgres enums are made from and the pure rules the server and
// pages share (a plan's words, the state of a subscription, the next monthly period). No
// database, no clock.
import { DateTime } from "luxon";
import { formatPrice } from "@/lib/format";

/**
 * Where a client's plan stands. `checkout`: opened, not paid yet; `expired`: that checkout was
 * never completed. The rest follow Stripe's subscription statuses (`trialing` counts as active,
 * `incomplete_expired` as expired).
 */
export const PLAN_SUBSCRIPTION_STATES = ["checkout", "incomplete", "active", "past_due", "unpaid", "paused", "canceled", "expired"] as const;
export type PlanSubscriptionState = (typeof PLAN_SUBSCRIPTION_STATES)[number];

/** Stripe's `subscription.status` in our words. */
export function stateFromStripe(status: string): PlanSubscriptionState {
  switch (status) {
    case "active":
    case "trialing":
      return "active";
    case "incomplete_expired":
      return "expired";
    case "incomplete":
    case "past_due":
    case "unpaid":
    case "paused":
    case "canceled":
      return status;
    default:
      return "incomplete";
  }
}

/** A plan the client has (or had): shown on the portal and the coach's client page; `checkout` and `expired` never were one. */
export const isStarted = (state: PlanSubscriptionState) => state !== "checkout" && state !== "expired";

/** Still billing (or trying to): a second subscription to the same plan is refused while one is live. */
export const isLive = (state: PlanSubscriptionState) => state === "active" || state === "past_due" || state === "incomplete" || state === "unpaid" || state === "paused";

export const planStateLabels: Record<PlanSubscriptionState, string> = {
  checkout: "Awaiting payment",
  incomplete: "First payment pending",
  active: "Active",
  past_due: "Payment failed",
  unpaid: "Unpaid",
  paused: "Paused",
  canceled: "Ended",
  expired: "Not started",
};

/** "4 sessions a month for $500". */
export function planSummary(plan: { sessionsPerPeriod: number; priceCents: number; currency: string }) {
  const sessions = `${plan.sessionsPerPeriod} session${plan.sessionsPerPeriod === 1 ? "" : "s"}`;
  return `${sessions} a month for ${formatPrice(plan.priceCents, plan.currency)}`;
}

/**
 * The `periodIndex`-th monthly period from `anchor`: calendar months in UTC, counted
 * from the anchor each time (Jan 31 → Feb 28 → Mar 31), as Stripe bills a monthly price.
 */
export function monthlyPeriod(anchor: Date, periodIndex: number) {
  const base = DateTime.fromJSDate(anchor, { zone: "utc" });
  return { start: base.plus({ months: periodIndex }).toJSDate(), end: base.plus({ months: periodIndex + 1 }).toJSDate() };
}

/**
 * The monthly period that follows the one ending at `end`, counted from the
 * billing `anchor` (the first period's start) as Stripe counts: Jan 31 → Feb 28
 * → Mar 31 → Apr 30, never drifting to the 28th the way "a month after the
 * last end" would.
 */
export function periodAfter(anchor: Date, end: Date) {
  const months = DateTime.fromJSDate(end, { zone: "utc" }).diff(DateTime.fromJSDate(anchor, { zone: "utc" }), "months").months;
  return monthlyPeriod(anchor, Math.max(0, Math.round(months)));
}

/** How the portal and the coach word when a plan's period ends: renews, or ends (canceled at period end). */
export function periodEndWording(sub: { state: PlanSubscriptionState; cancelAtPeriodEnd: boolean }) {
  if (sub.state === "canceled") return "Ended";
  return sub.cancelAtPeriodEnd ? "Ends on" : "Renews on";
}
