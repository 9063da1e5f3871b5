import "server-only";
import type { OfferingFormat } from "@/lib/offerings";
import type { DbOrTx } from "@/server/db/client";
import type { bookings, clients, offerings, practices } from "@/server/db/schema";
import { sealValue } from "@/server/crypto/sealed";
import { portalIntakeUrl } from "@/server/intake/assign";
import { enqueueEmails, withdrawPendingEmails, type OutboxMessage } from "@/server/notifications/outbox";
import { bookedAsDifferences, describeBookedAs } from "./booked-as";
import { buildInvite, type InviteEvent } from "./ics";
import { coachSessionUrl, inviteEventFor, type InviteAudience } from "./invite-event";
import { manageUrlFor } from "./manage-token";
import { meetingPlaceOf, type MeetingPlace } from "@/lib/scheduling/meeting-place";
import { graceEndsAt, lateBooking, type Actor } from "@/lib/scheduling/policy";
import { holdsTime } from "@/lib/scheduling/status";

type Booking = typeof bookings.$inferSelect;
type Client = typeof clients.$inferSelect;

/**
 * What happened: a booking, a move, a cancel, new manage links after the coach
 * revoked the old ones, or a new meeting place for the session (the coach gave
 * it another video link, or cleared it).
 */
type BookingEvent = "confirmed" | "rescheduled" | "canceled" | "new-link" | "place-changed";

/**
 * What every booking email template receives (see emails/booking-*.tsx).
 * Instants are ISO strings; `timeZone` is the recipient's, so each person
 * reads the time on their own clock. `invite` is the calendar file attached
 * to the message, rendered here so a retried send carries the same bytes.
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
  format: OfferingFormat;
  location: string | null;
  manageUrl: string | null;
  coachEmail: string;
  note: string | null;
  late: boolean;
  canceledBy: Actor | null;
  rescheduledBy: Actor | null;
  reason: string | null;
  reminder: "24h" | "1h" | null;
  invite: { method: InviteEvent["method"]; ics: string } | null;
  /** Coach only: where what the booker typed differs from the client records, one sentence per person. */
  bookedAs?: string[];
  intakeUrl?: string | null;
  /** Client's confirmation of a time booked inside the policy's windows (see lateBookingFacts). */
  lateBooking?: { windowHours: number; lateCancel: boolean; noOnlineReschedule: boolean; undoUntilIso: string | null } | null;
};

/**
 * The place as the email templates read it (`format`, `location`): the join
 * link, the address, or the number to call; a canceled session's carries no link.
 */
function emailPlace(place: MeetingPlace): Pick<BookingEmailData, "format" | "location"> {
  return { format: place.kind, location: place.url?.startsWith("tel:") ? (place.details ?? null) : (place.url ?? place.address ?? place.details ?? null) };
}

/**
 * For the confirmation of a time that was already inside the cancellation or reschedule window
 * when it was booked: which rules bite, and until when the grace period still lets it be undone.
 */
function lateBookingFacts(booking: Booking, now: Date): BookingEmailData["lateBooking"] {
  const late = lateBooking(booking.startsAt, booking.createdAt, booking.policy);
  if (!late) return null;
  const undoUntil = graceEndsAt({ bookedAt: booking.createdAt, policy: booking.policy });
  return { ...late, undoUntilIso: undoUntil && undoUntil > now ? undoUntil.toISOString() : null };
}

/** The people attending, at the addresses the booking gives, as "booker" and "partner" (whose manage links differ). */
function attendeesOf(booking: Booking) {
  return [
    { recipient: "booker" as const, to: booking.bookerEmail, name: booking.bookerName },
    ...(booking.partnerEmail && booking.partnerName ? [{ recipient: "partner" as const, to: booking.partnerEmail, name: booking.partnerName }] : []),
  ];
}

/**
 * Who hears of a new meeting place: booker and partner of a confirmed session
 * that hasn't ended (someone joining late needs the new room too). A session
 * awaiting payment has sent no invite yet (its confirmation will carry the
 * place), and the coach made the change.
 */
export function placeChangeRecipients(booking: Booking, now: Date) {
  return booking.status === "confirmed" && booking.endsAt > now ? attendeesOf(booking) : [];
}

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
 * to the booker (and partner) at the addresses they gave, each with their own
 * manage link and invite, and to the coach; on confirm and reschedule the
 * 24 h and 1 h reminders (only those still in the future); on reschedule and
 * cancel the old reminders are withdrawn. "new-link" goes to the booker and
 * partner only, and rewrites their pending reminders with the new links;
 * "place-changed" tells booker and partner of a confirmed session that hasn't
 * ended where it now meets, with the updated invite (placeChangeRecipients),
 * and rewrites the pending reminders. Each change bumps the booking's
 * SEQUENCE first, so each gets its own idempotency keys.
 *
 * Booker and partner see only what the booker typed (kept on the booking);
 * the coach's copy names the client records and says where they differ.
 */
