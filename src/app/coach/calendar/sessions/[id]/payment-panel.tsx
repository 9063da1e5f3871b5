"use client";

import { RefundForm } from "@/components/billing/refund-form";
import { SubmitButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { bookingPaymentLabels, type BookingPaymentStatus } from "@/lib/billing/payments";
import { formatPrice } from "@/lib/format";
import { markPaidAction, refundPaymentAction } from "../../payment-actions";

type Props = {
  bookingId: string;
  status: BookingPaymentStatus;
  /** The payment recorded (Checkout or marked paid), if any. */
  payment: { amountCents: number; refundedCents: number; currency: string; disputed: boolean; mismatch: boolean } | null;
};

/** How the session was paid, with the coach's two moves: mark it paid, or refund some or all of it. */
export function PaymentPanel({ bookingId, status, payment }: Props) {
  const { state: paidState, formAction: markPaid } = useActionForm(markPaidAction);
  const left = payment ? payment.amountCents - payment.refundedCents : 0;
  const refundable = (status === "paid" || status === "partially_refunded") && left > 0;
  return (
    <Card aria-labelledby="payment-heading">
      <h2 id="payment-heading" className="font-serif text-lg font-semibold text-ink">
        Payment
      </h2>
      <p className="mt-1 text-sm text-muted" role="status">
        {bookingPaymentLabels[status]}
        {payment ? ` · ${formatPrice(payment.amountCents, payment.currency)}` : ""}
        {payment?.refundedCents ? ` · ${formatPrice(payment.refundedCents, payment.currency)} refunded` : ""}
      </p>
      {payment?.disputed ? <p className="mt-2 text-sm font-medium text-clay-600">The client opened a dispute with their bank. Answer it from your Stripe dashboard.</p> : null}
      {payment?.mismatch ? <p className="mt-2 text-sm font-medium text-clay-600">Stripe reported a different amount or currency than asked; the session was not confirmed.</p> : null}
      {status === "unpaid" ? (
        <form action={markPaid} className="mt-4 space-y-3">
          <input type="hidden" name="id" value={bookingId} />
          <FormMessage state={paidState} />
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            Mark as paid
          </SubmitButton>
        </form>
      ) : null}
      {refundable && payment ? <RefundForm action={refundPaymentAction} id={bookingId} leftCents={left} currency={payment.currency} className="mt-4" /> : null}
    </Card>
  );
}
