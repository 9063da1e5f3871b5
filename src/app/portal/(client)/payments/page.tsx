import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/billing/action-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { isLive, periodEndWording, planStateLabels, planSummary } from "@/lib/billing/plans";
import { sessionsLeft } from "@/lib/billing/credits";
import { bookingPaymentLabels } from "@/lib/billing/payments";
import { formatPrice } from "@/lib/format";
import { formatDayLong, formatWhen } from "@/lib/time/format";
import { requireClient } from "@/server/auth/guards";
import { getPaymentAccountStatus } from "@/server/billing/accounts";
import { listClientPayments } from "@/server/billing/client-payments";
import { listActivePackages } from "@/server/billing/packages";
import { listActivePlans } from "@/server/billing/plans";
import { clientPlansAndPackages, clientReceipts } from "@/server/billing/portal-payments";
import { buyPackageAction, managePlanAction, subscribeAction } from "./actions";

export const metadata: Metadata = { title: "Payments" };

type Props = { searchParams: Promise<{ subscribed?: string; manage?: string }> };

/** The signed-in client's own money: their plan, their packages, their receipts. */
export default async function PortalPaymentsPage({ searchParams }: Props) {
  const { practiceId, clientId, client, practice } = await requireClient();
  const query = await searchParams;
  const [{ plans, packages }, receipts, offered, forSale, account, sessions] = await Promise.all([
    clientPlansAndPackages(practiceId, clientId),
    clientReceipts(practiceId, clientId),
    listActivePlans(practiceId),
    listActivePackages(practiceId),
    getPaymentAccountStatus(practiceId),
    listClientPayments({ practiceId, clientId }),
  ]);
  const zone = client.timeZone;
  const current = plans.filter((p) => p.subscription.state !== "canceled");
  const ended = plans.filter((p) => p.subscription.state === "canceled");
  const subscribable = account.canCollect ? offered.filter((plan) => !plans.some((p) => p.plan.id === plan.id && isLive(p.subscription.state))) : [];
  const heldPackages = packages.filter((p) => !p.expired && p.balance > 0);
  const buyable = account.canCollect ? forSale : [];

  return (
    <>
      <PageHeader title="Payments" description="Your plan, your sessions paid ahead, and a receipt for every payment." />
      {query.subscribed ? <Notice>Thank you! Your plan is starting. Its sessions appear here as soon as the payment is confirmed.</Notice> : null}
      {query.manage ? <Notice tone="info">That plan can&rsquo;t be managed from here. Write to your coach if something looks wrong.</Notice> : null}

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
          Your plan
        </h2>
        {current.length === 0 ? (
          <EmptyState title="No monthly plan">
            {subscribable.length ? "Subscribe below to get a set number of sessions every month." : "You pay per session or with a package."}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {current.map(({ subscription, plan, sessionsLeft: left, periodPaid }) => (
              <li key={subscription.id} className="rounded-2xl border border-line bg-white p-5">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium text-ink">{plan.name}</p>
                  <Badge tone={subscription.state === "active" ? "brand" : "clay"}>{planStateLabels[subscription.state]}</Badge>
                </div>
                <p className="mt-1 text-sm text-muted">{planSummary(plan)}</p>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-muted">This month</dt>
                  <dd>{periodPaid ? `${sessionsLeft(left)} left` : "Not paid yet"}</dd>
                  {subscription.currentPeriodEnd ? (
                    <>
                      <dt className="text-muted">{periodEndWording(subscription)}</dt>
                      <dd>{formatDayLong(subscription.currentPeriodEnd, zone)}</dd>
                    </>
                  ) : null}
                </dl>
                {subscription.state === "past_due" ? (
                  <p className="mt-3 text-sm text-clay-600">The last payment failed. Update your card in Manage plan; the payment is tried again.</p>
                ) : null}
                {subscription.cancelAtPeriodEnd ? (
                  <p className="mt-3 text-sm text-muted">Your plan ends then. Sessions left this month stay yours to book until that day.</p>
                ) : null}
                <div className="mt-4">
                  <ActionButton action={managePlanAction} fields={{ subscriptionId: subscription.id }} pendingLabel="Opening…" variant="secondary">
                    Manage plan
                  </ActionButton>
                  <p className="mt-1 text-xs text-muted">Update your card, see invoices or cancel, on Stripe&rsquo;s secure page.</p>
                </div>
              </li>
            ))}
          </ul>
        )}
        {subscribable.length ? (
          <div className="mt-4 space-y-3">
            {subscribable.map((plan) => (
              <div key={plan.id} className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-dashed border-line bg-white/60 p-4">
                <div>
                  <p className="font-medium text-ink">{plan.name}</p>
                  <p className="text-sm text-muted">{planSummary(plan)}. Cancel any time; unused sessions end with the month.</p>
                </div>
                <ActionButton action={subscribeAction} fields={{ planId: plan.id }} pendingLabel="Opening checkout…">
                  Subscribe
                </ActionButton>
              </div>
            ))}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="packages-heading" className="mt-10">
        <h2 id="packages-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
          Packages
        </h2>
        {heldPackages.length === 0 ? (
          <p className="text-sm text-muted">
            No sessions paid ahead in a package.{buyable.length ? " Buy one below and book its sessions whenever suits you." : ""}
          </p>
        ) : (
          <ul className="divide-y divide-line rounded-2xl border border-line bg-white">
            {heldPackages.map((p) => (
              <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-3 text-sm">
                <span className="font-medium text-ink">{p.label}</span>
                <span className="text-muted">
                  {sessionsLeft(p.balance)} of {p.quantity} left · until {formatDayLong(p.expiresAt, zone)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {buyable.length ? (
          <div className="mt-4 space-y-3">
            {buyable.map((pkg) => (
              <div key={pkg.id} className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-dashed border-line bg-white/60 p-4">
                <div>
                  <p className="font-medium text-ink">{pkg.name}</p>
                  <p className="text-sm text-muted">
                    {pkg.sessions} sessions for {formatPrice(pkg.priceCents, pkg.currency)}, to use within {pkg.validDays} days of buying. Your sessions appear here once
                    the payment is confirmed.
                  </p>
                </div>
                <ActionButton action={buyPackageAction} fields={{ packageId: pkg.id }} pendingLabel="Opening checkout…">
                  Buy
                </ActionButton>
              </div>
            ))}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="sessions-heading" className="mt-10">
        <h2 id="sessions-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
          Sessions
        </h2>
        {sessions.length === 0 ? (
          <p className="text-sm text-muted">Sessions you book that have a price appear here, with what was paid. Free sessions aren&rsquo;t listed.</p>
        ) : (
          <ul className="divide-y divide-line rounded-2xl border border-line bg-white">
            {sessions.map((row) => (
              <li key={row.bookingId} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                <span className="min-w-0">
                  <Link href={`/portal/sessions/${row.bookingId}`} className="font-medium text-brand-700 underline underline-offset-2">
                    {row.offeringName}
                  </Link>
                  <span className="block text-muted">{formatWhen(row.startsAt, zone)}</span>
                </span>
                <span className="flex items-center gap-3">
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
        )}
      </section>

      <section aria-labelledby="receipts-heading" className="mt-10">
        <h2 id="receipts-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
          Receipts
        </h2>
        {receipts.length === 0 ? (
          <EmptyState title="No payments yet">A receipt for every session or month you pay for appears here.</EmptyState>
        ) : (
          <ul className="divide-y divide-line rounded-2xl border border-line bg-white">
            {receipts.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-5 py-3 text-sm">
                <span>
                  <Link href={`/portal/payments/receipts/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {formatDayLong(r.paidAt, zone)}
                  </Link>
                  <span className="text-muted"> · {r.kind === "plan" ? `${r.description}, monthly` : r.description}</span>
                </span>
                <span className="tabular-nums">
                  {formatPrice(r.amountCents, r.currency)}
                  {r.refundedCents > 0 ? <span className="text-muted"> · {formatPrice(r.refundedCents, r.currency)} refunded</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {ended.length ? (
        <section aria-labelledby="ended-heading" className="mt-10">
          <h2 id="ended-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
            Earlier plans
          </h2>
          <ul className="space-y-1 text-sm text-muted">
            {ended.map(({ subscription, plan }) => (
              <li key={subscription.id}>
                {plan.name}
                {subscription.endedAt ? `, ended ${formatDayLong(subscription.endedAt, zone)}` : ", ended"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-10 text-sm text-muted">
        A receipt is also emailed whenever you pay online. For sessions paid another way, or a question about a payment, write to{" "}
        <a href={`mailto:${practice.contactEmail}`} className="text-brand-700 underline underline-offset-4">
          {practice.contactEmail}
        </a>
        .
      </p>
    </>
  );
}
