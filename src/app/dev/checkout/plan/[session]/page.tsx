import type { Metadata } from "next";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { formatPrice } from "@/lib/format";
import { getTestPlanCheckout } from "@/server/billing/plan-test-checkout";
import { CheckoutButtons } from "../../[session]/checkout-buttons";
import { abandonTestPlanAction, payTestPlanAction } from "../actions";
import { StripeStandIn, TEST_CHECKOUT_NOTICE } from "../../stand-in";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Test checkout: plan", robots: { index: false, follow: false } };

/** Stripe's subscription Checkout stand-in on a laptop without Stripe keys (docs/billing.md). */
export default async function TestPlanCheckoutPage({ params }: { params: Promise<{ session: string }> }) {
  await connection();
  const { session } = await params;
  const checkout = await orNotFound(getTestPlanCheckout(session));
  const amount = formatPrice(checkout.amountCents, checkout.currency);
  return (
    <StripeStandIn notice={TEST_CHECKOUT_NOTICE}>
      <PageHeader title={`Subscribe: ${amount} a month`} description={`${checkout.planName} with ${checkout.practiceName}`} />
      <p className="mb-6 text-sm text-muted">
        {checkout.sessionsPerPeriod} sessions each month, starting today. The server renews it every month (as if Stripe charged the card) until it is
        canceled.
      </p>
      {checkout.state === "checkout" ? (
        <CheckoutButtons session={checkout.sessionId} pay={payTestPlanAction} abandon={abandonTestPlanAction} />
      ) : (
        <p role="status" className="text-sm text-muted">
          {checkout.state === "expired" ? "This checkout was abandoned." : "This checkout is paid."}{" "}
          <a className="underline" href={checkout.returnPath}>
            Back to your payments
          </a>
        </p>
      )}
    </StripeStandIn>
  );
}
