import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { SproutIcon } from "@/components/site/wordmark";

/**
 * The page a section shows before it is built: it says plainly that it is
 * coming and what it will do, so nobody wonders whether something broke.
 */
export function ComingSoon({
  title,
  summary,
  points,
  back,
}: {
  title: string;
  summary: string;
  points: string[];
  back?: { href: string; label: string };
}) {
  return (
    <>
      <PageHeader title={title} />
      <section aria-labelledby="coming-soon-heading" className="max-w-2xl rounded-2xl border border-line bg-white p-6 shadow-sm sm:p-8">
        <div className="flex items-center gap-2 text-brand-700">
          <SproutIcon className="h-5 w-5" />
          <h2 id="coming-soon-heading" className="text-sm font-semibold uppercase tracking-wide">
            Coming soon
          </h2>
        </div>
        <p className="mt-3 text-base text-ink">{summary}</p>
        <ul className="mt-4 space-y-2 text-sm text-muted">
          {points.map((point) => (
            <li key={point} className="flex gap-2">
              <span aria-hidden="true" className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-brand-600/60" />
              <span>{point}</span>
            </li>
          ))}
        </ul>
        {back ? (
          <p className="mt-6 text-sm">
            <Link href={back.href} className="font-medium text-brand-700 underline-offset-4 hover:underline">
              {back.label}
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
