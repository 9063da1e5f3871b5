import "server-only";
import { and, asc, eq, gte, inArray, lt, or } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { bookings, clients, offerings, practices } from "@/server/db/schema";
import { notFound } from "@/server/errors";

// Reading bookings: what the coach's calendar, the client's pages and every booking change start
// from. The changes themselves are in bookings.ts.

type Booking = typeof bookings.$inferSelect;

/** Who may touch a booking: the practice (coach), or one client of it (portal or manage link). */
export type BookingScope = { practiceId: string; clientId?: string };

const idSchema = z.uuid();

/** A booking with what every screen and email about it needs; a foreign id is "not found". */
export async function getBookingDetails(scope: BookingScope, bookingId: string) {
  if (!idSchema.safeParse(bookingId).success) throw notFound("That booking");
  // A client scope narrows whenever it is given (an empty or malformed id narrows to nobody),
  // never widening to the whole practice.
  if (scope.clientId !== undefined && !idSchema.safeParse(scope.clientId).success) throw notFound("That booking");
  const filters = [eq(bookings.practiceId, scope.practiceId), eq(bookings.id, bookingId)];
  if (scope.clientId !== undefined) filters.push(or(eq(bookings.clientId, scope.clientId), eq(bookings.partnerClientId, scope.clientId))!);
  const [row] = await getDb()
    .select({ booking: bookings, practice: practices, offering: offerings, client: clients })
    .from(bookings)
    .innerJoin(practices, eq(practices.id, bookings.practiceId))
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .where(and(...filters));
  if (!row) throw notFound("That booking");
  const partner = row.booking.partnerClientId
    ? ((await getDb().select().from(clients).where(eq(clients.id, row.booking.partnerClientId)))[0] ?? null)
    : null;
  return { ...row, partner };
}

/** The coach's calendar: sessions overlapping [from, to), any status, oldest first. */
export async function listBookings(practiceId: string, range: { from: Date; to: Date }, options: { statuses?: Booking["status"][] } = {}) {
  const filters = [eq(bookings.practiceId, practiceId), lt(bookings.startsAt, range.to), gte(bookings.endsAt, range.from)];
  if (options.statuses?.length) filters.push(inArray(bookings.status, options.statuses));
  return getDb()
    .select({ booking: bookings, offering: offerings, client: clients })
    .from(bookings)
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .where(and(...filters))
    .orderBy(asc(bookings.startsAt));
}

/** A client's own sessions (as booker or partner), newest last. */
export async function listClientBookings(practiceId: string, clientId: string) {
  return getDb()
    .select({ booking: bookings, offering: offerings })
    .from(bookings)
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(and(eq(bookings.practiceId, practiceId), or(eq(bookings.clientId, clientId), eq(bookings.partnerClientId, clientId))))
    .orderBy(asc(bookings.startsAt));
}
