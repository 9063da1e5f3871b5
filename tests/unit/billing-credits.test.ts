import { describe, expect, it } from "vitest";
import { creditReturnedOnCancel, sessionsLeft } from "@/lib/billing/credits";

describe("creditReturnedOnCancel", () => {
  const rule = (over: Partial<Parameters<typeof creditReturnedOnCancel>[0]>) =>
    creditReturnedOnCancel({ actor: "client", late: false, lateCancelRefundPercent: 0, ...over });

  it("returns the credit for a cancel in time and for the coach cancelling, even late", () => {
    expect(rule({})).toBe(true);
    expect(rule({ actor: "coach", late: true })).toBe(true);
  });

  it("forfeits it for a late cancel or a no-show, unless the late rule refunds everything", () => {
    expect(rule({ late: true })).toBe(false);
    expect(rule({ late: true, lateCancelRefundPercent: 50 })).toBe(false);
    expect(rule({ late: true, lateCancelRefundPercent: 100 })).toBe(true);
    expect(rule({ actor: "coach", noShow: true })).toBe(false);
    expect(rule({ actor: "coach", noShow: true, lateCancelRefundPercent: 100 })).toBe(true);
  });

  it("words what is left", () => {
    expect(sessionsLeft(1)).toBe("1 session");
    expect(sessionsLeft(4)).toBe("4 sessions");
  });
});
