import type { Metadata } from "next";
import Link from "next/link";
import { MailTroubleWarning } from "@/components/coach/mail-trouble-warning";
import { Card } from "@/components/ui/card";
import { IntakeStatusLine } from "@/components/intake/intake-status";
import { Notice } from "@/components/ui/notice";
import { requireCoach } from "@/server/auth/guards";
import { listClients } from "@/server/clients/clients";
import { readPracticeMailTrouble } from "@/server/notifications/health";
import { intakeStatusFor } from "@/server/intake/coach-view";
import { now } from "@/server/clock";
import { listRecentReflections } from "@/server/homework/queries";
import { listOfferings } from "@/server/offerings/offerings";
import { Reflections } from "@/components/homework/client-homework";
import { listBookings } from "@/server/scheduling/booking-queries";
import { localDateOf, localMinutesOf, rangeForLocalDates } from "@/lib/time/zones";
import { formatLongDate, formatTimeRange } from "@/lib/time/format";
import { coachStatus, HOLDING_STATUSES, isCanceled } from "@/lib/scheduling/status";
import { joinUrlOf, meetingPlaceOf } from "@/lib/scheduling/meeting-place";
import { JoinCall } from "@/components/booking/join-call";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const metadata: Metadata = { title: "Today" };

function greetingFor(date: Date, timeZone: string) {
  const hour = Math.floor(localMinutesOf(date, timeZone) / 60);
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

/** "Wayne (demo coach)" → "Wayne": a greeting uses the first name only. */
const firstName = (name: string | null) => name?.trim().split(/[\s(]+/)[0] || null;

export default async function TodayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, practice, practiceId } = await requireCoach();
  const today = now();
  const todayDate = localDateOf(today, practice.timeZone);
  const todayRange = rangeForLocalDates(todayDate, todayDate, practice.timeZone);
  const [clients, offerings, query, todays, comingUp, mailTrouble, reflections] = await Promise.all([
    listClients(practiceId),
    listOfferings(practiceId),
    searchParams,
    listBookings(practiceId, todayRange),
    listBookings(practiceId, { from: todayRange.to, to: new Date(todayRange.to.getTime() + WEEK_MS) }, { statuses: [...HOLDING_STATUSES] }),
    readPracticeMailTrouble(practiceId),
    listRecentReflections(practiceId, new Date(today.getTime() - DAY_MS)),
  ]);
  // Intake before the session: shown so the coach knows; it never cancels anything.
  const intake = await intakeStatusFor(practiceId, [...todays, ...comingUp].flatMap(({ booking }) => [booking.clientId, ...(booking.partnerClientId ? [booking.partnerClientId] : [])]));
  const intakeFor = (booking: (typeof todays)[number]["booking"], clientName: string) => [
    { name: clientName, status: intake.get(booking.clientId) },
    ...(booking.partnerClientId ? [{ name: booking.partnerName ?? "Partner", status: intake.get(booking.partnerClientId) }] : []),
  ];
  const name = firstName(user.name);
  const activeOfferings = offerings.filter((o) => o.active).length;
  const dateLine = formatLongDate(todayDate, { year: false });

  return (
    <>
      <header className="mb-8">
        <p className="text-sm text-muted">{dateLine}</p>
        <h1 className="mt-1 font-serif text-2xl font-semibold text-ink sm:text-3xl">
          {greetingFor(today, practice.timeZone)}
          {name ? `, ${name}` : ""}.
        </h1>
      </header>

      {mailTrouble ? <MailTroubleWarning {...mailTrouble} /> : null}

      {query.welcome ? (
        <Notice>
          Your practice is set up. A good first step: check your offerings, then share your booking page with a client.
        </Notice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="font-serif text-lg font-semibold text-ink">
            Today’s sessions
          </h2>
          {todays.length ? (
            <ul className="mt-4 divide-y divide-line">
              {todays.map(({ booking, offering, client }) => (
                <li key={booking.id} className={`py-3 ${isCanceled(booking.status) ? "text-muted line-through" : ""}`}>
                  <Link href={`/coach/calendar/sessions/${booking.id}`} className="font-medium text-brand-800 underline underline-offset-4">
                    {formatTimeRange(booking.startsAt, booking.endsAt, practice.timeZone)} · {client.name}
                  </Link>
                  <span className="block text-sm text-muted">
                    {offering.name}
                    {coachStatus[booking.status].label ? ` · ${coachStatus[booking.status].label}` : ""}
                  </span>
                  <IntakeStatusLine people={intakeFor(booking, client.name)} required={offering.intakeRequired} />
                  <TodayJoin booking={booking} offering={offering} nowIso={today.toISOString()} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-4 rounded-xl border border-dashed border-line bg-paper/60 px-5 py-8 text-center">
              <p className="font-medium text-ink">No sessions today.</p>
              <p className="mx-auto mt-1 max-w-sm text-sm text-muted">
                New bookings from your booking page appear here and on your calendar.
              </p>
            </div>
          )}
          <h3 className="mt-6 text-sm font-semibold text-ink">Coming up this week</h3>
          {comingUp.length ? (
            <ul className="mt-2 space-y-1.5 text-sm">
              {comingUp.slice(0, 8).map(({ booking, offering, client }) => (
                <li key={booking.id}>
                  <Link href={`/coach/calendar/sessions/${booking.id}`} className="text-brand-800 underline underline-offset-4">
                    {formatLongDate(localDateOf(booking.startsAt, practice.timeZone))},{" "}
                    {formatTimeRange(booking.startsAt, booking.endsAt, practice.timeZone)}
                  </Link>{" "}
                  <span className="text-muted">
                    · {client.name}, {offering.name}
                  </span>
                  <IntakeStatusLine people={intakeFor(booking, client.name)} required={offering.intakeRequired} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">Nothing booked for the next seven days.</p>
          )}
          <p className="mt-4 text-sm">
            <Link href="/coach/calendar" className="font-medium text-brand-700 underline-offset-4 hover:underline">
              Open the calendar
            </Link>
          </p>
        </Card>

        <Card aria-labelledby="practice-heading">
          <h2 id="practice-heading" className="font-serif text-lg font-semibold text-ink">
            Your practice
          </h2>
          <dl className="mt-4 grid grid-cols-2 gap-3">
            <div className="rounded-xl bg-paper px-4 py-3">
              <dt className="text-xs text-muted">Active clients</dt>
              <dd className="mt-1 font-serif text-2xl font-semibold text-ink">{clients.length}</dd>
            </div>
            <div className="rounded-xl bg-paper px-4 py-3">
              <dt className="text-xs text-muted">Offerings on your page</dt>
              <dd className="mt-1 font-serif text-2xl font-semibold text-ink">{activeOfferings}</dd>
            </div>
          </dl>
          <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href="/coach/clients" className="font-medium text-brand-700 underline-offset-4 hover:underline">
              See all clients
            </Link>
            <Link href="/coach/offerings" className="font-medium text-brand-700 underline-offset-4 hover:underline">
              Manage offerings
            </Link>
          </p>
        </Card>
      </div>

      <Card className="mt-6">
        <Reflections heading="Homework since yesterday" empty="No practices marked done since yesterday." reflections={reflections} linkToClient />
      </Card>

      <section aria-labelledby="quick-links-heading" className="mt-8">
        <h2 id="quick-links-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
          Quick links
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {[
            { href: "/coach/clients/new", title: "Add a client", text: "Invite someone to their portal." },
            { href: "/coach/offerings/new", title: "Create an offering", text: "A new kind of session." },
            { href: `/book/${practice.slug}`, title: "See your booking page", text: "What clients see." },
            { href: "/coach/settings", title: "Practice settings", text: "Name, address, time zone." },
          ].map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="group block h-full rounded-2xl border border-line bg-white p-4 shadow-sm transition-colors hover:border-brand-600/40 hover:bg-brand-50"
              >
                <span className="font-medium text-brand-800 group-hover:underline group-hover:underline-offset-4">{link.title}</span>
                <span className="mt-0.5 block text-sm text-muted">{link.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type TodayRow = Awaited<ReturnType<typeof listBookings>>[number];

/** "Join the video call" beside a session of today's, from 10 minutes before its start until its end. */
function TodayJoin({ booking, offering, nowIso }: Pick<TodayRow, "booking" | "offering"> & { nowIso: string }) {
  const url = joinUrlOf(meetingPlaceOf(offering, booking), booking.status);
  if (!url) return null;
  return (
    <div className="mt-2">
      <JoinCall url={url} startIso={booking.startsAt.toISOString()} endIso={booking.endsAt.toISOString()} nowIso={nowIso} variant="row" quietUntilOpen />
    </div>
  );
}
