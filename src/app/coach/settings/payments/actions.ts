"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { createOnboardingLink } from "@/server/billing/accounts";
import { offeringPaymentForm, setOfferingPayment } from "@/server/billing/offering-payment";

/** Creates the practice's Stripe account if needed and sends the coach to Stripe's onboarding. */
export const connectStripeAction = coachAction(z.object({}), async (_input, { practiceId }) => {
  redirect(await createOnboardingLink(practiceId));
});

export const setOfferingPaymentAction = coachAction(
  offeringPaymentForm,
  async (input, { practiceId }) => {
    const offering = await setOfferingPayment(practiceId, input);
    revalidatePath("/coach/settings/payments");
    return { id: offering.id };
  },
  { successMessage: "Saved. New bookings use it; booked sessions keep the terms they were booked with." },
);
