"use server";

import { revalidatePath } from "next/cache";
import { coachAction } from "@/server/action";
import { assignQuestionnaire } from "@/server/intake/assign";
import { assignCheckIn, changeCheckInSchedule } from "@/server/intake/checkins";
import { acknowledgeCrisisAlert } from "@/server/intake/crisis";
import { alertFormSchema, assignFormSchema, checkInFormSchema, checkInScheduleFormSchema } from "@/server/intake/schemas";

/** The coach hands a client any of the practice's questionnaires. */
export const assignQuestionnaireAction = coachAction(assignFormSchema, async (input, { practiceId }) => {
  const row = await assignQuestionnaire(practiceId, input);
  revalidatePath(`/coach/clients/${input.clientId}`);
  return { responseId: row.id };
});

/** The coach has seen a crisis alert: the banner goes; who and when are recorded. */
export const acknowledgeCrisisAlertAction = coachAction(alertFormSchema, async ({ alertId }, { practiceId, user }) => {
  await acknowledgeCrisisAlert(practiceId, alertId, user.id);
  revalidatePath("/coach", "layout");
  return { acknowledged: true };
});

/** The check-in, once now or every N weeks (each partner of a couple gets their own copy). */
export const assignCheckInAction = coachAction(checkInFormSchema, async (input, { practiceId }) => {
  const { schedule, responses } = await assignCheckIn(practiceId, input);
  revalidatePath(`/coach/clients/${input.clientId}`);
  return { scheduled: !!schedule, sent: responses.length };
});

/** Pause, resume or stop a recurring check-in. */
export const changeCheckInScheduleAction = coachAction(checkInScheduleFormSchema, async (input, { practiceId }) => {
  const schedule = await changeCheckInSchedule(practiceId, input);
  // A couple's schedule shows on both partners' pages.
  revalidatePath("/coach/clients/[id]", "page");
  return { status: schedule.status };
});
