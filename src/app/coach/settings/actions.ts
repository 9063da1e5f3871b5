"use server";

import { revalidatePath } from "next/cache";
import { coachAction } from "@/server/action";
import { setEmbedOrigins } from "@/server/practices/embedding";
import { updatePractice } from "@/server/practices/update-practice";
import type { PracticeInput, EmbedSettingsInput } from "@/server/practices/schemas";
import { formInput } from "../_lib/form-input";

export const updatePracticeAction = coachAction(
  formInput<PracticeInput>(),
  async (input, { practiceId }) => {
    const practice = await updatePractice(practiceId, input);
    revalidatePath("/", "layout");
    return { slug: practice.slug };
  },
  { successMessage: "Settings saved." },
);

export const updateEmbedOriginsAction = coachAction(
  formInput<EmbedSettingsInput>(),
  async (input, { practiceId }) => ({ embedOrigins: await setEmbedOrigins(practiceId, input) }),
  { successMessage: "Saved. The change applies the next time your booking page loads." },
);
