"use server";

import { revalidatePath } from "next/cache";
import { coachAction } from "@/server/action";
import { createPlan, planFormSchema, updatePlan } from "@/server/billing/plans";

/** Creates a plan (no planId) or saves one. */
export const savePlanAction = coachAction(
  planFormSchema,
  async ({ planId, ...input }, { practiceId }) => {
    const plan = planId ? await updatePlan(practiceId, planId, input) : await createPlan(practiceId, input);
    revalidatePath("/coach/settings/payments/plans");
    return { id: plan.id };
  },
  { successMessage: "Saved. New subscribers get it; current subscribers keep the price they signed up for." },
);
