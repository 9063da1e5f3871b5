import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button-class";
import { PublicPage } from "@/components/site/public-page";
import { formatDuration } from "@/lib/time/format";
import { formatPrice } from "@/lib/format";
import { offeringFormatLabels, offeringKindLabels } from "@/lib/offerings";
import { PageNote, PracticeProfileHeader } from "@/components/booking/practice-profile";
import { activeOfferings, practiceBySlug, practiceProfile } from "./data";
import { bookingPageMetadata, summary } from "./metadata";

type Props = { params: Promise<{ practice: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const practice = await practiceBySlug((await params).practice);
  if (!practice) return { title: "Practice not found" };
  const profile = await practiceProfile(practice.id, practice.slug);
  return bookingPageMetadata({
    title: `Book a session with ${practice.name}`,
    description: summary(profile.bio, 200) || `Sessions offered by ${practice.name}.`,
    path: `/book/${practice.slug}`,
    image: { url: profile.ogImageUrl, alt: `Book a session with ${practice.name}` },
  });
}

export default async function PracticeBookingPage({ params }: Props) {
  const practice = await practiceBySlug((await params).practice);
  if (!practice) notFound();
  const [offerings, profile] = await Promise.all([activeOfferings(practice.id), practiceProfile(practice.id, practice.slug)]);
  const home = `/book/${practice.slug}`;

  return (
    <PublicPage header={false}>
      <div className="mb-8 pt-2 sm:mb-10 sm:pt-6">
        <PracticeProfileHeader name={practice.name} profile={profile}>
          <p className="max-w-2xl text-muted">
            Choose the kind of session that fits where you are. Questions first? Write to{" "}
            <a href={`mailto:${practice.contactEmail}`} className="text-brand-700 underline underline-offset-4">
              {practice.contactEmail}
            </a>
            .
          </p>
        </PracticeProfileHeader>
      </div>
      <PageNote note={profile.pageNote} />

      {offerings.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-line bg-white/60 px-6 py-10 text-center">
          <h2 className="font-serif text-lg font-semibold text-ink">No sessions open for booking right now</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-muted">
            Please check back soon, or write to{" "}
            <a href={`mailto:${practice.contactEmail}`} className="text-brand-700 underline underline-offset-4">
              {practice.contactEmail}
            </a>{" "}
            to arrange a session.
          </p>
        </div>
      ) : (
        <ul className="grid gap-5 md:grid-cols-2">
          {offerings.map((offering) => (
            <li key={offering.id} className="flex flex-col rounded-2xl border border-line bg-white p-6 shadow-sm">
              {/* The kind is worth naming only when the offering's own name doesn't already say it. */}
              {offering.name.toLowerCase() !== offeringKindLabels[offering.kind].toLowerCase() ? (
                <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{offeringKindLabels[offering.kind]}</p>
              ) : null}
              <h2 className="mt-1 font-serif text-xl font-semibold text-ink">{offering.name}</h2>
              <dl className="mt-3 flex flex-wrap gap-x-2 gap-y-1 text-sm text-muted [&>div+div]:before:mr-2 [&>div+div]:before:text-muted/60 [&>div+div]:before:content-['·'_/_''] [&>div]:flex">
                <div>
                  <dt className="sr-only">Length</dt>
                  <dd>{formatDuration(offering.durationMinutes)}</dd>
                </div>
                <div>
                  <dt className="sr-only">Format</dt>
                  <dd>{offeringFormatLabels[offering.format]}</dd>
                </div>
                <div>
                  <dt className="sr-only">Price</dt>
                  <dd className="font-semibold text-ink">{formatPrice(offering.priceCents, offering.currency)}</dd>
                </div>
              </dl>
              {offering.description ? <p className="mt-4 flex-1 whitespace-pre-line text-sm leading-relaxed text-ink/85">{offering.description}</p> : <div className="flex-1" />}
              <Link
                href={`${home}/${offering.slug}`}
                className={buttonClass("primary", "mt-6 w-full sm:w-auto sm:self-start")}
                aria-label={`Book ${offering.name}`}
              >
                Book
              </Link>
            </li>
          ))}
        </ul>
      )}
    </PublicPage>
  );
}
