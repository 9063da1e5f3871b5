// Session credits (packages, monthly plans): the lists the Postgres enums are made from and
// the pure rules the server and pages share. No database, no clock.
import type { Actor } from "@/lib/scheduling/policy";

/** Where a grant of credits came from. */
export const CREDIT_GRANT_KINDS = ["package", "plan"] as const;
export type CreditGrantKind = (typeof CREDIT_GRANT_KINDS)[number];

/** The kinds of ledger rows: grant (+N), spend (−1, a booking), return (+1, that booking), expire (−rest), adjust (±, the coach). */
export const CREDIT_ENTRY_KINDS = ["grant", "spend", "return", "expire", "adjust"] as const;

/**
 * Whether canceling a session paid with a credit gives the credit back, by the booking's policy:
 * the coach cancelling, or the client before the late window → returned; a late cancel or a
 * no-show (whoever marks it) → forfeited (a credit can't be split, so any late rule short of a full refund forfeits it).
 */
export function creditReturnedOnCancel(args: { actor: Actor; late: boolean; noShow?: boolean; lateCancelRefundPercent: number }) {
  if (args.noShow) return args.lateCancelRefundPercent >= 100;
  if (args.actor === "coach" || !args.late) return true;
  return args.lateCancelRefundPercent >= 100;
}

/** "1 session" / "3 sessions". */
export const sessionsLeft = (n: number) => `${n} session${n === 1 ? "" : "s"}`;
