import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { env } from "@/lib/env";
import { locationLine, meetingPlaceOf } from "@/lib/scheduling/meeting-place";
import { BOOKING_STATUSES, isCanceled } from "@/lib/scheduling/status";
import { now } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { bookings, clients, offerings, practices } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { buildCalendarFeed, type InviteEvent } from "./ics";
import { coachSessionUrl } from "./invite-event";

const PAST_DAYS = 30;

export function calendarFeedUrl(token: string) {
  return new URL(`/api/calendar/${token}.ics`, env().APP_URL).toString();
}

/**
 * The coach's private feed of sessions (the last 30 days and everything
 * ahead), for Google/Apple/Outlook to subscribe to. The token in the URL is
 * the only key, so it is long, random, and rotatable.
 */
export async function buildCalendarFeedForToken(token: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(token)) throw notFound("That calendar");
  const [practice] = await getDb().select().from(practices).where(eq(practices.calendarFeedToken, token));
  if (!practice) throw notFound("That calendar");
  const since = new Date(now().getTime() - PAST_DAYS * 86_400_000);
  const rows = await getDb()
    .select({ booking: bookings, offering: offerings, client: clients })
    .from(bookings)
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .where(
      and(
        eq(bookings.practiceId, practice.id),
        gte(bookings.endsAt, since),
        inArray(bookings.status, BOOKING_STATUSES.filter((s) => !isCanceled(s) && s !== "expired")),
      ),
    )
    .orderBy(asc(bookings.startsAt));
  const events: InviteEvent[] = rows.map(({ booking, offering, client }) => {
    const place = meetingPlaceOf(offering, booking);
    return {
      method: "REQUEST",
      uid: `${booking.id}@tend`,
      sequence: booking.sequence,
      stampIso: booking.updatedAt.toISOString(),
      startIso: booking.startsAt.toISOString(),
      endIso: booking.endsAt.toISOString(),
      // Titles carry the client's name; descriptions stay free of coaching content.
      summary: `${offering.name}: ${client.name}`,
      description: `${offering.name} with ${client.name} (${client.email}).\n${coachSessionUrl(booking.id)}`,
      location: locationLine(place),
      // A video call's join link is the event's button; the session page is in the description.
      url: (place.kind === "video" ? place.url : undefined) ?? coachSessionUrl(booking.id),
      organizer: { name: practice.name, email: practice.contactEmail },
      attendees: [{ name: client.name, email: client.email }],
    };
  });
  return buildCalendarFeed(`${practice.name} · Tend`, events);
}

/** A new feed URL; calendars subscribed to the old one stop updating. */
export async function rotateCalendarFeedToken(practiceId: string) {
  const token = crypto.randomBytes(32).toString("base64url");
  const [row] = await getDb()
    .update(practices)
    .set({ calendarFeedToken: token })
    .where(eq(practices.id, practiceId))
    .returning({ calendarFeedToken: practices.calendarFeedToken });
  if (!row) throw notFound("That practice");
  return row.calendarFeedToken;
}
