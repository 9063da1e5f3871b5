/**
 * What a page shows while its data loads: the shape of what is coming,
 * announced once to screen readers.
 */
export function PageSkeleton({ label = "Loading…", rows = 3 }: { label?: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true">
        <div className="h-8 w-56 rounded-lg bg-line/70" />
        <div className="mt-3 h-4 w-80 max-w-full rounded bg-line/50" />
        <div className="mt-8 space-y-4">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="h-24 rounded-2xl border border-line bg-white" />
          ))}
        </div>
      </div>
    </div>
  );
}
