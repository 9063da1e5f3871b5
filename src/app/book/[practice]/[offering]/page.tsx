import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { PublicPage } from "@/components/site/public-page";
import { formatDuration, formatPrice } from "@/lib/format";
import { offeringFormatLabels, offeringKindLabels } from "@/server/offerings/schemas";
import { activeOfferingBySlug, practiceBySlug } from "../data";

type Props = { params: Promise<{ practice: string; offering: string }> };

async function load(params: Props["params"]) {
  const { practice: practiceSlug, offering: offeringSlug } = await params;
  const practice = await practiceBySlug(practiceSlug);
  const offering = practice ? await activeOfferingBySlug(practice.id, offeringSlug) : null;
  return { practice, offering };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { practice, offering } = await load(params);
  if (!practice || !offering) return { title: "Not found" };
  return { title: `${offering.name} · ${practice.name}`, description: offering.description.slice(0, 160) || undefined };
}

export default async function OfferingBookingPage({ params }: Props) {
  const { practice, offering } = await load(params);
  if (!practice || !offering) notFound();
  const home = `/book/${practice.slug}`;

  return (
    <PublicPage practiceName={practice.name} practiceHref={home}>
      <div className="mb-6 text-sm">
        <BackLink href={home}>All sessions</BackLink>
      </div>
      <article className="max-w-2xl rounded-2xl border border-line bg-white p-6 shadow-sm sm:p-8">
        {offering.name.toLowerCase() !== offeringKindLabels[offering.kind].toLowerCase() ? (
          <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{offeringKindLabels[offering.kind]}</p>
        ) : null}
        <h1 className="mt-1 font-serif text-2xl font-semibold text-ink sm:text-3xl">{offering.name}</h1>
        <dl className="mt-5 grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <div className="rounded-xl bg-paper px-4 py-3">
            <dt className="text-xs text-muted">Length</dt>
            <dd className="mt-0.5 font-medium text-ink">{formatDuration(offering.durationMinutes)}</dd>
          </div>
          <div className="rounded-xl bg-paper px-4 py-3">
            <dt className="text-xs text-muted">Format</dt>
            <dd className="mt-0.5 font-medium text-ink">
              {offeringFormatLabels[offering.format]}
              {offering.format === "in_person" && offering.location ? <span className="block font-normal text-muted">{offering.location}</span> : null}
            </dd>
          </div>
          <div className="rounded-xl bg-paper px-4 py-3">
            <dt className="text-xs text-muted">Price</dt>
            <dd className="mt-0.5 font-medium text-ink">{formatPrice(offering.priceCents, offering.currency)}</dd>
          </div>
        </dl>
        {offering.description ? <p className="mt-6 whitespace-pre-line leading-relaxed text-ink/90">{offering.description}</p> : null}
        <div className="mt-8 rounded-xl border border-brand-100 bg-brand-50 px-5 py-4 text-sm text-brand-800" role="note">
          <p className="font-medium">Online booking opens soon.</p>
          <p className="mt-1">
            To book this session now, contact{" "}
            <a href={`mailto:${practice.contactEmail}?subject=${encodeURIComponent(offering.name)}`} className="font-medium underline underline-offset-4">
              {practice.contactEmail}
            </a>
            .
          </p>
        </div>
      </article>
    </PublicPage>
  );
}
