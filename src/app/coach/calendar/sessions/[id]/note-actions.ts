"use server";

import { coachAction } from "@/server/action";
import { saveSessionNote } from "@/server/notes/notes";
import { sessionNoteInput } from "@/server/notes/schemas";

// The autosave of a session note: scoped to the coach's practice (a foreign session is not found).
export const saveSessionNoteAction = coachAction(sessionNoteInput, (input, { practiceId, user }) => saveSessionNote(practiceId, user.id, input));
