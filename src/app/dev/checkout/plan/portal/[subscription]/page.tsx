import type { Metadata } from "next";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { formatPrice } from "@/lib/format";
import { planStateLabels } from "@/lib/billing/plans";
import { getTestBillingPortal, type TestPortalAction } from "@/server/billing/plan-test-checkout";
import { testPortalAction } from "../../actions";
import { TestPortalButton } from "./portal-button";
import { StripeStandIn } from "../../../stand-in";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Test billing portal", robots: { index: false, follow: false } };

/** Stripe's Billing Portal stand-in on a laptop without Stripe keys: cancel at period end, and a failed renewal to try the emails. */
export default async function TestBillingPortalPage({ params }: { params: Promise<{ subscription: string }> }) {
  await connection();
  const { subscription: id } = await params;
  const portal = await orNotFound(getTestBillingPortal(id));
  const sub = portal.subscription;
  const ended = sub.state === "canceled";
  const when = (d: Date | null) => (d ? d.toUTCString() : "–");
  const actions: { action: TestPortalAction; label: string; show: boolean }[] = [
    { action: "cancel_at_period_end", label: "Cancel at period end", show: !ended && !sub.cancelAtPeriodEnd },
    { action: "keep", label: "Don't cancel", show: !ended && sub.cancelAtPeriodEnd },
    { action: "fail_next_renewal", label: "Make the next renewal fail (test)", show: !ended && !sub.testFailNextRenewal },
    { action: "pay_failed_invoice", label: "Pay the failed invoice (test)", show: !ended && !!portal.failedInvoice },
  ];
  return (
    <StripeStandIn notice="Test billing portal: no real money moves. It stands in for Stripe’s Billing Portal on this machine.">
      <PageHeader title={portal.planName} description={`${formatPrice(portal.amountCents, portal.currency)} a month with ${portal.practiceName}`} />
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted">Status</dt>
        <dd>
          {planStateLabels[sub.state]}
          {sub.cancelAtPeriodEnd && !ended ? ", ends at period end" : ""}
          {sub.testFailNextRenewal ? ", next renewal will fail" : ""}
        </dd>
        <dt className="text-muted">Period</dt>
        <dd>
          {when(sub.currentPeriodStart)} to {when(sub.currentPeriodEnd)}
        </dd>
      </dl>
      <div className="flex flex-col gap-3">
        {actions
          .filter((a) => a.show)
          .map((a) => (
            <TestPortalButton key={a.action} subscription={id} action={a.action} run={testPortalAction}>
              {a.label}
            </TestPortalButton>
          ))}
        <a className="text-sm underline" href={portal.returnPath}>
          Return to your payments
        </a>
      </div>
    </StripeStandIn>
  );
}
