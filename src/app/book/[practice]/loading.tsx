import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <div className="mx-auto max-w-4xl px-4 py-12 sm:px-6">
      <PageSkeleton label="Loading sessions…" rows={2} />
    </div>
  );
}
