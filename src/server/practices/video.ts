import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { practices } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { DEFAULT_VIDEO_BASE_URL } from "@/lib/scheduling/meeting-place";
import { blankAs, webUrlSchema } from "@/lib/validation";

/**
 * The Jitsi Meet server automatic video links open on: blank means the public
 * one (meet.jit.si). Stored without a trailing slash; rooms go after it.
 */
export const videoSettingsInput = z.object({
  videoBaseUrl: blankAs(
    DEFAULT_VIDEO_BASE_URL,
    webUrlSchema("Enter your Jitsi server’s address, starting with https://, such as https://meet.example.com.", 200).transform((v) =>
      v.replace(/\/+$/, ""),
    ),
  ),
});

/** Sets where new automatic video rooms are made; links of sessions already booked stay as they are. */
export async function setVideoBaseUrl(practiceId: string, input: z.input<typeof videoSettingsInput>): Promise<string> {
  const { videoBaseUrl } = parseInput(videoSettingsInput, input);
  const [row] = await getDb()
    .update(practices)
    .set({ videoBaseUrl })
    .where(eq(practices.id, practiceId))
    .returning({ videoBaseUrl: practices.videoBaseUrl });
  if (!row) throw notFound("That practice");
  return row.videoBaseUrl;
}
