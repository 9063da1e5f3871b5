"use server";

import { z } from "zod";
import { clientAction } from "@/server/action";
import { saveIntakeAnswer, submitIntake } from "@/server/intake/responses";

// The signed-in client's own intakes only: every call is scoped to { practiceId, clientId };
// anyone else's response id (a partner's too) is "not found".
const responseId = z.string().max(64);

/** One answer as the screen gives it: text, a number or option id as text, or several option ids. */
const saveAnswerForm = z.object({
  responseId,
  questionId: z.string().min(1).max(64),
  // Long enough that an over-long answer reaches the question's own rule and its message.
  value: z.union([z.string().max(100_000), z.array(z.string().max(200)).max(50)]).optional(),
});

export const saveIntakeAnswerAction = clientAction(saveAnswerForm, async ({ responseId, questionId, value }, scope) => {
  const { crisis } = await saveIntakeAnswer(scope, responseId, questionId, value);
  return { crisis };
});

export const submitIntakeAction = clientAction(z.object({ responseId }), async ({ responseId }, scope) => {
  const row = await submitIntake(scope, responseId);
  return { status: row.status };
});
