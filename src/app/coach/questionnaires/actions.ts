"use server";

import { revalidatePath } from "next/cache";
import { coachAction } from "@/server/action";
import { saveQuestionnaire } from "@/server/intake/questionnaires";
import { questionnaireFormSchema } from "@/server/intake/schemas";

export const saveQuestionnaireAction = coachAction(questionnaireFormSchema, async ({ id, name, content }, { practiceId }) => {
  const version = await saveQuestionnaire(practiceId, id, { name, content });
  revalidatePath("/coach/questionnaires");
  return { version: version.version };
});
