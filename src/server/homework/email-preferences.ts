import "server-only";
import { and, eq } from "drizzle-orm";
import type { HomeworkEmailPreference } from "@/lib/homework/reminders";
import { getDb } from "@/server/db/client";
import { clients } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { emailPreferencesInput } from "./schemas";

/** The signed-in client chooses their homework email: daily, weekly or off. */
export async function setHomeworkEmail(scope: { practiceId: string; clientId: string }, homeworkEmail: HomeworkEmailPreference) {
  const input = parseInput(emailPreferencesInput, { homeworkEmail });
  const updated = await getDb()
    .update(clients)
    .set({ homeworkEmail: input.homeworkEmail })
    .where(and(eq(clients.practiceId, scope.practiceId), eq(clients.id, scope.clientId)))
    .returning({ homeworkEmail: clients.homeworkEmail });
  if (!updated.length) throw notFound("That client");
  return updated[0]!;
}
