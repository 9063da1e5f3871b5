import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { formatDuration } from "@/lib/time/format";
import { formatPrice } from "@/lib/format";
import { requireCoach } from "@/server/auth/guards";
import { listOfferings } from "@/server/offerings/offerings";
import { offeringFormatLabels, offeringKindLabels } from "@/lib/offerings";
import { OfferingToggle } from "../offering-toggle";

export const metadata: Metadata = { title: "Offerings" };

export default async function OfferingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { practice, practiceId } = await requireCoach();
  const [offerings, query] = await Promise.all([listOfferings(practiceId), searchParams]);
  const bookingPage = `/book/${practice.slug}`;

  return (
    <>
      <PageHeader
        title="Offerings"
        description={
          <>
            The kinds of sessions clients can book with you. Those switched on appear on{" "}
            <Link href={bookingPage} className="font-medium text-brand-700 underline underline-offset-4">
              your booking page
            </Link>
            .
          </>
        }
        actions={
          <Link href="/coach/offerings/new" className={buttonClass("primary")}>
            New offering
          </Link>
        }
      />

      {query.saved ? <Notice>Offering saved.</Notice> : null}
      {query.deleted ? <Notice>Offering deleted.</Notice> : null}

      {offerings.length === 0 ? (
        <EmptyState
          title="No offerings yet"
          action={
            <Link href="/coach/offerings/new" className={buttonClass("primary")}>
              Create your first offering
            </Link>
          }
        >
          An offering is a kind of session you run, such as a 60-minute relationship coaching session. Create one and it appears on
          your booking page.
        </EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Your offerings">
          {offerings.map((offering) => {
            const publicPath = `${bookingPage}/${offering.slug}`;
            return (
              <li key={offering.id} className="rounded-2xl border border-line bg-white p-5 shadow-sm sm:p-6">
                <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <h2 className="font-serif text-lg font-semibold text-ink">
                        <Link href={`/coach/offerings/${offering.id}`} className="hover:text-brand-700 hover:underline hover:underline-offset-4">
                          {offering.name}
                        </Link>
                      </h2>
                      {offering.active ? <Badge tone="brand">On booking page</Badge> : <Badge>Hidden</Badge>}
                    </div>
                    <dl className="mt-2 flex flex-wrap gap-x-2 gap-y-1 text-sm text-muted [&>div+div]:before:mr-2 [&>div+div]:before:text-muted/60 [&>div+div]:before:content-['·'_/_''] [&>div]:flex">
                      <div>
                        <dt className="sr-only">Kind</dt>
                        <dd>{offeringKindLabels[offering.kind]}</dd>
                      </div>
                      <div>
                        <dt className="sr-only">Length</dt>
                        <dd>{formatDuration(offering.durationMinutes)}</dd>
                      </div>
                      <div>
                        <dt className="sr-only">Price</dt>
                        <dd className="font-medium text-ink">{formatPrice(offering.priceCents, offering.currency)}</dd>
                      </div>
                      <div>
                        <dt className="sr-only">Format</dt>
                        <dd>
                          {offeringFormatLabels[offering.format]}
                          {offering.format === "video" ? (offering.videoLink === "automatic" ? " · a private room each session" : " · your own link") : ""}
                        </dd>
                      </div>
                    </dl>
                    {offering.active ? (
                      <p className="mt-2 truncate text-sm">
                        <span className="text-muted">Public link: </span>
                        <Link href={publicPath} className="text-brand-700 underline underline-offset-4">
                          {publicPath}
                        </Link>
                      </p>
                    ) : (
                      <p className="mt-2 text-sm text-muted">Hidden from your booking page.</p>
                    )}
                  </div>
                  <div className="flex shrink-0 flex-wrap gap-2">
                    <Link href={`/coach/offerings/${offering.id}`} className={buttonClass("secondary")} aria-label={`Edit ${offering.name}`}>
                      Edit
                    </Link>
                    <OfferingToggle id={offering.id} name={offering.name} active={offering.active} />
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