export async function enqueueBookingEmails(tx: DbOrTx, args: Args) {
  const { event, booking, practice, offering, client, partner, now } = args;
  const topic = `booking:${booking.id}`;
  if (event !== "confirmed") await withdrawPendingEmails(tx, topic, "booking-reminder");

  const inviteMethod = event === "canceled" ? "CANCEL" : "REQUEST";
  const holding = holdsTime(booking.status);
  /** The reader's own invite, rendered here so a retried send carries the same bytes. */
  const inviteFor = (audience: InviteAudience) => {
    if (event === "new-link" && !holding) return null;
    const calendarEvent = inviteEventFor({ booking, practice, offering }, audience, inviteMethod);
    return { method: calendarEvent.method, ics: buildInvite(calendarEvent) };
  };
  const base = {
    practiceName: practice.name,
    offeringName: offering.name,
    clientName: booking.bookerName,
    partnerName: booking.partnerName,
    startIso: booking.startsAt.toISOString(),
    endIso: booking.endsAt.toISOString(),
    previousStartIso: args.previousStart?.toISOString() ?? null,
    ...emailPlace(meetingPlaceOf(offering, booking)),
    coachEmail: practice.contactEmail,
    // Sealed in the outbox too (opened by the dispatcher to render): it sits there after sending.
    note: booking.note === null ? null : sealValue(booking.note),
    late: booking.status === "late_canceled",
    canceledBy: event === "canceled" ? (args.actor ?? "client") : null,
    rescheduledBy: event === "rescheduled" ? (args.actor ?? "client") : null,
    reason: booking.cancelReason,
    reminder: null,
  };
  const toAttendees: { to: string; data: BookingEmailData }[] = attendeesOf(booking).map(({ recipient, to, name }) => ({
    to,
    data: {
      ...base,
      audience: "client",
      recipientName: name,
      timeZone: booking.clientTimeZone,
      manageUrl: manageUrlFor(booking, recipient),
      invite: inviteFor(recipient),
      // The portal lists each person's own intake; the link is the same for both partners.
      intakeUrl: event === "confirmed" && offering.intakeQuestionnaireId ? portalIntakeUrl() : null,
      lateBooking: event === "confirmed" ? lateBookingFacts(booking, now) : null,
    },
  }));
  const toCoach: { to: string; data: BookingEmailData } = {
    to: practice.contactEmail,
    data: {
      ...base,
      audience: "coach",
      // The coach knows people by their records; where the booking says otherwise, the email says so.
      clientName: client.name,
      partnerName: partner?.name ?? booking.partnerName,
      recipientName: practice.name,
      timeZone: practice.timeZone,
      manageUrl: coachSessionUrl(booking.id),
      invite: inviteFor("coach"),
      bookedAs: bookedAsDifferences(booking, client, partner).map(describeBookedAs),
    },
  };
  const placeNews = event === "place-changed" && placeChangeRecipients(booking, now).length > 0;
  const recipients = event === "place-changed" ? (placeNews ? toAttendees : []) : event === "new-link" ? toAttendees : [...toAttendees, toCoach];

  // One insert for all of them: the confirmations (or updates), then the reminders still ahead.
  const messages: OutboxMessage[] = recipients.map(({ to, data }) => ({
    practiceId: practice.id,
    to,
    template: `booking-${event}`,
    data,
    topic,
    idempotencyKey: `${topic}:v${booking.sequence}:${event}:${to.toLowerCase()}`,
  }));
  if (holding) {
    // Reminders go to the people attending, not the coach, each on their own clock.
    for (const { to, data } of toAttendees) {
      for (const reminder of REMINDERS) {
        const sendAfter = new Date(booking.startsAt.getTime() - reminder.beforeMs);
        // A reminder whose moment has passed at booking time would only confuse.
        if (sendAfter.getTime() <= now.getTime()) continue;
        messages.push({
          practiceId: practice.id,
          to,
          template: "booking-reminder",
          data: { ...data, reminder: reminder.key, invite: null, lateBooking: null },
          sendAfter,
          topic,
          idempotencyKey: `${topic}:v${booking.sequence}:reminder-${reminder.key}:${to.toLowerCase()}`,
        });
      }
    }
  }
  await enqueueEmails(tx, messages);
}
