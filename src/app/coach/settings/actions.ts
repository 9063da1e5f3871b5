"use server";

import { revalidatePath } from "next/cache";
import { coachAction } from "@/server/action";
import { updatePractice } from "@/server/practices/update-practice";
import type { CreatePracticeInput } from "@/server/practices/schemas";
import { formInput } from "../_lib/form-input";

export const updatePracticeAction = coachAction(
  formInput<CreatePracticeInput>(),
  async (input, { practiceId }) => {
    const practice = await updatePractice(practiceId, input);
    revalidatePath("/", "layout");
    return { slug: practice.slug };
  },
  { successMessage: "Settings saved." },
);
