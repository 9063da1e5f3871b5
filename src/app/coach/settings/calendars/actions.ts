"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { addFeed, feedInput, removeFeed } from "@/server/busy-feeds/feeds";
import { refreshPracticeFeeds } from "@/server/busy-feeds/sync";

// Busy times change open slots: the booking pages and the coach's pages show fresh ones.
function refresh(practiceSlug: string) {
  revalidatePath("/coach", "layout");
  revalidatePath(`/book/${practiceSlug}`, "layout");
}

// The form posts the address and a label, which is what the domain takes.
export const addBusyFeedAction = coachAction(feedInput, async (input, { practiceId, practice }) => {
  const status = await addFeed(practiceId, input);
  refresh(practice.slug);
  return status;
}, { successMessage: "Calendar connected." });

export const removeBusyFeedAction = coachAction(z.object({ id: z.string() }), async ({ id }, { practiceId, practice }) => {
  await removeFeed(practiceId, id);
  refresh(practice.slug);
  return { id };
});

export const refreshBusyFeedsAction = coachAction(z.object({}), async (_input, { practiceId, practice }) => {
  const feeds = await refreshPracticeFeeds(practiceId);
  refresh(practice.slug);
  return { count: feeds.length };
});
