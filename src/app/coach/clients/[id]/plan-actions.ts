"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { cancelPlanAtPeriodEnd } from "@/server/billing/plan-checkout";

/** The coach ends a client's plan at the end of its period (Stripe's cancel_at_period_end). */
export const cancelPlanAction = coachAction(z.object({ subscriptionId: z.string() }), async ({ subscriptionId }, { practiceId }) => {
  const sub = await cancelPlanAtPeriodEnd(practiceId, subscriptionId);
  revalidatePath(`/coach/clients/${sub.clientId}`);
  return { cancelAtPeriodEnd: sub.cancelAtPeriodEnd };
});
