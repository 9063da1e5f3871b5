import "server-only";
import { and, eq, gt, inArray, isNull, lt, ne, or } from "drizzle-orm";
import { feedBusyTimes } from "@/server/busy-feeds/sync";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, calendarBlocks, type offerings } from "@/server/db/schema";
import { getAvailability, getPracticeCoachId } from "./availability-store";
import { workingMinutesOn } from "@/lib/scheduling/availability";
import type { Actor } from "@/lib/scheduling/policy";
import { HOLDING_STATUSES } from "@/lib/scheduling/status";
import { computeSlots, countPerLocalDay, isSlotOpen, isStartFree, isWithinWorkingHours, type Interval, type SlotInput } from "@/lib/scheduling/slots";

type Offering = typeof offerings.$inferSelect;
const DAY = 86_400_000;

export type SlotContext = {
  practiceId: string;
  timeZone: string;
  coachId: string;
  offering: Offering;
  /**
   * The coach acting from the dashboard is exempt from notice, horizon and the daily cap, and may
   * book a free time outside working hours (isStartOpen); busy time binds everyone.
   */
  actor?: Actor;
  /** When rescheduling, the booking being moved doesn't block its own new time. */
  ignoreBookingId?: string;
  now: Date;
};

/**
 * Everything computeSlots needs for one offering over a range, read in one
 * go: availability, the coach's held time (bookings widened by their own
 * buffers, blocks, and busy times from the coach's calendar feeds) and the daily counts for the cap.
 */
async function loadSlotInput(ctx: SlotContext, range: { from: Date; to: Date }, db: DbOrTx = getDb()): Promise<SlotInput> {
  // A day of margin on each side: buffers and the daily cap reach past the range.
  const from = new Date(range.from.getTime() - DAY);
  const to = new Date(range.to.getTime() + DAY);
  const bookingFilters = [
    eq(bookings.coachId, ctx.coachId),
    inArray(bookings.status, [...HOLDING_STATUSES]),
    // A payment hold past its time is as good as gone (createBooking sweeps it before inserting).
    or(isNull(bookings.holdExpiresAt), gt(bookings.holdExpiresAt, ctx.now)),
    lt(bookings.blockedFrom, to),
    gt(bookings.blockedUntil, from),
  ];
  if (ctx.ignoreBookingId) bookingFilters.push(ne(bookings.id, ctx.ignoreBookingId));
  const [availability, held, blocks, fromFeeds] = await Promise.all([
    getAvailability(ctx.practiceId, ctx.coachId, db),
    db
      .select({ offeringId: bookings.offeringId, startsAt: bookings.startsAt, blockedFrom: bookings.blockedFrom, blockedUntil: bookings.blockedUntil })
      .from(bookings)
      .where(and(...bookingFilters)),
    db
      .select({ startsAt: calendarBlocks.startsAt, endsAt: calendarBlocks.endsAt })
      .from(calendarBlocks)
      .where(and(eq(calendarBlocks.coachId, ctx.coachId), lt(calendarBlocks.startsAt, to), gt(calendarBlocks.endsAt, from))),
    // The coach's own calendars (busy-feeds): the last good copy of each.
    feedBusyTimes(ctx.coachId, { from, to }, db),
  ]);
  const busy: Interval[] = [
    ...held.map((b) => ({ start: b.blockedFrom, end: b.blockedUntil })),
    ...blocks.map((b) => ({ start: b.startsAt, end: b.endsAt })),
    ...fromFeeds,
  ];
  const coach = ctx.actor === "coach";
  const o = ctx.offering;
  return {
    timeZone: ctx.timeZone,
    ...availability,
    busy,
    durationMinutes: o.durationMinutes,
    bufferBeforeMinutes: o.bufferBeforeMinutes,
    bufferAfterMinutes: o.bufferAfterMinutes,
    minimumNoticeMinutes: coach ? 0 : o.minimumNoticeMinutes,
    horizonDays: coach ? null : o.horizonDays,
    slotIntervalMinutes: o.slotIntervalMinutes,
    maxPerDay: coach ? null : o.maxPerDay,
    bookedPerDay: countPerLocalDay(
      held.filter((b) => b.offeringId === o.id).map((b) => b.startsAt),
      ctx.timeZone,
    ),
    now: ctx.now,
    range,
  };
}

export async function findOpenSlots(ctx: SlotContext, range: { from: Date; to: Date }, db?: DbOrTx) {
  return computeSlots(await loadSlotInput(ctx, range, db));
}

/**
 * Re-checks one start time with the same rules the page showed. A client (booking page, public
 * API, manage link, portal) gets exactly the open slots; the coach any free start, inside
 * working hours or not (an evening crisis session), never one that overlaps held time.
 */
export async function isStartOpen(ctx: SlotContext, start: Date, db?: DbOrTx) {
  const end = new Date(start.getTime() + ctx.offering.durationMinutes * 60_000);
  const input = await loadSlotInput(ctx, { from: start, to: end }, db);
  return ctx.actor === "coach" ? isStartFree(input, start) : isSlotOpen(input, start);
}

/** Whether a session sits inside the coach's working hours; the coach's pages say so when it doesn't. */
export async function isInsideWorkingHours(practice: { practiceId: string; coachId: string; timeZone: string }, start: Date, end: Date) {
  const availability = await getAvailability(practice.practiceId, practice.coachId);
  return isWithinWorkingHours({ timeZone: practice.timeZone, ...availability }, start, end);
}

/** The coach's working hours on one practice-local date, in minutes since midnight (for the "Another time" note). */
export async function workingRangesOn(practiceId: string, date: string) {
  const coachId = await getPracticeCoachId(practiceId);
  return workingMinutesOn(date, await getAvailability(practiceId, coachId));
}
