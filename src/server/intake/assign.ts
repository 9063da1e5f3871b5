import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, clients, intakeResponses, offerings, practices } from "@/server/db/schema";
import { env } from "@/lib/env";
import { notFound } from "@/server/errors";
import { enqueueEmail } from "@/server/notifications/outbox";
import { parseInput } from "@/server/validate";
import { latestVersion } from "./questionnaires";

type Booking = typeof bookings.$inferSelect;
type Offering = typeof offerings.$inferSelect;
type Practice = typeof practices.$inferSelect;
type Client = typeof clients.$inferSelect;

const HOUR = 3_600_000;
/** "Not finished 72 h and 24 h before the first session → a reminder." */
const REMINDERS = [72, 24] as const;

/** Where a client answers their intakes (signed in; each sees only their own). */
export const portalIntakeUrl = (responseId?: string) => new URL(responseId ? `/portal/intake/${responseId}` : "/portal/intake", env().APP_URL).toString();

/**
 * The first booking of a client for an offering assigns the offering's
 * intake: one copy for the booker and one for the partner, each their own.
 * Runs inside the booking's transaction; a later booking of the same offering
 * finds the copy already there (unique per client and offering) and adds none.
 * Reminders go out 72 h and 24 h before the session unless submitted first.
 */
export async function assignIntakeForBooking(
  tx: DbOrTx,
  args: { booking: Booking; offering: Offering; practice: Practice; people: Client[]; now: Date },
) {
  const { booking, offering, practice, people, now } = args;
  if (!offering.intakeQuestionnaireId) return [];
  const { version } = await latestVersion(tx, practice.id, offering.intakeQuestionnaireId);
  const assigned = [];
  for (const client of people) {
    const [row] = await tx
      .insert(intakeResponses)
      .values({
        practiceId: practice.id,
        clientId: client.id,
        questionnaireId: version.questionnaireId,
        versionId: version.id,
        offeringId: offering.id,
        bookingId: booking.id,
        answers: {},
      })
      .onConflictDoNothing({ target: [intakeResponses.clientId, intakeResponses.offeringId] })
      .returning();
    if (!row) continue;
    assigned.push(row);
    const email = client.id === booking.partnerClientId ? (booking.partnerEmail ?? client.email) : booking.bookerEmail;
    const name = client.id === booking.partnerClientId ? (booking.partnerName ?? client.name) : booking.bookerName;
    for (const hours of REMINDERS) {
      const sendAfter = new Date(booking.startsAt.getTime() - hours * HOUR);
      if (sendAfter <= now) continue;
      await enqueueEmail(tx, {
        practiceId: practice.id,
        to: email,
        template: "intake-reminder",
        data: {
          recipientName: name,
          practiceName: practice.name,
          offeringName: offering.name,
          startIso: booking.startsAt.toISOString(),
          timeZone: booking.clientTimeZone,
          hoursBefore: hours,
          intakeUrl: portalIntakeUrl(row.id),
        },
        sendAfter,
        topic: `intake:${row.id}`,
        idempotencyKey: `intake:${row.id}:reminder-${hours}h`,
      });
    }
  }
  return assigned;
}

const assignInput = z.object({ clientId: z.uuid(), questionnaireId: z.uuid() });

/** The coach hands a client any of the practice's questionnaires, whatever they booked. */
export async function assignQuestionnaire(practiceId: string, input: { clientId: string; questionnaireId: string }) {
  const values = parseInput(assignInput, input);
  return getDb().transaction(async (tx) => {
    const [client] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.practiceId, practiceId), eq(clients.id, values.clientId)));
    if (!client) throw notFound("That client");
    const { version } = await latestVersion(tx, practiceId, values.questionnaireId);
    const [row] = await tx
      .insert(intakeResponses)
      .values({ practiceId, clientId: client.id, questionnaireId: version.questionnaireId, versionId: version.id, answers: {} })
      .returning();
    return row!;
  });
}
