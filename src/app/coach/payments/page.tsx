import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { formatPrice } from "@/lib/format";
import { formatMonth, formatWhen } from "@/lib/time/format";
import { requireCoach } from "@/server/auth/guards";
import { listPayments, revenueSummary } from "@/server/billing/payment-reports";
import { listClients } from "@/server/clients/clients";
import { now } from "@/server/clock";
import { RevenueAtAGlance } from "./revenue";

export const metadata: Metadata = { title: "Payments" };

// The filters come from the address bar: anything malformed is ignored, never an error.
const filterSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
  client: z.uuid().optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaymentsPage({ searchParams }: Props) {
  const { practiceId, practice } = await requireCoach();
  const filter = filterSchema.parse(await searchParams);
  const summary = await revenueSummary(practiceId, now());
  const month = filter.month ?? summary.thisMonth;
  const [{ paid, packageSales, planMonths, refunded }, clientList] = await Promise.all([
    listPayments(practiceId, { month, clientId: filter.client }),
    listClients(practiceId, { includeArchived: true }),
  ]);
  const zone = practice.timeZone;

  return (
    <>
      <PageHeader title="Payments" description="What clients paid, what went back, and what is still owed." />
      <div className="space-y-6">
        <RevenueAtAGlance summary={summary} />
        <Card aria-labelledby="payments-heading">
          <h2 id="payments-heading" className="font-serif text-lg font-semibold text-ink">
            {formatMonth(month)}
          </h2>
          <form method="get" className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end" aria-label="Filter payments">
            <label className="flex flex-col gap-1 text-sm font-medium text-ink">
              Month
              <input type="month" name="month" defaultValue={month} className={inputClass} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium text-ink">
              Client
              <select name="client" defaultValue={filter.client ?? ""} className={inputClass}>
                <option value="">Everyone</option>
                {clientList.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              Show
            </button>
          </form>
          {paid.length === 0 && packageSales.length === 0 && planMonths.length === 0 && refunded.length === 0 ? (
            <div className="mt-6">
              <EmptyState title="No payments in this month">Payments appear here once clients pay for a session, a package or a month of a plan, or you mark a session paid.</EmptyState>
            </div>
          ) : (
            <ul className="mt-6 divide-y divide-line" aria-label="Payments and refunds">
              {paid.map(({ payment, bookingId, start, clientName, offeringName }) => (
                <PaymentRow
                  key={payment.id}
                  href={`/coach/calendar/sessions/${bookingId}`}
                  title={`${clientName}, ${offeringName}`}
                  detail={`Session ${formatWhen(start, zone)} · paid ${paidWhen(payment.paidAt, zone)}${payment.provider === "manual" ? " · marked paid by you" : payment.provider === "test" ? " · test checkout" : ""}`}
                  payment={payment}
                />
              ))}
              {packageSales.map(({ payment, clientId, clientName, packageName }) => (
                <PaymentRow
                  key={payment.id}
                  href={`/coach/clients/${clientId}`}
                  title={`${clientName}, ${packageName}`}
                  detail={`Package · paid ${paidWhen(payment.paidAt, zone)}${payment.provider === "test" ? " · test checkout" : ""}`}
                  payment={payment}
                />
              ))}
              {planMonths.map(({ invoice, clientId, clientName, planName }) => (
                <PaymentRow
                  key={invoice.id}
                  href={`/coach/clients/${clientId}`}
                  title={`${clientName}, ${planName}`}
                  detail={`Monthly plan, ${formatWhen(invoice.periodStart, zone)} to ${formatWhen(invoice.periodEnd, zone)} · paid ${paidWhen(invoice.paidAt, zone)}`}
                  payment={invoice}
                />
              ))}
              {refunded.map(({ refund, currency, bookingId, clientId, clientName, forWhat }) => (
                <li key={refund.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3 text-sm">
                  <span>
                    <Link
                      href={bookingId ? `/coach/calendar/sessions/${bookingId}` : `/coach/clients/${clientId}`}
                      className="font-medium text-brand-800 underline-offset-4 hover:underline"
                    >
                      Refund: {clientName}, {forWhat}
                    </Link>
                    <span className="block text-muted">
                      {refund.confirmedAt ? formatWhen(refund.confirmedAt, zone) : ""}
                      {refund.cause === "stripe_dashboard" ? " · made in Stripe" : ""}
                      {refund.reason ? ` · “${refund.reason}”` : ""}
                    </span>
                  </span>
                  <span className="font-medium tabular-nums text-clay-600">−{formatPrice(refund.amountCents, currency)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

const paidWhen = (paidAt: Date | null, zone: string) => (paidAt ? formatWhen(paidAt, zone) : "");

/** What a row shows of a payment or a plan month. */
type RowPayment = { amountCents: number; currency: string; disputed: boolean; refundedCents: number };

/** One line of money in: who and what (a link to it), when, its badges and the amount. */
function PaymentRow({ href, title, detail, payment }: { href: string; title: string; detail: string; payment: RowPayment }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-2 py-3 text-sm">
      <span>
        <Link href={href} className="font-medium text-brand-800 underline-offset-4 hover:underline">
          {title}
        </Link>
        <span className="block text-muted">{detail}</span>
      </span>
      <span className="flex items-center gap-2">
        {payment.disputed ? <Badge tone="clay">Disputed</Badge> : null}
        {payment.refundedCents ? <Badge>{payment.refundedCents >= payment.amountCents ? "Refunded" : "Partly refunded"}</Badge> : null}
        <span className="font-medium tabular-nums">{formatPrice(payment.amountCents, payment.currency)}</span>
      </span>
    </li>
  );
}
