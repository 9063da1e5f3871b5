import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { busyFeeds } from "@/server/db/schema";
import { invalid, notFound, notFoundUnlessId } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { singleLineText } from "@/lib/validation";
import { getPracticeCoachId } from "@/server/scheduling/availability-store";
import { normalizeFeedUrl } from "./fetch-feed";
import { refreshFeed } from "./sync";

/** More than this is almost certainly a mistake, and each one is read every few minutes. */
export const MAX_FEEDS = 10;

export const feedInput = z.object({
  url: z
    .string({ error: "Paste the calendar's private address." })
    .trim()
    .min(1, "Paste the calendar's private address.")
    .max(2000, "That address is too long.")
    .refine((v) => normalizeFeedUrl(v) !== null, "Give an http, https or webcal address (the calendar's private iCal link)."),
  label: singleLineText("label", 80, ""),
});

/** The feeds of the practice's coach, for the settings page: never the address itself. */
export async function listFeeds(practiceId: string) {
  return getDb()
    .select({
      id: busyFeeds.id,
      host: busyFeeds.host,
      label: busyFeeds.label,
      lastSyncedAt: busyFeeds.lastSyncedAt,
      lastAttemptAt: busyFeeds.lastAttemptAt,
      lastError: busyFeeds.lastError,
    })
    .from(busyFeeds)
    .where(eq(busyFeeds.practiceId, practiceId))
    .orderBy(asc(busyFeeds.createdAt));
}

/** Stores the address (sealed) and reads it once straight away, so the coach sees at once whether it works. */
export async function addFeed(practiceId: string, input: z.input<typeof feedInput>) {
  const values = parseInput(feedInput, input);
  const url = normalizeFeedUrl(values.url)!;
  const coachId = await getPracticeCoachId(practiceId);
  const existing = await listFeeds(practiceId);
  if (existing.length >= MAX_FEEDS) throw invalid(`Connect at most ${MAX_FEEDS} calendars.`);
  const [row] = await getDb()
    .insert(busyFeeds)
    .values({ practiceId, coachId, url: url.toString(), host: url.hostname, label: values.label })
    .returning({ id: busyFeeds.id });
  return refreshFeed(practiceId, row!.id);
}

export async function removeFeed(practiceId: string, feedId: string) {
  notFoundUnlessId(feedId, "That calendar");
  const removed = await getDb()
    .delete(busyFeeds)
    .where(and(eq(busyFeeds.practiceId, practiceId), eq(busyFeeds.id, feedId)))
    .returning({ id: busyFeeds.id });
  if (!removed.length) throw notFound("That calendar");
}
