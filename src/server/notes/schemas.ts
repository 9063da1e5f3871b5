import "server-only";
import { z } from "zod";
import { NOTE_MAX_LENGTH, NOTE_VISIBILITIES } from "@/lib/notes/visibility";

/**
 * One session note as the domain takes it, and as the autosave posts it (every field is text, so
 * the form schema and the domain's are one). The text is kept as typed (autosave sends it while
 * the coach writes, so trimming would eat the space they just typed); only its length is checked.
 */
export const sessionNoteInput = z.object({
  bookingId: z.string({ error: "Which session is this note for?" }),
  visibility: z.enum(NOTE_VISIBILITIES, { error: "Choose who can read this note." }),
  body: z.string({ error: "Write the note." }).max(NOTE_MAX_LENGTH, `Keep the note under ${NOTE_MAX_LENGTH.toLocaleString("en")} characters.`),
});
export type SessionNoteInput = z.input<typeof sessionNoteInput>;
