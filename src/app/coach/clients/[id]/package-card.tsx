import { RefundForm } from "@/components/billing/refund-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatPrice } from "@/lib/format";
import { formatLongDate } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import type { clientCredits } from "@/server/billing/credits";
import { clientPackagePayments } from "@/server/billing/package-refunds";
import { now } from "@/server/clock";
import { refundPackageAction } from "./package-actions";

type Credits = Awaited<ReturnType<typeof clientCredits>>;

/**
 * The client's packages and plan months as credits: what is left and until
 * when, the ledger in a line, and for a package bought online what it cost,
 * what went back, a dispute, and a refund form while something is left.
 * Nothing when they never had credits.
 */
export async function ClientPackagesCard({ practiceId, clientId, timeZone, credits }: { practiceId: string; clientId: string; timeZone: string; credits: Credits }) {
  if (!credits.length) return null;
  const paidFor = await clientPackagePayments(practiceId, clientId);
  return (
    <Card aria-labelledby="packages-heading">
      <h2 id="packages-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
        Packages
      </h2>
      <ul className="divide-y divide-line">
        {credits.map(({ grant, balance, entries }) => {
          const expired = grant.expiresAt <= now();
          const payment = paidFor.get(grant.sourceKey);
          const left = payment ? payment.amountCents - payment.refundedCents : 0;
          return (
            <li key={grant.id} className="py-2.5 text-sm">
              <p className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium text-ink">{grant.label}</span>
                <span className={expired ? "text-muted" : "text-ink"}>
                  {expired ? "Expired" : `${balance} of ${grant.quantity} left`} · {expired ? "ended" : "valid until"} {formatLongDate(localDateOf(grant.expiresAt, timeZone))}
                </span>
              </p>
              <p className="mt-1 text-xs text-muted">{entries.map((e) => `${e.reason} (${e.delta > 0 ? "+" : ""}${e.delta})`).join(" · ")}</p>
              {payment ? (
                <div className="mt-2 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 text-muted">
                    Paid {formatPrice(payment.amountCents, payment.currency)}
                    {payment.status === "refunded" ? <Badge>Refunded</Badge> : payment.refundedCents ? <Badge>{formatPrice(payment.refundedCents, payment.currency)} refunded</Badge> : null}
                    {payment.disputed ? <Badge tone="clay">Disputed</Badge> : null}
                  </p>
                  {payment.disputed ? <p className="text-clay-600">The client opened a dispute with their bank. Answer it from your Stripe dashboard.</p> : null}
                  {left > 0 && (payment.status === "paid" || payment.status === "partially_refunded") ? (
                    <details>
                      <summary className="cursor-pointer font-medium text-brand-700">Refund</summary>
                      <RefundForm
                        action={refundPackageAction}
                        id={payment.id}
                        leftCents={left}
                        currency={payment.currency}
                        consequence="Refunding all of it takes back the package's unused sessions."
                        className="mt-3"
                      />
                    </details>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
