"use server";

import { revalidatePath } from "next/cache";
import { coachAction } from "@/server/action";
import { assignQuestionnaire } from "@/server/intake/assign";
import { acknowledgeCrisisAlert } from "@/server/intake/crisis";
import { alertFormSchema, assignFormSchema } from "@/server/intake/schemas";

/** The coach hands a client any of the practice's questionnaires. */
export const assignQuestionnaireAction = coachAction(assignFormSchema, async (input, { practiceId }) => {
  const row = await assignQuestionnaire(practiceId, input);
  revalidatePath(`/coach/clients/${input.clientId}`);
  return { responseId: row.id };
});

/** The coach has seen a crisis alert: the banner goes; who and when are recorded. */
export const acknowledgeCrisisAlertAction = coachAction(alertFormSchema, async ({ alertId }, { practiceId, user }) => {
  await acknowledgeCrisisAlert(practiceId, alertId, user.id);
  revalidatePath("/coach", "layout");
  return { acknowledged: true };
});
