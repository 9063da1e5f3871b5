"use server";

import { clientAction } from "@/server/action";
import { saveIntakeAnswer, submitIntake } from "@/server/intake/responses";
import { answerFormSchema, responseFormSchema } from "@/server/intake/schemas";

// The signed-in client's own intakes only: every call is scoped to { practiceId, clientId };
// anyone else's response id (a partner's too) is "not found".

export const saveIntakeAnswerAction = clientAction(answerFormSchema, async ({ responseId, questionId, value }, scope) => {
  const { crisis } = await saveIntakeAnswer(scope, responseId, questionId, value);
  return { crisis };
});

export const submitIntakeAction = clientAction(responseFormSchema, async ({ responseId }, scope) => {
  const row = await submitIntake(scope, responseId);
  return { status: row.status };
});
