import { Card } from "@/components/ui/card";
import { formatPrice } from "@/lib/format";
import { formatMonth } from "@/lib/time/format";
import type { revenueSummary } from "@/server/billing/payment-reports";

type Summary = Awaited<ReturnType<typeof revenueSummary>>;

const money = (cents: number, currency: string) => formatPrice(cents, currency, { freeLabel: formatPrice(1, currency).replace(/[\d.,]+/, "0") });

/** This month and last, per currency: received, refunded, net; this month by offering; delivered but unpaid. */
export function RevenueAtAGlance({ summary }: { summary: Summary }) {
  const months = [
    { label: formatMonth(summary.thisMonth), totals: summary.current },
    { label: formatMonth(summary.lastMonth), totals: summary.previous },
  ];
  return (
    <Card aria-labelledby="revenue-heading">
      <h2 id="revenue-heading" className="font-serif text-lg font-semibold text-ink">
        At a glance
      </h2>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        {months.map(({ label, totals }) => (
          <section key={label} aria-label={label} className="rounded-lg border border-line p-4">
            <h3 className="text-sm font-medium text-muted">{label}</h3>
            {Object.keys(totals).length === 0 ? (
              <p className="mt-1 text-sm text-muted">Nothing received.</p>
            ) : (
              Object.entries(totals).map(([currency, t]) => (
                <dl key={currency} className="mt-1 grid grid-cols-[1fr_auto] gap-x-4 text-sm">
                  <dt>Received</dt>
                  <dd className="text-right tabular-nums">{money(t.receivedCents, currency)}</dd>
                  <dt>Refunded</dt>
                  <dd className="text-right tabular-nums">{money(t.refundedCents, currency)}</dd>
                  <dt className="font-medium">Net</dt>
                  <dd className="text-right font-medium tabular-nums">{money(t.receivedCents - t.refundedCents, currency)}</dd>
                </dl>
              ))
            )}
          </section>
        ))}
      </div>
      {summary.byOffering.length ? (
        <ul className="mt-4 space-y-1 text-sm" aria-label={`By offering, ${formatMonth(summary.thisMonth)}`}>
          {summary.byOffering.map((row) => (
            <li key={`${row.offering}-${row.currency}`} className="flex justify-between gap-4">
              <span>
                {row.offering} <span className="text-muted">({row.count})</span>
              </span>
              <span className="tabular-nums">{money(row.cents, row.currency)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {summary.unpaid.map((row) => (
        <p key={row.currency} className="mt-4 text-sm text-clay-600">
          {`${row.count} delivered session${row.count === 1 ? "" : "s"} still unpaid (${money(row.cents, row.currency)}): mark them paid on their pages once you are paid.`}
        </p>
      ))}
    </Card>
  );
}
