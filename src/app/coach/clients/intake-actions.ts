"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { assignQuestionnaire } from "@/server/intake/assign";
import { acknowledgeCrisisAlert } from "@/server/intake/crisis";

const assignForm = z.object({
  clientId: z.string().max(64),
  questionnaireId: z.string({ error: "Choose a questionnaire." }).min(1, "Choose a questionnaire.").max(64),
});

/** The coach hands a client any of the practice's questionnaires. */
export const assignQuestionnaireAction = coachAction(assignForm, async (input, { practiceId }) => {
  const row = await assignQuestionnaire(practiceId, input);
  revalidatePath(`/coach/clients/${input.clientId}`);
  return { responseId: row.id };
});

/** The coach has seen a crisis alert: the banner goes; who and when are recorded. */
export const acknowledgeCrisisAlertAction = coachAction(z.object({ alertId: z.string().max(64) }), async ({ alertId }, { practiceId, user }) => {
  await acknowledgeCrisisAlert(practiceId, alertId, user.id);
  revalidatePath("/coach", "layout");
  return { acknowledged: true };
});
