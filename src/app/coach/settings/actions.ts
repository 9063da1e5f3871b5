"use server";

import { revalidatePath } from "next/cache";
import { coachAction } from "@/server/action";
import { setEmbedOrigins } from "@/server/practices/embedding";
import { updatePractice } from "@/server/practices/update-practice";
import { embedSettingsFormSchema, practiceInput } from "@/server/practices/schemas";

export const updatePracticeAction = coachAction(
  // Every practice field is text, so the domain's own schema is the form schema (it only trims and upper-cases).
  practiceInput,
  async (input, { practiceId }) => {
    const practice = await updatePractice(practiceId, input);
    revalidatePath("/", "layout");
    return { slug: practice.slug };
  },
  { successMessage: "Settings saved." },
);

export const updateEmbedOriginsAction = coachAction(
  embedSettingsFormSchema,
  async (input, { practiceId }) => ({ embedOrigins: await setEmbedOrigins(practiceId, input) }),
  { successMessage: "Saved. The change applies the next time your booking page loads." },
);
