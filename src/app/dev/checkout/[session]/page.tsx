import type { Metadata } from "next";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { formatPrice } from "@/lib/format";
import { formatDayLong, formatTime, formatTimeRange, zoneName } from "@/lib/time/format";
import { getTestCheckout } from "@/server/billing/test-checkout";
import { abandonTestCheckoutAction, payTestCheckoutAction } from "./actions";
import { CheckoutButtons } from "./checkout-buttons";
import { StripeStandIn, TEST_CHECKOUT_NOTICE } from "../stand-in";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Test checkout", robots: { index: false, follow: false } };

/**
 * Stripe Checkout's stand-in on a laptop without Stripe keys (docs/billing.md).
 * It exists only where laptopConveniencesEnabled() and no STRIPE_SECRET_KEY.
 */
export default async function TestCheckoutPage({ params }: { params: Promise<{ session: string }> }) {
  await connection();
  const { session } = await params;
  const checkout = await orNotFound(getTestCheckout(session));
  const amount = formatPrice(checkout.amountCents, checkout.currency);
  return (
    <StripeStandIn notice={TEST_CHECKOUT_NOTICE}>
      <PageHeader title={`Pay ${amount}`} description={`${checkout.offeringName} with ${checkout.practiceName}`} />
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {checkout.session ? (
          <>
            <dt className="text-muted">When</dt>
            <dd>
              {formatDayLong(checkout.session.start, checkout.timeZone)}, {formatTimeRange(checkout.session.start, checkout.session.end, checkout.timeZone)} (
              {zoneName(checkout.timeZone, checkout.session.start)})
            </dd>
          </>
        ) : null}
        <dt className="text-muted">Amount</dt>
        <dd>{amount}</dd>
        {checkout.expiresAt ? (
          <>
            <dt className="text-muted">Held until</dt>
            <dd>
              {formatTime(checkout.expiresAt, checkout.timeZone)} ({zoneName(checkout.timeZone, checkout.expiresAt)}){checkout.session ? ", then the time is offered to others again" : ""}
            </dd>
          </>
        ) : null}
      </dl>
      {checkout.state === "awaiting" ? (
        <CheckoutButtons session={checkout.sessionId} pay={payTestCheckoutAction} abandon={abandonTestCheckoutAction} />
      ) : (
        <p role="status" className="text-sm text-muted">
          {checkout.state === "paid" ? "This checkout is paid." : "This checkout is closed: the hold ended before a payment."}{" "}
          <a className="underline" href={checkout.returnPath}>
            Back to the booking
          </a>
        </p>
      )}
    </StripeStandIn>
  );
}
