import "server-only";
import { env } from "@/lib/env";
import type { DbOrTx } from "@/server/db/client";
import type { bookings, clients, offerings, practices } from "@/server/db/schema";
import { enqueueEmail, withdrawPendingEmails } from "@/server/notifications/outbox";
import { manageUrlFor } from "./manage-token";
import type { InviteEvent } from "./ics";
import { inviteEventFor } from "./invite-event";
import type { Actor } from "./policy";

type Booking = typeof bookings.$inferSelect;
type Client = typeof clients.$inferSelect;

export type BookingEvent = "confirmed" | "rescheduled" | "canceled";

/**
 * What every booking email template receives (see emails/booking-*.tsx).
 * Instants are ISO strings; `timeZone` is the recipient's, so each person
 * reads the time on their own clock. `ics` describes the calendar invite
 * attached to the message.
 */
export type BookingEmailData = {
  audience: "client" | "coach";
  recipientName: string;
  practiceName: string;
  offeringName: string;
  clientName: string;
  partnerName: string | null;
  startIso: string;
  endIso: string;
  timeZone: string;
  previousStartIso: string | null;
  format: "video" | "phone" | "in_person";
  location: string | null;
  manageUrl: string | null;
  coachEmail: string;
  note: string | null;
  late: boolean;
  canceledBy: Actor | null;
  rescheduledBy: Actor | null;
  reason: string | null;
  reminder: "24h" | "1h" | null;
  ics: InviteEvent | null;
};

const REMINDERS = [
  { key: "24h" as const, beforeMs: 24 * 3_600_000 },
  { key: "1h" as const, beforeMs: 3_600_000 },
];

type Args = {
  event: BookingEvent;
  booking: Booking;
  practice: typeof practices.$inferSelect;
  offering: typeof offerings.$inferSelect;
  client: Client;
  partner: Client | null;
  previousStart?: Date;
  actor?: Actor;
  now: Date;
};

/**
 * Writes the emails a booking change causes, in the caller's transaction:
 * to the client (and partner) and the coach, each with an invite; on
 * confirm and reschedule the 24 h and 1 h reminders (only those still in
 * the future); on reschedule and cancel the old reminders are withdrawn.
 */
export async function enqueueBookingEmails(tx: DbOrTx, args: Args) {
  const { event, booking, practice, offering, client, partner, now } = args;
  const topic = `booking:${booking.id}`;
  if (event !== "confirmed") await withdrawPendingEmails(tx, topic, "booking-reminder");

  const manageUrl = manageUrlFor(booking.id);
  const ics = inviteEventFor({ booking, practice, offering, client, partner }, event === "canceled" ? "CANCEL" : "REQUEST");
  const base = {
    practiceName: practice.name,
    offeringName: offering.name,
    clientName: client.name,
    partnerName: partner?.name ?? null,
    startIso: booking.startsAt.toISOString(),
    endIso: booking.endsAt.toISOString(),
    previousStartIso: args.previousStart?.toISOString() ?? null,
    format: offering.format,
    location: offering.location,
    coachEmail: practice.contactEmail,
    note: booking.note,
    late: booking.status === "late_canceled",
    canceledBy: event === "canceled" ? (args.actor ?? "client") : null,
    rescheduledBy: event === "rescheduled" ? (args.actor ?? "client") : null,
    reason: booking.cancelReason,
  };
  const recipients: { to: string; data: BookingEmailData }[] = [
    ...[client, partner]
      .filter((c): c is Client => !!c)
      .map((c) => ({
        to: c.email,
        data: { ...base, audience: "client" as const, recipientName: c.name, timeZone: booking.clientTimeZone, manageUrl, reminder: null, ics },
      })),
    {
      to: practice.contactEmail,
      data: {
        ...base,
        audience: "coach" as const,
        recipientName: practice.name,
        timeZone: practice.timeZone,
        manageUrl: new URL(`/coach/calendar?booking=${booking.id}`, env().APP_URL).toString(),
        reminder: null,
        ics,
      },
    },
  ];

  for (const { to, data } of recipients) {
    await enqueueEmail(tx, {
      practiceId: practice.id,
      to,
      template: `booking-${event}`,
      data,
      topic,
      idempotencyKey: `${topic}:v${booking.sequence}:${event}:${to.toLowerCase()}`,
    });
  }

  if (event === "canceled") return;
  // Reminders go to the people attending, not the coach, each on their own clock.
  for (const { to, data } of recipients.filter((r) => r.data.audience === "client")) {
    for (const reminder of REMINDERS) {
      const sendAfter = new Date(booking.startsAt.getTime() - reminder.beforeMs);
      // A reminder whose moment has passed at booking time would only confuse.
      if (sendAfter.getTime() <= now.getTime()) continue;
      await enqueueEmail(tx, {
        practiceId: practice.id,
        to,
        template: "booking-reminder",
        data: { ...data, reminder: reminder.key, ics: null },
        sendAfter,
        topic,
        idempotencyKey: `${topic}:v${booking.sequence}:reminder-${reminder.key}:${to.toLowerCase()}`,
      });
    }
  }
}
