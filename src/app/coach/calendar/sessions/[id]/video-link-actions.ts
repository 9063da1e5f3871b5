"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { setSessionVideoLink } from "@/server/scheduling/video-link";

// This one session's video link (blank: back to the offering's). The domain checks the address.
export const setSessionVideoLinkAction = coachAction(
  z.object({ id: z.string(), videoUrl: z.string().max(2000).default("") }),
  async ({ id, videoUrl }, { practiceId }) => {
    const { booking, notified } = await setSessionVideoLink(practiceId, id, { videoUrl });
    revalidatePath(`/coach/calendar/sessions/${id}`);
    return { videoUrlOverride: booking.videoUrlOverride, notified };
  },
);
