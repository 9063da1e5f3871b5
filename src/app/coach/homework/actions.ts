"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { assignPractice, endAssignment, pauseAssignment, resumeAssignment } from "@/server/homework/assignments";
import { createLibraryPractice, setLibraryPracticeRetired, updateLibraryPractice } from "@/server/homework/library";
import { assignmentInput, libraryPracticeInput } from "@/server/homework/schemas";

// Everything is scoped to the signed-in coach's practice; a foreign id is "not found".

export const assignPracticeAction = coachAction(
  assignmentInput,
  async (input, { practiceId, user }) => {
    const made = await assignPractice(practiceId, user.id, input);
    // Every client page: a couple's suggestions assign to either partner from one partner's page.
    revalidatePath("/coach/clients/[id]", "page");
    return { assigned: made.length };
  },
  { successMessage: "Practice assigned." },
);

const CHANGES = { pause: pauseAssignment, resume: resumeAssignment, end: endAssignment } as const;
const changeInput = z.object({ id: z.string(), clientId: z.string(), change: z.enum(["pause", "resume", "end"], "Choose pause, resume or end.") });

export const changeAssignmentAction = coachAction(changeInput, async ({ id, clientId, change }, { practiceId }) => {
  await CHANGES[change](practiceId, id);
  revalidatePath(`/coach/clients/${clientId}`);
  return { change: change as string };
});

export const saveLibraryPracticeAction = coachAction(
  libraryPracticeInput.and(z.object({ id: z.string().optional() })),
  async ({ id, ...input }, { practiceId }) => {
    const row = id ? await updateLibraryPractice(practiceId, id, input) : await createLibraryPractice(practiceId, input);
    revalidatePath("/coach/homework");
    return { id: row.id };
  },
  { successMessage: "Practice saved." },
);

const retireInput = z.object({ id: z.string(), retired: z.enum(["true", "false"]).transform((v) => v === "true") });

export const retireLibraryPracticeAction = coachAction(retireInput, async ({ id, retired }, { practiceId }) => {
  await setLibraryPracticeRetired(practiceId, id, retired);
  revalidatePath("/coach/homework");
  return { retired };
});
