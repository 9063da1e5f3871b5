"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { setEmbedOrigins } from "@/server/practices/embedding";
import { updatePractice } from "@/server/practices/update-practice";
import { savePracticeProfile } from "@/server/practices/profile";
import { setVideoBaseUrl } from "@/server/practices/video";
import { embedSettingsFormSchema, practiceInput, practiceProfileInput } from "@/server/practices/schemas";

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

export const savePracticeProfileAction = coachAction(
  practiceProfileInput,
  async (input, { practiceId }) => {
    const saved = await savePracticeProfile(practiceId, input);
    // The booking pages show the profile.
    revalidatePath("/", "layout");
    return saved;
  },
  { successMessage: "Profile saved. Your booking page shows it now." },
);

export const updateEmbedOriginsAction = coachAction(
  embedSettingsFormSchema,
  async (input, { practiceId }) => ({ embedOrigins: await setEmbedOrigins(practiceId, input) }),
  { successMessage: "Saved. The change applies the next time your booking page loads." },
);

export const updateVideoBaseUrlAction = coachAction(
  z.object({ videoBaseUrl: z.string().max(2000).default("") }),
  async (input, { practiceId }) => ({ videoBaseUrl: await setVideoBaseUrl(practiceId, input) }),
  { successMessage: "Saved. Sessions booked from now on get rooms on this server." },
);
