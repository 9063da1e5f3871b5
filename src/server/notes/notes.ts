import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { NoteVisibility } from "@/lib/notes/visibility";
import { getDb } from "@/server/db/client";
import { bookings, offerings, sessionNotes } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { sessionNoteInput, type SessionNoteInput } from "./schemas";

const idSchema = z.uuid();

/** The session (of this practice) with its offering's note template, or not found. */
async function sessionOf(practiceId: string, bookingId: string) {
  if (!idSchema.safeParse(bookingId).success) throw notFound("That session");
  const [row] = await getDb()
    .select({ id: bookings.id, noteTemplate: offerings.noteTemplate })
    .from(bookings)
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(and(eq(bookings.practiceId, practiceId), eq(bookings.id, bookingId)));
  if (!row) throw notFound("That session");
  return row;
}

/**
 * Saves the coach's private or shared note on a session (creating it on the first save; the
 * autosave calls this as the coach types). Returns when it was saved.
 */
export async function saveSessionNote(practiceId: string, coachId: string | null, input: SessionNoteInput) {
  const v = parseInput(sessionNoteInput, input);
  const session = await sessionOf(practiceId, v.bookingId);
  const [row] = await getDb()
    .insert(sessionNotes)
    .values({ practiceId, bookingId: session.id, visibility: v.visibility, body: v.body, updatedBy: coachId })
    .onConflictDoUpdate({
      target: [sessionNotes.bookingId, sessionNotes.visibility],
      set: { body: v.body, updatedBy: coachId, updatedAt: new Date() },
    })
    .returning({ updatedAt: sessionNotes.updatedAt });
  return { savedAt: row!.updatedAt };
}

export type SessionNoteDraft = { body: string; savedAt: Date | null };

/**
 * The coach's two notes on a session, for the editor: a note not written yet starts as the
 * offering's template (and is saved only once the coach changes it).
 */
export async function getSessionNotes(practiceId: string, bookingId: string): Promise<Record<NoteVisibility, SessionNoteDraft>> {
  const session = await sessionOf(practiceId, bookingId);
  const rows = await getDb()
    .select({ visibility: sessionNotes.visibility, body: sessionNotes.body, updatedAt: sessionNotes.updatedAt })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.practiceId, practiceId), eq(sessionNotes.bookingId, session.id)));
  const draft = (visibility: NoteVisibility): SessionNoteDraft => {
    const row = rows.find((r) => r.visibility === visibility);
    return row ? { body: row.body, savedAt: row.updatedAt } : { body: session.noteTemplate, savedAt: null };
  };
  return { private: draft("private"), shared: draft("shared") };
}
