import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { refreshConnectedAccount, type PaymentAccountStatus } from "@/server/billing/accounts";
import { listPackages } from "@/server/billing/packages";
import { listOfferings } from "@/server/offerings/offerings";
import { ConnectButton } from "./connect-button";
import { OfferingPaymentForm } from "./offering-payment-form";
import { PackageForm } from "./package-form";

export const metadata: Metadata = { title: "Payments settings" };

/** In words: can this practice take payments online right now, and why not. */
function statusSentence(status: PaymentAccountStatus): string {
  if (status.mode === "test") return "Test mode: this server has no Stripe keys and runs on this machine, so paid bookings go through a labelled test checkout. No real money moves.";
  if (status.mode === "off") return "Online payments are off: this server has no Stripe keys. Paid sessions are booked as not collected online; mark them paid when you are paid.";
  if (!status.connect) return "Payments go to this server's own Stripe account.";
  if (!status.account) return "Connect your Stripe account to take payments when clients book. Until then, paid sessions are booked as not collected online.";
  if (!status.account.chargesEnabled) return "Your Stripe account is connected but can't take payments yet. Finish Stripe's onboarding.";
  return "Your Stripe account is connected and taking payments.";
}

export default async function PaymentSettingsPage({ searchParams }: { searchParams: Promise<{ connect?: string }> }) {
  const { practiceId, practice } = await requireCoach();
  const { connect } = await searchParams;
  // Back from Stripe's onboarding: read the account now rather than wait for account.updated.
  const status = await refreshConnectedAccount(practiceId);
  const [offerings, packages] = await Promise.all([listOfferings(practiceId), listPackages(practiceId)]);
  const offeringChoices = offerings.map((o) => ({ id: o.id, name: o.name }));
  const canConnect = status.mode === "stripe" && status.connect && !status.account?.chargesEnabled;

  return (
    <>
      <PageHeader title="Payments" description="How clients pay for sessions." />
      <div className="max-w-3xl space-y-6">
        {connect === "done" && status.account?.chargesEnabled ? <Notice>Your Stripe account is ready.</Notice> : null}
        <Card aria-labelledby="stripe-heading">
          <h2 id="stripe-heading" className="font-serif text-lg font-semibold text-ink">
            Stripe account
          </h2>
          <p className="mt-1 text-sm text-muted" role="status">
            {statusSentence(status)}
          </p>
          {canConnect ? (
            <ConnectButton resume={!!status.account} />
          ) : null}
        </Card>
        <p className="text-sm">
          <Link href="/coach/settings/payments/plans" className="font-medium text-brand-800 underline underline-offset-4">
            Monthly plans
          </Link>
          <span className="text-muted">: a set number of sessions a month, billed by Stripe each month.</span>
        </p>
        <Card aria-labelledby="offering-payments-heading">
          <h2 id="offering-payments-heading" className="mb-5 font-serif text-lg font-semibold text-ink">
            What each session costs
          </h2>
          {offerings.length === 0 ? (
            <p className="text-sm text-muted">No offerings yet.</p>
          ) : (
            <div className="space-y-8">
              {offerings.map((offering) => (
                <OfferingPaymentForm key={offering.id} offering={offering} />
              ))}
            </div>
          )}
        </Card>
        <Card aria-labelledby="packages-heading">
          <h2 id="packages-heading" className="font-serif text-lg font-semibold text-ink">
            Packages
          </h2>
          <p className="mb-5 mt-1 text-sm text-muted">
            Sessions sold ahead: clients buy a package through Checkout (with their first session, from the booking page) and book the rest
            with its credits. A cancel in time gives the session back; a late cancel or a no-show uses it up.
          </p>
          <div className="space-y-8">
            {packages.map((pkg) => (
              <PackageForm key={pkg.id} pkg={pkg} offerings={offeringChoices} currency={pkg.currency} />
            ))}
            {offerings.length ? <PackageForm offerings={offeringChoices} currency={practice.currency} /> : <p className="text-sm text-muted">Add an offering first.</p>}
          </div>
        </Card>
      </div>
    </>
  );
}
