import { describe, expect, it } from "vitest";
import { paidStatusAfterRefunds, refundOnCancel } from "@/lib/billing/payments";

const paid = { paidCents: 30000, refundedCents: 0, lateCancelRefundPercent: 0 };

describe("refundOnCancel", () => {
  it("refunds everything before the late window, and whenever the coach cancels", () => {
    expect(refundOnCancel({ ...paid, actor: "client", late: false })).toEqual({ cents: 30000, cause: "client_cancel" });
    expect(refundOnCancel({ ...paid, actor: "coach", late: true })).toEqual({ cents: 30000, cause: "coach_cancel" });
  });

  it("late: forfeit by default, else the percentage rounded down to the cent", () => {
    expect(refundOnCancel({ ...paid, actor: "client", late: true })).toEqual({ cents: 0, cause: "late_cancel" });
    expect(refundOnCancel({ ...paid, paidCents: 14999, lateCancelRefundPercent: 50, actor: "client", late: true }).cents).toBe(7499);
    expect(refundOnCancel({ ...paid, lateCancelRefundPercent: 100, actor: "client", late: true }).cents).toBe(30000);
  });

  it("never gives back more than is left after earlier refunds", () => {
    expect(refundOnCancel({ ...paid, refundedCents: 25000, lateCancelRefundPercent: 50, actor: "client", late: true }).cents).toBe(5000);
    expect(refundOnCancel({ ...paid, refundedCents: 30000, actor: "coach", late: false }).cents).toBe(0);
  });
});

describe("paidStatusAfterRefunds", () => {
  it("names full, partial and no refunds", () => {
    expect(paidStatusAfterRefunds(30000, 0)).toBe("paid");
    expect(paidStatusAfterRefunds(30000, 1)).toBe("partially_refunded");
    expect(paidStatusAfterRefunds(30000, 30000)).toBe("refunded");
  });
});
