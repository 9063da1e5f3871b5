"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import type { dateOverrideSchema, timeOffSchema, weeklyHoursSchema } from "@/lib/scheduling/availability";
import {
  addTimeOff,
  getPracticeCoachId,
  removeDateOverride,
  removeTimeOff,
  setDateOverride,
  setWeeklyHours,
} from "@/server/scheduling/availability-store";
import { formInput } from "../_lib/form-input";

// Open times on the booking pages and the calendar's shading both follow availability.
function refresh(practiceSlug: string) {
  revalidatePath("/coach", "layout");
  revalidatePath(`/book/${practiceSlug}`, "layout");
}

const weeklyInput = z.object({
  intervals: z.custom<z.input<typeof weeklyHoursSchema>>(Array.isArray, "Send the weekly hours as a list."),
});

export const saveWeeklyHoursAction = coachAction(weeklyInput, async ({ intervals }, { practiceId, practice }) => {
  const saved = await setWeeklyHours(practiceId, await getPracticeCoachId(practiceId), intervals);
  refresh(practice.slug);
  return { count: saved.length };
});

export const setDateOverrideAction = coachAction(formInput<z.input<typeof dateOverrideSchema>>(), async (input, { practiceId, practice }) => {
  const saved = await setDateOverride(practiceId, await getPracticeCoachId(practiceId), input);
  refresh(practice.slug);
  return saved;
});

export const removeDateOverrideAction = coachAction(z.object({ date: z.string() }), async ({ date }, { practiceId, practice }) => {
  await removeDateOverride(practiceId, await getPracticeCoachId(practiceId), date);
  refresh(practice.slug);
  return { date };
});

export const addTimeOffAction = coachAction(formInput<z.input<typeof timeOffSchema> & { label?: string }>(), async (input, { practiceId, practice }) => {
  const row = await addTimeOff(practiceId, await getPracticeCoachId(practiceId), input);
  refresh(practice.slug);
  return { id: row.id, startDate: row.startDate, endDate: row.endDate };
});

export const removeTimeOffAction = coachAction(z.object({ id: z.string() }), async ({ id }, { practiceId, practice }) => {
  await removeTimeOff(practiceId, id);
  refresh(practice.slug);
  return { id };
});
