import { NoteEditor } from "@/components/notes/note-editor";
import { Card } from "@/components/ui/card";
import { getSessionNotes } from "@/server/notes/notes";
import { saveSessionNoteAction } from "./note-actions";

/** The coach's notes on this session: a private one, and one the client (both partners) reads in the portal. */
export async function SessionNotesCard({ practiceId, bookingId, couple }: { practiceId: string; bookingId: string; couple: boolean }) {
  const notes = await getSessionNotes(practiceId, bookingId);
  return (
    <Card aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="font-serif text-lg font-semibold text-ink">
        Session notes
      </h2>
      <p className="mt-1 text-sm text-muted">Saved as you type, and encrypted at rest.</p>
      <div className="mt-4 space-y-5">
        <NoteEditor
          bookingId={bookingId}
          visibility="private"
          label="Private notes"
          hint="Only you can read these."
          initialBody={notes.private.body}
          saved={notes.private.savedAt !== null}
          save={saveSessionNoteAction}
        />
        <NoteEditor
          bookingId={bookingId}
          visibility="shared"
          label={couple ? "Shared with both partners" : "Shared with the client"}
          hint={couple ? "Both partners read this on their session page in the portal." : "Your client reads this on their session page in the portal."}
          initialBody={notes.shared.body}
          saved={notes.shared.savedAt !== null}
          save={saveSessionNoteAction}
        />
      </div>
    </Card>
  );
}
