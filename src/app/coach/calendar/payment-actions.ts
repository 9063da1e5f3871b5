"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moneySchema } from "@/lib/validation";
import { coachAction } from "@/server/action";
import { markBookingPaid, refundBookingPayment } from "@/server/billing/booking-payments";

const refresh = (id: string) => revalidatePath(`/coach/calendar/sessions/${id}`);

export const markPaidAction = coachAction(
  z.object({ id: z.string() }),
  async ({ id }, { practiceId }) => {
    await markBookingPaid(practiceId, id);
    refresh(id);
    return { id };
  },
  { successMessage: "Marked as paid." },
);

/** Amount typed in major units ("50", "49.50") → cents; the reason goes to the client. */
const refundForm = z.object({
  id: z.string(),
  amount: moneySchema.refine((cents) => cents > 0, "Enter an amount above zero."),
  reason: z.string().trim().min(1, "Say why you are refunding (the client reads it).").max(500, "Keep the reason under 500 characters."),
});

export const refundPaymentAction = coachAction(
  refundForm,
  async ({ id, amount, reason }, { practiceId }) => {
    await refundBookingPayment(practiceId, id, { amountCents: amount, reason });
    refresh(id);
    return { id };
  },
  { successMessage: "Refund issued. The client gets an email once Stripe confirms it." },
);
