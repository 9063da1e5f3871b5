import "server-only";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { calendarBlocks } from "@/server/db/schema";
import { notFound, notFoundUnlessId } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { singleLineText } from "@/lib/validation";
import { getPracticeCoachId } from "./availability-store";

export const blockInput = z
  .object({
    label: singleLineText("label", 120, "Busy"),
    start: z.date({ error: "Choose when the block starts." }),
    end: z.date({ error: "Choose when the block ends." }),
  })
  .refine((b) => b.end > b.start, { path: ["end"], message: "The end must be after the start." })
  .refine((b) => b.end.getTime() - b.start.getTime() <= 31 * 86_400_000, {
    path: ["end"],
    message: "Block at most 31 days at once; use time off for longer absences.",
  });

/** Busy time the coach blocks from the calendar; open slots avoid it. */
export async function createBlock(practiceId: string, input: z.input<typeof blockInput>) {
  const values = parseInput(blockInput, input);
  const coachId = await getPracticeCoachId(practiceId);
  const [row] = await getDb()
    .insert(calendarBlocks)
    .values({ practiceId, coachId, label: values.label, startsAt: values.start, endsAt: values.end })
    .returning();
  return row!;
}

export async function deleteBlock(practiceId: string, blockId: string) {
  notFoundUnlessId(blockId, "That block");
  const removed = await getDb()
    .delete(calendarBlocks)
    .where(and(eq(calendarBlocks.practiceId, practiceId), eq(calendarBlocks.id, blockId)))
    .returning({ id: calendarBlocks.id });
  if (!removed.length) throw notFound("That block");
}

export async function listBlocks(practiceId: string, range: { from: Date; to: Date }) {
  return getDb()
    .select()
    .from(calendarBlocks)
    .where(and(eq(calendarBlocks.practiceId, practiceId), lt(calendarBlocks.startsAt, range.to), gt(calendarBlocks.endsAt, range.from)))
    .orderBy(asc(calendarBlocks.startsAt));
}
