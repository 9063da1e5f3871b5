"use server";

import { revalidatePath } from "next/cache";
import { refundFormSchema } from "@/lib/validation";
import { coachAction } from "@/server/action";
import { refundPackagePayment } from "@/server/billing/package-refunds";

/** A refund of a package's payment (refundFormSchema: the payment's id, amount in major units, the reason the client reads). */
export const refundPackageAction = coachAction(
  refundFormSchema,
  async ({ id, amount, reason }, { practiceId }) => {
    const refund = await refundPackagePayment(practiceId, id, { amountCents: amount, reason });
    revalidatePath(`/coach/clients/[id]`, "page");
    return { id: refund.id };
  },
  { successMessage: "Refund issued. The client gets an email once Stripe confirms it." },
);
