"use server";

import { revalidatePath } from "next/cache";
import { coachAction } from "@/server/action";
import { setOfferingIntake } from "@/server/intake/questionnaires";
import { offeringIntakeFormSchema } from "@/server/intake/schemas";

export const setOfferingIntakeAction = coachAction(offeringIntakeFormSchema, async (input, { practiceId }) => {
  const row = await setOfferingIntake(practiceId, input);
  revalidatePath(`/coach/offerings/${input.offeringId}`);
  return { questionnaireId: row.intakeQuestionnaireId, required: row.intakeRequired };
});
