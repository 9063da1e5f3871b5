"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { getClient } from "@/server/clients/clients";
import { AppError } from "@/server/errors";
import { createBlock, deleteBlock } from "@/server/scheduling/blocks";
import { cancelBooking, createBooking, markBookingOutcome, rescheduleBooking, revokeManageLinks } from "@/server/scheduling/bookings";
import { calendarFeedUrl, rotateCalendarFeedToken } from "@/server/scheduling/calendar-feed";
import { bookForClientFormSchema, coachChosenStart, coachStartFields } from "@/server/scheduling/schemas";
import { blockFormSchema, blockFormToInstants } from "./block-form";

function refresh(practiceSlug: string) {
  revalidatePath("/coach", "layout");
  revalidatePath(`/book/${practiceSlug}`, "layout");
}

const sessionPath = (id: string, flag: string) => `/coach/calendar/sessions/${id}?${flag}=1`;

export const createBlockAction = coachAction(blockFormSchema, async (input, { practiceId, practice }) => {
  const block = await createBlock(practiceId, blockFormToInstants(input, practice.timeZone));
  refresh(practice.slug);
  return { id: block.id };
});

export const deleteBlockAction = coachAction(z.object({ id: z.string() }), async ({ id }, { practiceId, practice }) => {
  await deleteBlock(practiceId, id);
  refresh(practice.slug);
  return { id };
});

// The coach may move a session to any free time, in working hours or not (docs/scheduling.md).
export const rescheduleSessionAction = coachAction(z.object({ id: z.string(), ...coachStartFields }), async ({ id, ...form }, { practiceId, practice }) => {
  await rescheduleBooking({ practiceId }, id, coachChosenStart(form, practice.timeZone), { actor: "coach" });
  refresh(practice.slug);
  redirect(sessionPath(id, "rescheduled"));
});

export const cancelSessionAction = coachAction(z.object({ id: z.string(), reason: z.string().optional() }), async ({ id, reason }, { practiceId, practice }) => {
  await cancelBooking({ practiceId }, id, { actor: "coach", reason });
  refresh(practice.slug);
  redirect(sessionPath(id, "canceled"));
});

export const revokeLinksAction = coachAction(z.object({ id: z.string() }), async ({ id }, { practiceId, practice }) => {
  const { sentTo } = await revokeManageLinks(practiceId, id);
  refresh(practice.slug);
  redirect(sessionPath(id, sentTo.length ? "relinked" : "revoked"));
});

const outcomeInput = z.object({ id: z.string(), outcome: z.enum(["completed", "no_show"], { error: "Choose what happened." }) });

export const markOutcomeAction = coachAction(outcomeInput, async ({ id, outcome }, { practiceId, practice }) => {
  await markBookingOutcome(practiceId, id, outcome);
  refresh(practice.slug);
  redirect(sessionPath(id, "marked"));
});

export const bookForClientAction = coachAction(bookForClientFormSchema, async (form, { practiceId, practice }) => {
  // An existing client books under their own name, email and zone; a new one as typed.
  const start = coachChosenStart(form, practice.timeZone);
  if (!start) throw new AppError("invalid", "Choose a time.", { start: ["Choose a time."] });
  const client = form.clientId ? await getClient(practiceId, form.clientId) : null;
  const booking = await createBooking(
    practiceId,
    {
      offering: form.offering,
      start,
      name: client?.name ?? form.name,
      email: client?.email ?? form.email,
      timeZone: client?.timeZone ?? form.timeZone ?? practice.timeZone,
      phone: form.phone,
      note: form.note,
      partner: form.partner,
    },
    { actor: "coach" },
  );
  refresh(practice.slug);
  redirect(sessionPath(booking.id, "booked"));
});

export const rotateFeedAction = coachAction(z.object({}), async (_input, { practiceId, practice }) => {
  const token = await rotateCalendarFeedToken(practiceId);
  refresh(practice.slug);
  return { url: calendarFeedUrl(token) };
});
