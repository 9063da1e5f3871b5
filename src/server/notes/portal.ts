import "server-only";
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { bookings, sessionNotes } from "@/server/db/schema";
import { notFound } from "@/server/errors";

const idSchema = z.uuid();

/**
 * The note the coach shared on a session, for the signed-in client: the booking must be theirs
 * (as the client or the partner of a couple). Only the shared note is ever selected, so a
 * private note can't reach the portal. Null when nothing (or only blank text) was shared.
 */
export async function getSharedSessionNote(scope: { practiceId: string; clientId: string }, bookingId: string) {
  if (!idSchema.safeParse(bookingId).success) throw notFound("That session");
  const [row] = await getDb()
    .select({ bookingId: bookings.id, body: sessionNotes.body, updatedAt: sessionNotes.updatedAt })
    .from(bookings)
    .leftJoin(sessionNotes, and(eq(sessionNotes.bookingId, bookings.id), eq(sessionNotes.practiceId, scope.practiceId), eq(sessionNotes.visibility, "shared")))
    .where(
      and(
        eq(bookings.practiceId, scope.practiceId),
        eq(bookings.id, bookingId),
        or(eq(bookings.clientId, scope.clientId), eq(bookings.partnerClientId, scope.clientId)),
      ),
    );
  if (!row) throw notFound("That session");
  if (row.body === null || row.updatedAt === null || !row.body.trim()) return null;
  return { body: row.body, updatedAt: row.updatedAt };
}

/**
 * The signed-in client's sessions (theirs or as a partner) that carry a shared note with text,
 * for the portal's list. Only shared notes are read, as above.
 */
export async function listSessionsWithSharedNotes(scope: { practiceId: string; clientId: string }): Promise<Set<string>> {
  const rows = await getDb()
    .select({ bookingId: bookings.id, body: sessionNotes.body })
    .from(bookings)
    .innerJoin(sessionNotes, and(eq(sessionNotes.bookingId, bookings.id), eq(sessionNotes.practiceId, scope.practiceId), eq(sessionNotes.visibility, "shared")))
    .where(and(eq(bookings.practiceId, scope.practiceId), or(eq(bookings.clientId, scope.clientId), eq(bookings.partnerClientId, scope.clientId))));
  return new Set(rows.filter((r) => r.body.trim()).map((r) => r.bookingId));
}
