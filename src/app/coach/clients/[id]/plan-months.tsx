"use client";

import { RefundForm } from "@/components/billing/refund-form";
import { Badge } from "@/components/ui/badge";
import { formatPrice } from "@/lib/format";
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
  return (
    <details className="mt-1">
      <summary className="cursor-pointer font-medium text-brand-700">Refund</summary>
      <RefundForm
        action={refundPlanMonthAction}
        id={month.id}
        leftCents={month.amountCents - month.refundedCents}
        currency={month.currency}
        consequence="Refunding all of it takes back the month's unused sessions."
        className="mt-3"
      />
    </details>
  );
}
