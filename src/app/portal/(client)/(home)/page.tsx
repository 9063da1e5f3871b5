import type { Metadata } from "next";
import Link from "next/link";
import { describeZone, formatDayInList, formatTimeRange } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/server/auth/guards";
import { now } from "@/server/clock";
import { listSessionsWithSharedNotes } from "@/server/notes/portal";
import { listClientBookings } from "@/server/scheduling/booking-queries";
import { clientStatus, holdsTime } from "@/lib/scheduling/status";
import { joinUrlOf, meetingPlaceOf } from "@/lib/scheduling/meeting-place";
import { offeringFormatLabels } from "@/lib/offerings";
import { JoinCall } from "@/components/booking/join-call";

export const metadata: Metadata = { title: "Sessions" };

type Row = Awaited<ReturnType<typeof listClientBookings>>[number];

export default async function PortalSessionsPage() {
  const { client, practice, practiceId, clientId } = await requireClient();
  const [rows, withNotes] = await Promise.all([listClientBookings(practiceId, clientId), listSessionsWithSharedNotes({ practiceId, clientId })]);
  const at = now();
  const nowIso = at.toISOString();
  const isUpcoming = (r: Row) => holdsTime(r.booking.status) && r.booking.endsAt > at;
  const upcoming = rows.filter(isUpcoming);
  // Most recent first: what just happened matters more than last year.
  const earlier = rows.filter((r) => !isUpcoming(r)).reverse();
  const firstName = client.name.trim().split(/\s+/)[0];
  const zone = client.timeZone;
  const bookHref = `/book/${practice.slug}`;

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={`This is your private space with ${practice.name}.`}
        actions={
          <Link href={bookHref} className={buttonClass("primary")}>
            Book a session
          </Link>
        }
      />

      <section aria-labelledby="upcoming-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="upcoming-heading" className="font-serif text-lg font-semibold text-ink">
            Upcoming sessions
          </h2>
          <p className="text-xs text-muted">Times in {describeZone(zone)}</p>
        </div>
        {upcoming.length === 0 ? (
          <EmptyState
            title="No sessions booked yet"
            action={
              <Link href={bookHref} className={buttonClass("secondary")}>
                See the sessions on offer
              </Link>
            }
          >
            When you book a session, its date, time and how to join will appear here, in your own time zone.
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {upcoming.map((row) => (
              <SessionRow key={row.booking.id} row={row} zone={zone} nowIso={nowIso} hasNote={withNotes.has(row.booking.id)} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="earlier-heading" className="mt-10">
        <h2 id="earlier-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
          Past sessions
        </h2>
        {earlier.length ? (
          <ul className="space-y-3">
            {earlier.map((row) => (
              <SessionRow key={row.booking.id} row={row} zone={zone} nowIso={nowIso} hasNote={withNotes.has(row.booking.id)} quiet />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">Sessions you’ve had (and any you canceled) are listed here, with the notes your coach shares.</p>
        )}
      </section>
    </>
  );
}

function SessionRow({ row, zone, nowIso, hasNote, quiet = false }: { row: Row; zone: string; nowIso: string; hasNote: boolean; quiet?: boolean }) {
  const { booking, offering } = row;
  const start = booking.startsAt.toISOString();
  const status = clientStatus(booking.status, booking.startsAt, new Date(nowIso));
  return (
    <li>
      <Link
        href={`/portal/sessions/${booking.id}`}
        className={`flex items-center justify-between gap-4 rounded-2xl border border-line px-5 py-4 transition-colors hover:border-brand-600/40 hover:bg-brand-50 ${
          quiet ? "bg-white/60" : "bg-white shadow-sm"
        }`}
      >
        <span className="min-w-0">
          <span className={`block font-semibold ${quiet ? "text-ink/80" : "text-ink"}`}>{formatDayInList(start, zone, nowIso)}</span>
          <span className="block text-sm text-muted">
            {formatTimeRange(start, booking.endsAt.toISOString(), zone)} · {offering.name}
          </span>
        </span>
        <span className="flex shrink-0 items-center gap-2">
          {hasNote ? <Badge tone="brand">Note from your coach</Badge> : null}
          <Badge tone={status.tone}>{status.label}</Badge>
          <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-5 w-5 text-muted">
            <path fillRule="evenodd" d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26A.75.75 0 1 1 8.26 5.2l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z" clipRule="evenodd" />
          </svg>
        </span>
      </Link>
      {quiet ? null : <RowPlace row={row} nowIso={nowIso} />}
    </li>
  );
}

/** How to join an upcoming session, under its row: the link (Join from 10 minutes before), the number or the address. */
function RowPlace({ row, nowIso }: { row: Row; nowIso: string }) {
  const { booking, offering } = row;
  const place = meetingPlaceOf(offering, booking);
  const text = place.kind === "video" ? place.url : (place.address ?? place.details);
  if (!text) return null;
  const joinUrl = joinUrlOf(place, booking.status);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 pt-2 text-sm">
      <span className="min-w-0 text-muted">
        {offeringFormatLabels[place.kind]}:{" "}
        {place.kind === "video" ? (
          <a href={text} target="_blank" rel="noopener noreferrer" className="break-all text-brand-700 underline underline-offset-4">
            {text}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          <span className="whitespace-pre-line">{text}</span>
        )}
      </span>
      {joinUrl ? <JoinCall url={joinUrl} startIso={booking.startsAt.toISOString()} endIso={booking.endsAt.toISOString()} nowIso={nowIso} variant="row" /> : null}
    </div>
  );
}
