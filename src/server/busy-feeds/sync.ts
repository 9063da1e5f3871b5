import "server-only";
import { and, eq, gt, isNull, lt, max, or, sql } from "drizzle-orm";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import { busyFeeds, busyFeedTimes, offerings, practices } from "@/server/db/schema";
import { notFound, notFoundUnlessId } from "@/server/errors";
import { log } from "@/server/log";
import type { Interval } from "@/lib/scheduling/slots";
import { busyIntervals, FeedParseError } from "./expand";
import { FeedFetchError, fetchFeed } from "./fetch-feed";

const DAY = 86_400_000;
/** How often each feed is read in the background. */
const REFRESH_EVERY_MS = 5 * 60_000;
const INSERT_CHUNK = 1000;

/** Busy times cover the longest booking horizon of the practice's offerings (60 days when it has none). */
async function horizonOf(practiceId: string): Promise<{ timeZone: string; days: number }> {
  const [row] = await getDb()
    .select({ timeZone: practices.timeZone, days: max(offerings.horizonDays) })
    .from(practices)
    .leftJoin(offerings, eq(offerings.practiceId, practices.id))
    .where(eq(practices.id, practiceId))
    .groupBy(practices.timeZone);
  if (!row) throw notFound("That practice");
  return { timeZone: row.timeZone, days: row.days ?? 60 };
}

type FeedStatus = { id: string; lastSyncedAt: Date | null; lastError: string | null; busyCount: number | null };

/**
 * Reads one feed now and, on success, replaces its busy times in one transaction; on failure
 * records the error and leaves the last good copy in use. Never throws for a bad feed.
 */
export async function refreshFeed(practiceId: string, feedId: string): Promise<FeedStatus> {
  notFoundUnlessId(feedId, "That calendar");
  const [feed] = await getDb()
    .select()
    .from(busyFeeds)
    .where(and(eq(busyFeeds.practiceId, practiceId), eq(busyFeeds.id, feedId)));
  if (!feed) throw notFound("That calendar");
  const at = now();
  let busy: Interval[];
  try {
    const { timeZone, days } = await horizonOf(practiceId);
    const text = await fetchFeed(feed.url);
    busy = busyIntervals(text, { from: new Date(at.getTime() - DAY), to: new Date(at.getTime() + (days + 2) * DAY) }, timeZone);
  } catch (error) {
    const known = error instanceof FeedFetchError || error instanceof FeedParseError;
    const message = known ? error.message : "The calendar could not be read.";
    // Only the id and host: the address is a credential.
    log.warn({ feedId, host: feed.host, ...(known ? { problem: message } : { err: error }) }, "busy feed refresh failed; keeping the last good copy");
    await getDb().update(busyFeeds).set({ lastAttemptAt: at, lastError: message }).where(eq(busyFeeds.id, feedId));
    return { id: feedId, lastSyncedAt: feed.lastSyncedAt, lastError: message, busyCount: null };
  }
  await getDb().transaction(async (tx) => {
    // Updating the feed row first locks it: two refreshes of one feed replace its times one after the other.
    const updated = await tx
      .update(busyFeeds)
      .set({ lastAttemptAt: at, lastSyncedAt: at, lastError: null })
      .where(eq(busyFeeds.id, feedId))
      .returning({ id: busyFeeds.id });
    if (!updated.length) return; // removed meanwhile
    await tx.delete(busyFeedTimes).where(eq(busyFeedTimes.feedId, feedId));
    for (let i = 0; i < busy.length; i += INSERT_CHUNK) {
      await tx
        .insert(busyFeedTimes)
        .values(busy.slice(i, i + INSERT_CHUNK).map((b) => ({ feedId, coachId: feed.coachId, startsAt: b.start, endsAt: b.end })));
    }
  });
  return { id: feedId, lastSyncedAt: at, lastError: null, busyCount: busy.length };
}

/** Reads every feed of the practice now ("Refresh now"). */
export async function refreshPracticeFeeds(practiceId: string): Promise<FeedStatus[]> {
  const feeds = await getDb().select({ id: busyFeeds.id }).from(busyFeeds).where(eq(busyFeeds.practiceId, practiceId));
  const out: FeedStatus[] = [];
  for (const feed of feeds) out.push(await refreshFeed(practiceId, feed.id));
  return out;
}

/** A background round starts no feed read after this long (each read is itself bounded to 5 s). */
const ROUND_BUDGET_MS = 10_000;

/**
 * Background work for the dispatcher loop and the cron route: reads the feeds not tried for
 * REFRESH_EVERY_MS, oldest first, one at a time, starting none after `until` (real time;
 * default ROUND_BUDGET_MS from now), so mail never waits long behind a slow calendar.
 */
export async function refreshDueFeeds(options: { until?: number; limit?: number } = {}): Promise<number> {
  const until = options.until ?? Date.now() + ROUND_BUDGET_MS;
  const stale = new Date(now().getTime() - REFRESH_EVERY_MS);
  const due = await getDb()
    .select({ id: busyFeeds.id, practiceId: busyFeeds.practiceId })
    .from(busyFeeds)
    .where(or(isNull(busyFeeds.lastAttemptAt), lt(busyFeeds.lastAttemptAt, stale)))
    .orderBy(sql`${busyFeeds.lastAttemptAt} asc nulls first`)
    .limit(options.limit ?? 50);
  let done = 0;
  for (const feed of due) {
    if (Date.now() >= until) break;
    await refreshFeed(feed.practiceId, feed.id);
    done++;
  }
  return done;
}

/** The coach's busy times from every feed overlapping the range, for slot computation. */
export async function feedBusyTimes(coachId: string, range: { from: Date; to: Date }, db: DbOrTx = getDb()): Promise<Interval[]> {
  const rows = await db
    .select({ start: busyFeedTimes.startsAt, end: busyFeedTimes.endsAt })
    .from(busyFeedTimes)
    .where(and(eq(busyFeedTimes.coachId, coachId), lt(busyFeedTimes.startsAt, range.to), gt(busyFeedTimes.endsAt, range.from)));
  return rows;
}
