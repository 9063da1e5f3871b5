"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moneySchema } from "@/lib/validation";
import { coachAction } from "@/server/action";
import { refundInput } from "@/server/billing/booking-payments";
import { cancelPlanAtPeriodEnd } from "@/server/billing/plan-checkout";
import { refundPlanInvoice } from "@/server/billing/plan-refunds";

/** The coach ends a client's plan at the end of its period (Stripe's cancel_at_period_end). */
export const cancelPlanAction = coachAction(z.object({ subscriptionId: z.string() }), async ({ subscriptionId }, { practiceId }) => {
  const sub = await cancelPlanAtPeriodEnd(practiceId, subscriptionId);
  revalidatePath(`/coach/clients/${sub.clientId}`);
  return { cancelAtPeriodEnd: sub.cancelAtPeriodEnd };
});

/** A refund of one paid month: the amount typed in major units ("50", "49.50") → cents; the reason goes to the client. */
const refundMonthForm = z.object({
  id: z.string(),
  amount: moneySchema.refine((cents) => cents > 0, "Enter an amount above zero."),
  reason: refundInput.shape.reason,
});

export const refundPlanMonthAction = coachAction(
  refundMonthForm,
  async ({ id, amount, reason }, { practiceId }) => {
    const refund = await refundPlanInvoice(practiceId, id, { amountCents: amount, reason });
    revalidatePath(`/coach/clients/[id]`, "page");
    return { id: refund.id };
  },
  { successMessage: "Refund issued. The client gets an email once Stripe confirms it." },
);
