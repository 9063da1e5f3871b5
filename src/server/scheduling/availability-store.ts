import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/server/db/client";
import { dateOverrides, memberships, timeOff, weeklyHours } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import type { Weekday } from "@/lib/time/dates";
import { dateOverrideSchema, timeOffSchema, weeklyHoursSchema, type Availability } from "@/lib/scheduling/availability";
import { z } from "zod";
import { singleLineText } from "@/lib/validation";

/** The coach whose calendar a practice books into (one coach per practice for now). */
export async function getPracticeCoachId(practiceId: string, db: DbOrTx = getDb()): Promise<string> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.practiceId, practiceId), eq(memberships.role, "coach")))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!row) throw notFound("That practice's coach");
  return row.userId;
}

export async function getAvailability(practiceId: string, coachId: string, db: DbOrTx = getDb()): Promise<Availability> {
  const scope = (table: typeof weeklyHours | typeof dateOverrides | typeof timeOff) =>
    and(eq(table.practiceId, practiceId), eq(table.coachId, coachId));
  const [hours, overrides, off] = await Promise.all([
    db.select().from(weeklyHours).where(scope(weeklyHours)).orderBy(asc(weeklyHours.weekday), asc(weeklyHours.startTime)),
    db.select().from(dateOverrides).where(scope(dateOverrides)).orderBy(asc(dateOverrides.date)),
    db.select().from(timeOff).where(scope(timeOff)).orderBy(asc(timeOff.startDate)),
  ]);
  return {
    weeklyHours: hours.map((h) => ({ weekday: h.weekday as Weekday, start: h.startTime, end: h.endTime })),
    overrides: overrides.map((o) => ({ date: o.date, intervals: o.intervals })),
    timeOff: off.map((t) => ({ startDate: t.startDate, endDate: t.endDate })),
  };
}

/** The time-off rows with their ids and labels, for the settings page. */
export async function listTimeOff(practiceId: string, coachId: string) {
  return getDb()
    .select()
    .from(timeOff)
    .where(and(eq(timeOff.practiceId, practiceId), eq(timeOff.coachId, coachId)))
    .orderBy(asc(timeOff.startDate));
}

/** Replaces the whole weekly schedule at once: the form edits all days together. */
export async function setWeeklyHours(practiceId: string, coachId: string, input: z.input<typeof weeklyHoursSchema>) {
  const intervals = parseInput(weeklyHoursSchema, input);
  await getDb().transaction(async (tx) => {
    await tx.delete(weeklyHours).where(and(eq(weeklyHours.practiceId, practiceId), eq(weeklyHours.coachId, coachId)));
    if (intervals.length) {
      await tx
        .insert(weeklyHours)
        .values(intervals.map((i) => ({ practiceId, coachId, weekday: i.weekday, startTime: i.start, endTime: i.end })));
    }
  });
  return intervals;
}

/** Other hours (or the day off, with no intervals) on one date; replaces any earlier override of that date. */
export async function setDateOverride(practiceId: string, coachId: string, input: z.input<typeof dateOverrideSchema>) {
  const override = parseInput(dateOverrideSchema, input);
  await getDb()
    .insert(dateOverrides)
    .values({ practiceId, coachId, date: override.date, intervals: override.intervals })
    .onConflictDoUpdate({
      target: [dateOverrides.practiceId, dateOverrides.coachId, dateOverrides.date],
      set: { intervals: override.intervals },
    });
  return override;
}

export async function removeDateOverride(practiceId: string, coachId: string, date: string) {
  await getDb()
    .delete(dateOverrides)
    .where(and(eq(dateOverrides.practiceId, practiceId), eq(dateOverrides.coachId, coachId), eq(dateOverrides.date, date)));
}

/** Days off, first to last, with an optional label ("Holiday"). */
export const timeOffInput = z.intersection(timeOffSchema, z.object({ label: singleLineText("label", 120, "") }));

export async function addTimeOff(practiceId: string, coachId: string, input: z.input<typeof timeOffInput>) {
  const { startDate, endDate, label } = parseInput(timeOffInput, input);
  const [row] = await getDb()
    .insert(timeOff)
    .values({ practiceId, coachId, startDate, endDate, label })
    .returning();
  return row!;
}

export async function removeTimeOff(practiceId: string, timeOffId: string) {
  const removed = await getDb()
    .delete(timeOff)
    .where(and(eq(timeOff.practiceId, practiceId), eq(timeOff.id, timeOffId)))
    .returning({ id: timeOff.id })
    .catch(() => []);
  if (!removed.length) throw notFound("That time off");
}
