"use server";

import { revalidatePath } from "next/cache";
import { clientAction } from "@/server/action";
import { setHomeworkEmail } from "@/server/homework/email-preferences";
import { emailPreferencesInput } from "@/server/homework/schemas";

// The signed-in client's own preferences only: scoped to { practiceId, clientId }.

export const saveEmailPreferencesAction = clientAction(
  emailPreferencesInput,
  async (input, { practiceId, clientId }) => {
    const saved = await setHomeworkEmail({ practiceId, clientId }, input.homeworkEmail);
    revalidatePath("/portal/settings");
    return saved;
  },
  { successMessage: "Saved. Your homework emails follow your new choice from the next one on." },
);
