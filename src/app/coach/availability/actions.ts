"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { dateOverrideSchema, localDateSchema, weeklyHoursSchema } from "@/lib/scheduling/availability";
import {
  addTimeOff,
  getPracticeCoachId,
  removeDateOverride,
  removeTimeOff,
  setDateOverride,
  setWeeklyHours,
  timeOffInput,
} from "@/server/scheduling/availability-store";

// Open times on the booking pages and the calendar's shading both follow availability.
function refresh(practiceSlug: string) {
  revalidatePath("/coach", "layout");
  revalidatePath(`/book/${practiceSlug}`, "layout");
}

// These forms post local dates and clock times, which is what the domain stores: the domain's
// own schemas parse them (re-parsing only trims and sorts), and errors name the form's fields.
const weeklyInput = z.object({ intervals: weeklyHoursSchema });

export const saveWeeklyHoursAction = coachAction(weeklyInput, async ({ intervals }, { practiceId, practice }) => {
  const saved = await setWeeklyHours(practiceId, await getPracticeCoachId(practiceId), intervals);
  refresh(practice.slug);
  return { count: saved.length };
});

export const setDateOverrideAction = coachAction(dateOverrideSchema, async (input, { practiceId, practice }) => {
  const saved = await setDateOverride(practiceId, await getPracticeCoachId(practiceId), input);
  refresh(practice.slug);
  return saved;
});

export const removeDateOverrideAction = coachAction(z.object({ date: localDateSchema }), async ({ date }, { practiceId, practice }) => {
  await removeDateOverride(practiceId, await getPracticeCoachId(practiceId), date);
  refresh(practice.slug);
  return { date };
});

export const addTimeOffAction = coachAction(timeOffInput, async (input, { practiceId, practice }) => {
  const row = await addTimeOff(practiceId, await getPracticeCoachId(practiceId), input);
  refresh(practice.slug);
  return { id: row.id, startDate: row.startDate, endDate: row.endDate };
});

export const removeTimeOffAction = coachAction(z.object({ id: z.string() }), async ({ id }, { practiceId, practice }) => {
  await removeTimeOff(practiceId, id);
  refresh(practice.slug);
  return { id };
});
