import { describe, expect, it } from "vitest";
import { isLive, isStarted, monthlyPeriod, periodAfter, periodEndWording, planSummary, stateFromStripe, PLAN_SUBSCRIPTION_STATES } from "@/lib/billing/plans";

describe("monthly plans, pure rules", () => {
  it("maps Stripe's subscription statuses to ours", () => {
    expect(stateFromStripe("active")).toBe("active");
    expect(stateFromStripe("trialing")).toBe("active");
    expect(stateFromStripe("past_due")).toBe("past_due");
    expect(stateFromStripe("unpaid")).toBe("unpaid");
    expect(stateFromStripe("canceled")).toBe("canceled");
    expect(stateFromStripe("incomplete_expired")).toBe("expired");
    expect(stateFromStripe("incomplete")).toBe("incomplete");
    expect(stateFromStripe("paused")).toBe("paused");
    expect(stateFromStripe("something_new")).toBe("incomplete");
  });

  it("counts monthly periods from the anchor in UTC calendar months, like Stripe (Jan 31 → Feb 28 → Mar 31)", () => {
    const anchor = new Date("2027-01-31T16:00:00Z");
    expect(monthlyPeriod(anchor, 0)).toEqual({ start: anchor, end: new Date("2027-02-28T16:00:00Z") });
    expect(monthlyPeriod(anchor, 1)).toEqual({ start: new Date("2027-02-28T16:00:00Z"), end: new Date("2027-03-31T16:00:00Z") });
    // Leap year.
    expect(monthlyPeriod(new Date("2028-01-31T00:00:00Z"), 0).end).toEqual(new Date("2028-02-29T00:00:00Z"));
  });

  it("renews from the anchor, not from the last end: a plan begun on the 31st comes back to the 31st", () => {
    const anchor = new Date("2027-01-31T16:00:00Z");
    const feb = periodAfter(anchor, new Date("2027-02-28T16:00:00Z"));
    expect(feb).toEqual({ start: new Date("2027-02-28T16:00:00Z"), end: new Date("2027-03-31T16:00:00Z") });
    expect(periodAfter(anchor, feb.end)).toEqual({ start: new Date("2027-03-31T16:00:00Z"), end: new Date("2027-04-30T16:00:00Z") });
    expect(periodAfter(anchor, new Date("2027-04-30T16:00:00Z")).end).toEqual(new Date("2027-05-31T16:00:00Z"));
    // A mid-month anchor is plain.
    expect(periodAfter(new Date("2027-01-15T09:00:00Z"), new Date("2027-02-15T09:00:00Z"))).toEqual({
      start: new Date("2027-02-15T09:00:00Z"),
      end: new Date("2027-03-15T09:00:00Z"),
    });
  });

  it("words a plan and its period's end", () => {
    expect(planSummary({ sessionsPerPeriod: 4, priceCents: 50000, currency: "USD" })).toBe("4 sessions a month for $500");
    expect(planSummary({ sessionsPerPeriod: 1, priceCents: 12050, currency: "USD" })).toBe("1 session a month for $120.50");
    expect(periodEndWording({ state: "active", cancelAtPeriodEnd: false })).toBe("Renews on");
    expect(periodEndWording({ state: "active", cancelAtPeriodEnd: true })).toBe("Ends on");
    expect(periodEndWording({ state: "canceled", cancelAtPeriodEnd: true })).toBe("Ended");
  });

  it("a checkout never paid is not a plan; a live plan is one still billing", () => {
    expect(PLAN_SUBSCRIPTION_STATES.filter(isStarted)).not.toContain("checkout");
    expect(PLAN_SUBSCRIPTION_STATES.filter(isStarted)).not.toContain("expired");
    expect(PLAN_SUBSCRIPTION_STATES.filter(isLive)).toEqual(["incomplete", "active", "past_due", "unpaid", "paused"]);
  });
});
