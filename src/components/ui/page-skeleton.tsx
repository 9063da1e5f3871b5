/**
 * What a page shows while its data loads: the shape of what is coming,
 * announced once to screen readers.
 */
function PageSkeleton({ label = "Loading…", rows = 3 }: { label?: string; rows?: number }) {
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

/*
 * For loading.tsx files (`export { ListLoading as default } from "@/components/ui/page-skeleton"`).
 * They sit beside list pages only, never above a page that can be "not found":
 * a loading boundary starts the response (status 200) before the page has
 * run, so a foreign or malformed id beneath one could never answer 404.
 * Lists put theirs in a route group of their own, e.g. coach/clients/(list)/.
 */
export const ListLoading = () => <PageSkeleton />;
export const PortalListLoading = () => <PageSkeleton rows={2} />;
