"use server";

import { z } from "zod";
import { publicAction } from "@/server/action";
import { abandonTestPlanCheckout, actOnTestSubscription, payTestPlanCheckout } from "@/server/billing/plan-test-checkout";

const checkoutForm = z.object({ session: z.string().regex(/^test_plan_cs_[0-9a-f]{36}$/, "This isn't a test checkout.") });

/** "Pay": the subscription starts, as `checkout.session.completed` and `invoice.paid` would start it. */
export const payTestPlanAction = publicAction(checkoutForm, async ({ session }) => ({ url: await payTestPlanCheckout(session) }));

/** "Abandon": as `checkout.session.expired`. */
export const abandonTestPlanAction = publicAction(checkoutForm, async ({ session }) => ({ url: await abandonTestPlanCheckout(session) }));

const portalForm = z.object({
  subscription: z.string().regex(/^test_plan_sub_[0-9a-f]{36}$/, "This isn't a test subscription."),
  action: z.enum(["cancel_at_period_end", "keep", "fail_next_renewal", "pay_failed_invoice"]),
});

/** What Stripe's Billing Portal (or a card that stops working) would do, on the test subscription. */
export const testPortalAction = publicAction(portalForm, async ({ subscription, action }) => ({ url: await actOnTestSubscription(subscription, action) }));
