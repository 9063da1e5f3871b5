import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { bookingPaymentLabels } from "@/lib/billing/payments";
import { formatPrice } from "@/lib/format";
import { formatWhen } from "@/lib/time/format";
import { requireClient } from "@/server/auth/guards";
import { listClientPayments } from "@/server/billing/client-payments";

export const metadata: Metadata = { title: "Payments" };

/** What each session cost and where its payment stands; receipts arrive by email when paid online. */
export default async function PortalPaymentsPage() {
  const { practiceId, clientId, client, practice } = await requireClient();
  const rows = await listClientPayments({ practiceId, clientId });
  return (
    <>
      <PageHeader title="Payments" description={`What your sessions with ${practice.name} cost, and what was paid or refunded.`} />
      {rows.length ? (
        <ul className="divide-y divide-line rounded-2xl border border-line bg-white">
          {rows.map((row) => (
            <li key={row.bookingId} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
              <span className="min-w-0">
                <Link href={`/portal/sessions/${row.bookingId}`} className="font-semibold text-ink underline underline-offset-4">
                  {row.offeringName}
                </Link>
                <span className="block text-sm text-muted">{formatWhen(row.startsAt, client.timeZone)}</span>
              </span>
              <span className="flex items-center gap-3 text-sm">
                <span className="tabular-nums text-ink">
                  {formatPrice(row.amountCents, row.currency)}
                  {row.refundedCents > 0 && row.refundedCents < row.amountCents ? ` (${formatPrice(row.refundedCents, row.currency)} refunded)` : ""}
                </span>
                <Badge tone={row.status === "paid" ? "brand" : row.status === "awaiting" || row.status === "unpaid" ? "clay" : "neutral"}>
                  {bookingPaymentLabels[row.status]}
                </Badge>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="Nothing to pay">Sessions you book that have a price appear here, with what was paid. Free sessions aren’t listed.</EmptyState>
      )}
      <p className="mt-6 text-sm text-muted">
        A receipt is emailed whenever you pay online. For sessions paid another way, or a question about a payment, write to{" "}
        <a href={`mailto:${practice.contactEmail}`} className="text-brand-700 underline underline-offset-4">
          {practice.contactEmail}
        </a>
        .
      </p>
    </>
  );
}
