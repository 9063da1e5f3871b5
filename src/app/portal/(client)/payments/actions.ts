"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAction } from "@/server/action";
import { buyPackage } from "@/server/billing/package-checkout";
import { openBillingPortal, startPlanCheckout } from "@/server/billing/plan-checkout";

/** Subscribe: Checkout in subscription mode (or the laptop's test checkout) for the signed-in client. */
export const subscribeAction = clientAction(z.object({ planId: z.string() }), async ({ planId }, { practiceId, clientId }) => {
  redirect(await startPlanCheckout(practiceId, clientId, planId));
});

/** "Manage plan": Stripe's Billing Portal for the signed-in client's own plan. */
export const managePlanAction = clientAction(z.object({ subscriptionId: z.string() }), async ({ subscriptionId }, { practiceId, clientId }) => {
  redirect(await openBillingPortal(practiceId, clientId, subscriptionId));
});

/** Buy a package on its own: Checkout (or the laptop's test checkout) for the signed-in client, back to this page. */
export const buyPackageAction = clientAction(z.object({ packageId: z.string() }), async ({ packageId }, { practiceId, clientId }) => {
  redirect((await buyPackage(practiceId, clientId, packageId)).url);
});
