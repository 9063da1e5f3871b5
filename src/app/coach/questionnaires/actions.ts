"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { saveQuestionnaire } from "@/server/intake/questionnaires";

/** The builder sends its questions as one JSON text; the domain checks every question. */
const saveForm = z.object({
  id: z.string().max(64),
  name: z.string().max(500),
  content: z
    .string()
    .max(1_000_000, "This questionnaire is too large to save.")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The questions could not be read. Reload the page and try again." });
        return z.NEVER;
      }
    }),
});

export const saveQuestionnaireAction = coachAction(saveForm, async ({ id, name, content }, { practiceId }) => {
  const version = await saveQuestionnaire(practiceId, id, { name, content });
  revalidatePath("/coach/questionnaires");
  return { version: version.version };
});
