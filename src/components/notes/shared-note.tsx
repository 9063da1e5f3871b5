import { Card } from "@/components/ui/card";

/** The note the coach shared on a session, on the client's session page in the portal. */
export function SharedNote({ body, updated }: { body: string; updated: string }) {
  return (
    <Card aria-labelledby="shared-note-heading" className="mt-6">
      <h2 id="shared-note-heading" className="font-serif text-lg font-semibold text-ink">
        Notes from your coach
      </h2>
      <p className="mt-1 text-xs text-muted">Updated {updated}</p>
      <div className="mt-3 whitespace-pre-wrap break-words text-sm text-ink">{body}</div>
    </Card>
  );
}
