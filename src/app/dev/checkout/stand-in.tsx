import type { ReactNode } from "react";

/** The frame of a laptop stand-in for a Stripe-hosted page: the page column and the banner saying no money moves. */
export function StripeStandIn({ notice, children }: { notice: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto w-full max-w-xl px-4 py-8 sm:px-6 sm:py-12">
      <p className="mb-4 rounded-lg border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm font-medium text-clay-600" role="note">
        {notice}
      </p>
      {children}
    </main>
  );
}

/** What the two checkout stand-ins say about themselves. */
export const TEST_CHECKOUT_NOTICE =
  "Test checkout: no real money moves. This page stands in for Stripe Checkout because this server has no Stripe keys and runs on this machine only.";
