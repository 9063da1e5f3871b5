"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refundFormSchema } from "@/lib/validation";
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

export const refundPaymentAction = coachAction(
  refundFormSchema,
  async ({ id, amount, reason }, { practiceId }) => {
    await refundBookingPayment(practiceId, id, { amountCents: amount, reason });
    refresh(id);
    return { id };
  },
  { successMessage: "Refund issued. The client gets an email once Stripe confirms it." },
);
