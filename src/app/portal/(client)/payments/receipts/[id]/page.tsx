import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { formatPrice } from "@/lib/format";
import { formatDayLong, formatWhen } from "@/lib/time/format";
import { requireClient } from "@/server/auth/guards";
import { getClientReceipt } from "@/server/billing/portal-payments";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Receipt" };

/** A receipt the client can print or keep: what was paid, when, for what, and what came back. */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { practiceId, clientId, client, practice } = await requireClient();
  const { id } = await params;
  const receipt = await orNotFound(getClientReceipt(practiceId, clientId, id));
  const zone = client.timeZone;
  return (
    <>
      <PageHeader title={`Receipt: ${formatPrice(receipt.amountCents, receipt.currency)}`} description={practice.name} back={<BackLink href="/portal/payments">Payments</BackLink>} />
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-2xl border border-line bg-white p-5 text-sm">
        <dt className="text-muted">Paid</dt>
        <dd>{formatDayLong(receipt.paidAt, zone)}</dd>
        <dt className="text-muted">By</dt>
        <dd>
          {client.name} ({client.email})
        </dd>
        <dt className="text-muted">For</dt>
        <dd>
          {receipt.kind === "plan" && receipt.period
            ? `${receipt.description}: ${formatDayLong(receipt.period.start, zone)} to ${formatDayLong(receipt.period.end, zone)}`
            : `${receipt.description}${receipt.sessionStart ? `, ${formatWhen(receipt.sessionStart, zone)}` : ""}`}
        </dd>
        <dt className="text-muted">Amount</dt>
        <dd className="tabular-nums">{formatPrice(receipt.amountCents, receipt.currency)}</dd>
        {receipt.refunds.map((r, i) => (
          <div key={i} className="contents">
            <dt className="text-muted">Refunded</dt>
            <dd className="tabular-nums">
              {formatPrice(r.amountCents, receipt.currency)} on {formatDayLong(r.at, zone)}
              {r.reason ? ` (${r.reason})` : ""}
            </dd>
          </div>
        ))}
        <dt className="text-muted">Paid to</dt>
        <dd>
          {practice.name} ({practice.contactEmail})
        </dd>
      </dl>
      {receipt.stripeReceiptUrl ? (
        <p className="mt-4 text-sm">
          <a href={receipt.stripeReceiptUrl} className="text-brand-700 underline underline-offset-4" target="_blank" rel="noreferrer">
            Stripe&rsquo;s invoice and receipt
          </a>
        </p>
      ) : null}
    </>
  );
}
