import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { env } from "@/lib/env";
import { currencyName } from "@/lib/format";
import { requireCoach } from "@/server/auth/guards";
import { EmbedForm } from "./embed-form";
import { ProfileForm } from "./profile-form";
import { SettingsForm } from "./settings-form";
import { VideoForm } from "./video-form";
import { getPracticeProfile } from "@/server/practices/profile";

export const metadata: Metadata = { title: "Settings" };

const COMMON_CURRENCIES = ["USD", "CAD", "EUR", "GBP", "AUD", "NZD", "CHF", "ZAR", "INR"];

export default async function SettingsPage() {
  const { practice } = await requireCoach();
  const profile = await getPracticeProfile(practice.id, practice.slug);
  const origin = env().APP_URL.replace(/\/$/, "");
  const bookingUrl = `${origin}/book/${practice.slug}`;
  const currencies = COMMON_CURRENCIES.includes(practice.currency) ? COMMON_CURRENCIES : [practice.currency, ...COMMON_CURRENCIES];

  return (
    <>
      <PageHeader
        title="Settings"
        description="How your practice appears to clients."
        actions={
          <Link href="/coach/settings/payments" className="text-sm font-medium text-brand-800 underline-offset-4 hover:underline">
            Payments settings
          </Link>
        }
      />
      <div className="max-w-3xl space-y-6">
        <Card aria-labelledby="booking-link-heading">
          <h2 id="booking-link-heading" className="font-serif text-lg font-semibold text-ink">
            Your booking page
          </h2>
          <p className="mt-1 text-sm text-muted">Share this link on your website, in emails, or on social media.</p>
          <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-center">
            <Link
              href={`/book/${practice.slug}`}
              className="min-w-0 flex-1 truncate rounded-lg border border-line bg-paper px-3 py-2 font-mono text-sm text-brand-800 underline-offset-4 hover:underline"
            >
              {bookingUrl}
            </Link>
            <CopyButton text={bookingUrl} label="Copy link" />
          </div>
        </Card>
        <Card aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="font-serif text-lg font-semibold text-ink">
            Your profile
          </h2>
          <p className="mb-5 mt-1 text-sm text-muted">Who you are, as your booking pages and shared links show it. Everything here is optional.</p>
          <ProfileForm initial={profile} />
        </Card>
        <Card aria-labelledby="calendars-heading">
          <h2 id="calendars-heading" className="font-serif text-lg font-semibold text-ink">
            Your own calendars
          </h2>
          <p className="mt-1 text-sm text-muted">Busy times in your Google, Outlook or Apple calendar can block booking.</p>
          <Link href="/coach/settings/calendars" className="mt-3 inline-block text-sm font-medium text-brand-800 underline underline-offset-4">
            Connect your calendars
          </Link>
        </Card>
        <Card aria-labelledby="video-heading">
          <h2 id="video-heading" className="font-serif text-lg font-semibold text-ink">
            Video calls
          </h2>
          <p className="mb-5 mt-1 text-sm text-muted">Where your sessions’ automatic video links open.</p>
          <VideoForm videoBaseUrl={practice.videoBaseUrl} />
        </Card>
        <Card aria-labelledby="embed-heading">
          <h2 id="embed-heading" className="font-serif text-lg font-semibold text-ink">
            Show it on your website
          </h2>
          <p className="mb-5 mt-1 text-sm text-muted">Clients can book without leaving your site: paste the code below where the booking page should appear.</p>
          <EmbedForm bookingUrl={bookingUrl} embedOrigins={practice.embedOrigins} />
        </Card>
        <Card aria-labelledby="practice-heading">
          <h2 id="practice-heading" className="mb-5 font-serif text-lg font-semibold text-ink">
            Practice details
          </h2>
          <SettingsForm
            initial={{
              name: practice.name,
              slug: practice.slug,
              timeZone: practice.timeZone,
              currency: practice.currency,
              contactEmail: practice.contactEmail,
              bookingGraceMinutes: practice.bookingGraceMinutes,
            }}
            origin={origin}
            currencies={currencies.map((code) => ({ value: code, label: currencyName(code) }))}
          />
        </Card>
      </div>
    </>
  );
}
