/** One line of the session's details: a term and its value. */
export function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-3 first:pt-0 last:pb-0 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-4">
      <dt className="font-medium text-muted">{term}</dt>
      <dd className="text-ink">{children}</dd>
    </div>
  );
}
