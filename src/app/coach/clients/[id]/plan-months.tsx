"use client";

import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatPrice, priceInputValue } from "@/lib/format";
import { formatDayLong } from "@/lib/time/format";
import { refundPlanMonthAction } from "./plan-actions";

/** One paid month of a plan as the coach's client page shows it. */
export type PlanMonthView = {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  amountCents: number;
  refundedCents: number;
  currency: string;
  disputed: boolean;
};

/** The plan's paid months, newest first, each with what was refunded, a dispute, and a refund form while something is left. */
export function PlanMonths({ months, timeZone }: { months: PlanMonthView[]; timeZone: string }) {
  if (!months.length) return null;
  return (
    <div>
      <h3 className="text-sm font-medium text-ink">Paid months</h3>
      <ul className="mt-1 divide-y divide-line">
        {months.map((month) => (
          <li key={month.id} className="py-2">
            <div className="flex flex-wrap items-baseline gap-2">
              <span className="text-ink">
                {formatDayLong(month.periodStart, timeZone)} to {formatDayLong(month.periodEnd, timeZone)} · {formatPrice(month.amountCents, month.currency)}
              </span>
              {month.refundedCents >= month.amountCents && month.amountCents > 0 ? (
                <Badge>Refunded</Badge>
              ) : month.refundedCents > 0 ? (
                <Badge>{formatPrice(month.refundedCents, month.currency)} refunded</Badge>
              ) : null}
              {month.disputed ? <Badge tone="clay">Disputed</Badge> : null}
            </div>
            {month.disputed ? <p className="mt-1 text-clay-600">The client opened a dispute with their bank. Answer it from your Stripe dashboard.</p> : null}
            {month.amountCents - month.refundedCents > 0 ? <RefundMonth month={month} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RefundMonth({ month }: { month: PlanMonthView }) {
  const { state, formAction, formKey, formRef, errors, values } = useActionForm(refundPlanMonthAction);
  const left = month.amountCents - month.refundedCents;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer font-medium text-brand-700">Refund</summary>
      <form key={formKey} ref={formRef} action={formAction} noValidate className="mt-3 space-y-4">
        <input type="hidden" name="id" value={month.id} />
        <FormMessage state={state} />
        <Field
          label={`Refund amount (${month.currency})`}
          name="amount"
          inputMode="decimal"
          defaultValue={values?.amount ?? priceInputValue(left)}
          errors={errors.amount}
          hint={`Up to ${formatPrice(left, month.currency)}. Refunding all of it takes back the month's unused sessions.`}
        />
        <Field label="Reason" name="reason" defaultValue={values?.reason ?? ""} errors={errors.reason} hint="The client reads this." />
        <SubmitButton variant="secondary" pendingLabel="Refunding…">
          Refund
        </SubmitButton>
      </form>
    </details>
  );
}
