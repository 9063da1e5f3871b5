import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/server/db/client";
import { bookings, clients, intakeResponses, offerings, practices } from "@/server/db/schema";
import { env } from "@/lib/env";
import { notFound } from "@/server/errors";
import { enqueueEmail, withdrawPendingEmails } from "@/server/notifications/outbox";
import { parseInput } from "@/server/validate";
import { holdsTime } from "@/lib/scheduling/status";
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
    await enqueueIntakeReminders(tx, { responseId: row.id, clientId: client.id, booking, practice, offering, now });
  }
  return assigned;
}

type ReminderArgs = { booking: Booking; offering: Offering; practice: Practice; now: Date };

/** The 72 h and 24 h reminders for one response, at the booker's or partner's address, on the booking's current time. */
async function enqueueIntakeReminders(tx: DbOrTx, args: ReminderArgs & { responseId: string; clientId: string }) {
  const { booking, practice, offering, now, responseId } = args;
  const partner = args.clientId === booking.partnerClientId;
  const to = partner ? booking.partnerEmail : booking.bookerEmail;
  const name = partner ? booking.partnerName : booking.bookerName;
  if (!to || !name) return;
  for (const hours of REMINDERS) {
    const sendAfter = new Date(booking.startsAt.getTime() - hours * HOUR);
    if (sendAfter <= now) continue;
    await enqueueEmail(tx, {
      practiceId: practice.id,
      to,
      template: "intake-reminder",
      data: {
        recipientName: name,
        practiceName: practice.name,
        offeringName: offering.name,
        startIso: booking.startsAt.toISOString(),
        timeZone: booking.clientTimeZone,
        hoursBefore: hours,
        intakeUrl: portalIntakeUrl(responseId),
      },
      sendAfter,
      topic: `intake:${responseId}`,
      // A moved session writes new reminders (a higher sequence), never reuses the withdrawn ones.
      idempotencyKey: `intake:${responseId}:v${booking.sequence}:reminder-${hours}h`,
    });
  }
}

/**
 * After the booking that assigned an intake moves or is canceled: its pending
 * reminders are withdrawn and, while the session still holds time and the
 * intake isn't submitted, written again for the new time.
 */
export async function syncIntakeReminders(tx: DbOrTx, args: ReminderArgs) {
  const open = await tx
    .select({ id: intakeResponses.id, clientId: intakeResponses.clientId })
    .from(intakeResponses)
    .where(and(eq(intakeResponses.bookingId, args.booking.id), ne(intakeResponses.status, "submitted")));
  for (const response of open) {
    await withdrawPendingEmails(tx, `intake:${response.id}`, "intake-reminder");
    if (holdsTime(args.booking.status)) await enqueueIntakeReminders(tx, { ...args, responseId: response.id, clientId: response.clientId });
  }
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
