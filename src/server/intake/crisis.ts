import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { env } from "@/lib/env";
import { getDb, type DbOrTx } from "@/server/db/client";
import { clients, crisisAlerts, practices, questionnaires } from "@/server/db/schema";
import { now } from "@/server/clock";
import { notFound, notFoundUnlessId } from "@/server/errors";
import { enqueueEmail } from "@/server/notifications/outbox";

/**
 * A safety answer said someone may be in danger: records one alert per
 * response (however often the answer is saved) and, the first time, writes
 * the coach an urgent email, in the transaction that saved the answer.
 */
export async function raiseCrisisAlert(tx: DbOrTx, response: { id: string; practiceId: string; clientId: string; questionnaireId: string }) {
  const [alert] = await tx
    .insert(crisisAlerts)
    .values({ practiceId: response.practiceId, responseId: response.id, clientId: response.clientId, raisedAt: now() })
    .onConflictDoNothing({ target: crisisAlerts.responseId })
    .returning();
  if (!alert) return null;
  const [row] = await tx
    .select({ practice: practices, clientName: clients.name, questionnaireName: questionnaires.name })
    .from(practices)
    .innerJoin(clients, eq(clients.id, response.clientId))
    .innerJoin(questionnaires, eq(questionnaires.id, response.questionnaireId))
    .where(eq(practices.id, response.practiceId));
  await enqueueEmail(tx, {
    practiceId: response.practiceId,
    to: row!.practice.contactEmail,
    template: "crisis-alert",
    data: {
      practiceName: row!.practice.name,
      clientName: row!.clientName,
      questionnaireName: row!.questionnaireName,
      clientUrl: new URL(`/coach/clients/${response.clientId}`, env().APP_URL).toString(),
    },
    // Claimed ahead of every other waiting message (the outbox's most urgent priority).
    priority: "urgent",
    topic: `crisis:${alert.id}`,
    idempotencyKey: `crisis:${response.id}`,
  });
  return alert;
}

/** Alerts the coach hasn't acknowledged yet: a banner on every dashboard page. */
export async function listOpenCrisisAlerts(practiceId: string) {
  return getDb()
    .select({ id: crisisAlerts.id, clientId: crisisAlerts.clientId, clientName: clients.name, raisedAt: crisisAlerts.raisedAt })
    .from(crisisAlerts)
    .innerJoin(clients, eq(clients.id, crisisAlerts.clientId))
    .where(and(eq(crisisAlerts.practiceId, practiceId), isNull(crisisAlerts.acknowledgedAt)))
    .orderBy(asc(crisisAlerts.raisedAt));
}

/** The coach has seen it; who and when are kept. Acknowledging twice keeps the first. */
export async function acknowledgeCrisisAlert(practiceId: string, alertId: string, userId: string) {
  notFoundUnlessId(alertId, "That alert");
  const [alert] = await getDb()
    .select()
    .from(crisisAlerts)
    .where(and(eq(crisisAlerts.practiceId, practiceId), eq(crisisAlerts.id, alertId)));
  if (!alert) throw notFound("That alert");
  if (alert.acknowledgedAt) return alert;
  const [row] = await getDb()
    .update(crisisAlerts)
    .set({ acknowledgedAt: now(), acknowledgedBy: userId })
    .where(and(eq(crisisAlerts.id, alertId), isNull(crisisAlerts.acknowledgedAt)))
    .returning();
  return row ?? alert;
}
