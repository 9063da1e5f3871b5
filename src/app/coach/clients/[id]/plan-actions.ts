"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refundFormSchema } from "@/lib/validation";
import { coachAction } from "@/server/action";
import { cancelPlanAtPeriodEnd } from "@/server/billing/plan-checkout";
import { refundPlanInvoice } from "@/server/billing/plan-refunds";

/** The coach ends a client's plan at the end of its period (Stripe's cancel_at_period_end). */
export const cancelPlanAction = coachAction(z.object({ subscriptionId: z.string() }), async ({ subscriptionId }, { practiceId }) => {
  const sub = await cancelPlanAtPeriodEnd(practiceId, subscriptionId);
  revalidatePath(`/coach/clients/${sub.clientId}`);
  return { cancelAtPeriodEnd: sub.cancelAtPeriodEnd };
});

/** A refund of one paid month (refundFormSchema: amount in major units, the reason the client reads). */
export const refundPlanMonthAction = coachAction(
  refundFormSchema,
  async ({ id, amount, reason }, { practiceId }) => {
    const refund = await refundPlanInvoice(practiceId, id, { amountCents: amount, reason });
    revalidatePath(`/coach/clients/[id]`, "page");
    return { id: refund.id };
  },
  { successMessage: "Refund issued. The client gets an email once Stripe confirms it." },
);
