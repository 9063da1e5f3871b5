import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { describeZone, formatDuration } from "@/lib/time/format";
import { policySentence } from "@/components/booking/format";
import { PublicPage } from "@/components/site/public-page";
import { BackLink } from "@/components/ui/back-link";
import { formatPrice } from "@/lib/format";
import { now } from "@/server/clock";
import { offeringFormatLabels, offeringKindLabels } from "@/lib/offerings";
import { policyFor } from "@/lib/scheduling/policy";
import { PageNote, PracticeProfileLine } from "@/components/booking/practice-profile";
import { activeOfferingBySlug, practiceBySlug, practiceProfile } from "../data";
import { bookingPageMetadata, summary } from "../metadata";
import { BookingFlow } from "./booking-flow";
import { paysAtBooking } from "@/server/billing/checkout";
import { payChoicesFor } from "@/server/billing/pay-with";
import { currentUser, signedInClientDetails } from "@/server/auth/guards";
import { PlanOffer } from "./plan-offer";

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
  const profile = await practiceProfile(practice.id, practice.slug);
  return bookingPageMetadata({
    title: `Book ${offering.name} · ${practice.name}`,
    description: summary(offering.description, 200) || `${offering.name} with ${practice.name}: pick a time that suits you.`,
    path: `/book/${practice.slug}/${offering.slug}`,
    image: { url: profile.ogImageUrl, alt: `Book ${offering.name} with ${practice.name}` },
  });
}

export default async function OfferingBookingPage({ params }: Props) {
  // "Today" and the horizon come from the server's clock, read per request.
  await connection();
  const { practice, offering } = await load(params);
  if (!practice || !offering) notFound();
  const home = `/book/${practice.slug}`;
  const profile = await practiceProfile(practice.id, practice.slug);
  // What a booking made now is held to (the grace period is the practice's).
  const bookingPolicy = { ...policyFor(offering), graceMinutes: practice.bookingGraceMinutes };
  const policy = policySentence(bookingPolicy);
  const user = await currentUser();
  const choices = await payChoicesFor(practice.id, offering.id, user?.id ?? null);
  const showKind = offering.name.toLowerCase() !== offeringKindLabels[offering.kind].toLowerCase();

  return (
    <PublicPage practiceName={practice.name} practiceHref={home}>
      <div className="mb-5 text-sm">
        <BackLink href={home}>All sessions</BackLink>
      </div>

      <PageNote note={profile.pageNote} />

      <header className="mb-6">
        {showKind ? <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{offeringKindLabels[offering.kind]}</p> : null}
        <h1 className="mt-1 font-serif text-2xl font-semibold text-ink sm:text-3xl">{offering.name}</h1>
        <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="About this session">
          <Chip icon="clock">{formatDuration(offering.durationMinutes)}</Chip>
          <Chip icon="place">
            {offeringFormatLabels[offering.format]}
            {offering.format === "in_person" && offering.location ? `, ${offering.location}` : ""}
          </Chip>
          <Chip icon="price">{formatPrice(offering.priceCents, offering.currency)}</Chip>
        </ul>
        {offering.description ? <p className="mt-4 max-w-2xl whitespace-pre-line leading-relaxed text-ink/90">{offering.description}</p> : null}
        <PracticeProfileLine name={practice.name} profile={profile} />
        <p className="mt-4 flex max-w-2xl items-start gap-2 text-sm text-muted">
          <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0 text-brand-600">
            <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
          </svg>
          <span>
            {policy} {practice.name} works in {describeZone(practice.timeZone)}; you’ll see times in your own.
          </span>
        </p>
      </header>
      <PlanOffer practiceId={practice.id} offeringId={offering.id} />

      <div className="rounded-2xl border border-line bg-white p-5 shadow-sm sm:p-7">
        <BookingFlow
          practiceSlug={practice.slug}
          practiceName={practice.name}
          offeringSlug={offering.slug}
          couples={offering.kind === "relationship"}
          nowIso={now().toISOString()}
          horizonDays={offering.horizonDays}
          policyText={policy}
          policy={bookingPolicy}
          durationMinutes={offering.durationMinutes}
          payAtBooking={(await paysAtBooking(practice.id, offering)) ? formatPrice(offering.priceCents, offering.currency) : null}
          payChoices={{
            credits: choices.credits,
            pkg: choices.pkg ? { id: choices.pkg.id, label: `package of ${choices.pkg.sessions} (${formatPrice(choices.pkg.priceCents, choices.pkg.currency)})` } : null,
          }}
          prefill={await signedInClientDetails(practice.id)}
        />
      </div>

      <p className="mt-6 text-sm text-muted">
        Questions before you book? Write to{" "}
        <a href={`mailto:${practice.contactEmail}`} className="text-brand-700 underline underline-offset-4">
          {practice.contactEmail}
        </a>
        .
      </p>
    </PublicPage>
  );
}

function Chip({ icon, children }: { icon: "clock" | "place" | "price"; children: React.ReactNode }) {
  const paths = {
    clock: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.75-13a.75.75 0 0 0-1.5 0v5c0 .2.08.39.22.53l3 3a.75.75 0 1 0 1.06-1.06l-2.78-2.78V5Z",
    place: "M9.69 18.93a.75.75 0 0 0 .62 0C12.47 17.9 17 14.9 17 9A7 7 0 1 0 3 9c0 5.9 4.53 8.9 6.69 9.93ZM10 11.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z",
    price:
      "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.75-12.5a.75.75 0 0 0-1.5 0v.6c-1.2.25-2 1.1-2 2.15 0 1.4 1.2 1.95 2.55 2.3 1.05.27 1.45.5 1.45.95 0 .45-.55.85-1.25.85-.8 0-1.3-.4-1.35-.9a.75.75 0 0 0-1.5.1c.07 1.05.9 1.9 2.1 2.15v.55a.75.75 0 0 0 1.5 0v-.55c1.25-.25 2-1.15 2-2.3 0-1.45-1.25-1.95-2.6-2.3-1-.26-1.4-.45-1.4-.85 0-.4.5-.8 1.2-.8.65 0 1.15.35 1.25.8a.75.75 0 0 0 1.45-.35c-.2-.9-.95-1.6-1.9-1.85V5.5Z",
  };
  return (
    <li className="inline-flex items-center gap-1.5 rounded-full bg-white px-3 py-1 font-medium text-ink ring-1 ring-inset ring-line">
      <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-4 w-4 text-brand-600">
        <path fillRule="evenodd" d={paths[icon]} clipRule="evenodd" />
      </svg>
      {children}
    </li>
  );
}
