// Payments: the lists the Postgres enums are made from, the refund rules, and the words people
// see. Pure (no database, no clock), so the pages show the same answer the server applies.
import type { Actor } from "@/lib/scheduling/policy";

/** How an offering's sessions are paid: through Checkout when booked, or collected by the coach elsewhere. */
export const PAYMENT_COLLECTIONS = ["at_booking", "offline"] as const;
export type PaymentCollection = (typeof PAYMENT_COLLECTIONS)[number];

export const paymentCollectionLabels: Record<PaymentCollection, string> = {
  at_booking: "Paid when booked (Stripe Checkout)",
  offline: "Not collected online (you collect it and mark the session paid)",
};

/**
 * Where a booking stands with money, as the public API words it (`booking.payment.status`).
 * `credit` is a session paid from a package or plan (part 2 of billing).
 */
export const BOOKING_PAYMENT_STATUSES = [
  "awaiting",
  "paid",
  "refunded",
  "partially_refunded",
  "credit",
  "not_required",
  "unpaid",
  "expired",
] as const;
export type BookingPaymentStatus = (typeof BOOKING_PAYMENT_STATUSES)[number];

/** A payment's own state (one Checkout Session, or the coach marking a session paid). */
export const PAYMENT_STATES = ["awaiting", "paid", "expired", "failed", "refunded", "partially_refunded"] as const;

/** Why money goes back: each cause refunds a booking at most once (it is part of the idempotency key). */
export const REFUND_CAUSES = ["client_cancel", "late_cancel", "no_show", "coach_cancel", "hold_lost", "coach", "stripe_dashboard"] as const;
export type RefundCause = (typeof REFUND_CAUSES)[number];

/** Minutes a paid booking holds its time while the booker pays; Stripe's shortest Checkout Session. */
export const HOLD_MINUTES = 30;

/**
 * What a cancel gives back, in minor units, by the booking's policy snapshot: the coach
 * cancelling, or the client cancelling before the late window, refunds everything still
 * paid; a late cancel refunds the offering's late-cancel percentage (0 = forfeit), rounded
 * down to the cent so it never exceeds what the rule says.
 */
export function refundOnCancel(args: {
  paidCents: number;
  refundedCents: number;
  actor: Actor;
  late: boolean;
  lateCancelRefundPercent: number;
}): { cents: number; cause: RefundCause } {
  const remaining = Math.max(args.paidCents - args.refundedCents, 0);
  if (args.actor === "coach") return { cents: remaining, cause: "coach_cancel" };
  if (!args.late) return { cents: remaining, cause: "client_cancel" };
  const percent = Math.min(Math.max(Math.trunc(args.lateCancelRefundPercent), 0), 100);
  return { cents: Math.min(Math.floor((args.paidCents * percent) / 100), remaining), cause: "late_cancel" };
}

/** The booking's payment status after refunds: refunded in full, in part, or still paid. */
export function paidStatusAfterRefunds(amountCents: number, refundedCents: number): "paid" | "partially_refunded" | "refunded" {
  if (refundedCents <= 0) return "paid";
  return refundedCents >= amountCents ? "refunded" : "partially_refunded";
}

/** Minor units to the major units the public API uses (`price`, `amount`): 15000 → 150. */
export const toMajorUnits = (cents: number) => cents / 100;

export const bookingPaymentLabels: Record<BookingPaymentStatus, string> = {
  awaiting: "Awaiting payment",
  paid: "Paid",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
  credit: "Paid with a package credit",
  not_required: "Free",
  unpaid: "Not paid yet",
  expired: "Payment not completed",
};
