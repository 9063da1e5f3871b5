"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { createOnboardingLink } from "@/server/billing/accounts";
import { offeringPaymentForm, setOfferingPayment } from "@/server/billing/offering-payment";
import { createPackage, setPackageActive, updatePackage } from "@/server/billing/packages";

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

// Checkboxes: one ticked arrives as a string, several as a list, none not at all.
const offeringIdsField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const packageForm = z.object({
  packageId: z.string().max(100).optional(),
  name: z.string(),
  offeringIds: offeringIdsField,
  sessions: z.string(),
  price: z.string(),
  validDays: z.string(),
});

/** Creates a package, or edits one (packageId); the domain checks the values. */
export const savePackageAction = coachAction(
  packageForm,
  async ({ packageId, ...input }, { practiceId }) => {
    const saved = packageId ? await updatePackage(practiceId, packageId, input) : await createPackage(practiceId, input);
    revalidatePath("/coach/settings/payments");
    return { id: saved.id };
  },
  { successMessage: "Saved. Clients who bought it keep what they bought." },
);

export const setPackageActiveAction = coachAction(z.object({ packageId: z.string().max(100), active: z.enum(["true", "false"]) }), async ({ packageId, active }, { practiceId }) => {
  await setPackageActive(practiceId, packageId, active === "true");
  revalidatePath("/coach/settings/payments");
  return {};
});
