"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { createOffering, deleteOffering, setOfferingActive, updateOffering } from "@/server/offerings/offerings";
import { offeringEditFormSchema, offeringFormSchema } from "@/server/offerings/schemas";
import { checkboxSchema } from "@/lib/validation";

function refresh(practiceSlug: string) {
  revalidatePath("/coach", "layout");
  revalidatePath(`/book/${practiceSlug}`, "layout");
}

export const createOfferingAction = coachAction(offeringFormSchema, async (input, { practiceId, practice }) => {
  await createOffering(practiceId, input);
  refresh(practice.slug);
  redirect("/coach/offerings?saved=1");
});

export const updateOfferingAction = coachAction(offeringEditFormSchema, async ({ id, ...input }, { practiceId, practice }) => {
  await updateOffering(practiceId, id, input);
  refresh(practice.slug);
  redirect("/coach/offerings?saved=1");
});

const toggleInput = z.object({ id: z.string(), active: checkboxSchema });

export const setOfferingActiveAction = coachAction(toggleInput, async ({ id, active }, { practiceId, practice }) => {
  const offering = await setOfferingActive(practiceId, id, active);
  refresh(practice.slug);
  return { active: offering.active };
});

export const deleteOfferingAction = coachAction(z.object({ id: z.string() }), async ({ id }, { practiceId, practice }) => {
  await deleteOffering(practiceId, id);
  refresh(practice.slug);
  redirect("/coach/offerings?deleted=1");
});
