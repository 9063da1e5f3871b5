"use server";

import { revalidatePath } from "next/cache";
import { clientAction } from "@/server/action";
import { completeOccurrence, undoCompletion } from "@/server/homework/completions";
import { completionInput, occurrenceInput } from "@/server/homework/schemas";

// The signed-in client's own (and their couple's shared) practices only: scoped to { practiceId, clientId }.

export const completeHomeworkAction = clientAction(completionInput, async (input, { practiceId, clientId }) => {
  const { created } = await completeOccurrence({ practiceId, clientId }, input);
  revalidatePath("/portal/homework");
  return { created };
});

export const undoHomeworkAction = clientAction(occurrenceInput, async (input, { practiceId, clientId }) => {
  await undoCompletion({ practiceId, clientId }, input);
  revalidatePath("/portal/homework");
  return { undone: true };
});
