"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientAction } from "@/server/action";
import { requestClientDeletion } from "@/server/clients/deletion";
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

/** "Ask to delete my account": recorded on their record, and the coach is emailed. */
export const requestDeletionAction = clientAction(
  z.object({}),
  async (_input, { practiceId, clientId }) => {
    const { requestedAt } = await requestClientDeletion({ practiceId, clientId });
    revalidatePath("/portal/settings");
    return { requestedAt: requestedAt.toISOString() };
  },
  { successMessage: "Your coach has been asked to delete your account. They will confirm with you." },
);
