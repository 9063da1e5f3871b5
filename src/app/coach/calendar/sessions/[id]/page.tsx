import type { Metadata } from "next";
import { bookingPaymentLabels } from "@/lib/billing/payments";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { now } from "@/server/clock";
import { AppError } from "@/server/errors";
import { JoinCall } from "@/components/booking/join-call";
import { offeringFormatLabels } from "@/lib/offerings";
import { joinUrlOf, meetingPlaceOf, type MeetingPlace } from "@/lib/scheduling/meeting-place";
import { bookedAsDifferences, describeBookedAs } from "@/server/scheduling/booked-as";
import { SessionHomeworkCard } from "./homework-card";
import { SessionIntakeStatus } from "./intake-status";
import { getBookingDetails } from "@/server/scheduling/booking-queries";
import { manageLinkExpired, manageLinkExpiresAt } from "@/server/scheduling/manage-token";
import { getAvailability } from "@/server/scheduling/availability-store";
import { listOpenSlots } from "@/server/scheduling/public-slots";
import { orNotFound } from "@/app/_lib/or-not-found";
import { markOutcomeAction } from "../../actions";
import { ActionButton } from "../../action-button";
import { formatDuration, formatHours, formatLongDate, formatTime, formatTimeRange, formatWhen, timeZoneLabel, zoneNameWithId } from "@/lib/time/format";
import { canMarkOutcome, coachStatus, holdsTime, isCanceled } from "@/lib/scheduling/status";
import { workingMinutesOn } from "@/lib/scheduling/availability";
import { isWithinWorkingHours } from "@/lib/scheduling/slots";
import { localDateOf } from "@/lib/time/zones";
import { parseDateParam } from "../../week";
import { CancelForm } from "./cancel-form";
import { SessionPayment } from "./session-payment";
import { RescheduleForm } from "./reschedule-form";
import { RevokeLinksForm } from "./revoke-links-form";
import { Row } from "./row";
import { SessionNotesCard } from "./notes-card";
import { VideoLinkForm } from "./video-link-form";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { practiceId } = await requireCoach();
  const { id } = await params;
  const details = await getBookingDetails({ practiceId }, id).catch(() => null);
  return { title: details ? `${details.offering.name} with ${details.client.name}` : "Session not found" };
}

const byLabels = { coach: "you", client: "the client" } as const;

const minutes = (n: number) => (n === 1 ? "1 minute" : `${n} minutes`);

export default async function SessionPage({ params, searchParams }: Props) {
  const { practiceId } = await requireCoach();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { booking, practice, offering, client, partner } = await orNotFound(getBookingDetails({ practiceId }, id));
  const zone = practice.timeZone;
  const current = now();
  const holding = holdsTime(booking.status);
  const outcomeOpen = canMarkOutcome({ status: booking.status, start: booking.startsAt }, current).allowed;
  const sessionDate = localDateOf(booking.startsAt, zone);
  const today = localDateOf(current, zone);
  const { label: statusLabel, tone: statusTone } = coachStatus[booking.status];
  const canceled = isCanceled(booking.status);

  // Rescheduling: the open times of one date (the session's own, unless it has passed).
  const pickedDate = parseDateParam(query.date) ?? (sessionDate >= today ? sessionDate : today);
  let slots: { value: string; label: string }[] = [];
  let slotProblem: string | null = null;
  if (holding) {
    try {
      const open = await listOpenSlots(practiceId, offering.slug, { start: pickedDate, end: pickedDate, timeZone: zone }, { actor: "coach", ignoreBookingId: booking.id });
      slots = open.slots.map((s) => ({ value: s.start.toISOString(), label: formatTime(s.start, zone) }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      slotProblem =
        error.code === "not_found"
          ? `“${offering.name}” is switched off, so no open times can be listed. Switch it on in Offerings to reschedule this session.`
          : error.userMessage;
    }
  }

  // The coach's hours, read once: whether this session is outside them, and the picked date's (for "Another time").
  const availability = await getAvailability(practiceId, booking.coachId);
  const insideHours = isWithinWorkingHours({ timeZone: zone, ...availability }, booking.startsAt, booking.endsAt);
  const workingRanges = holding ? workingMinutesOn(pickedDate, availability) : [];
  const zoneLabel = zoneNameWithId(zone, booking.startsAt);
  const clientZoneDiffers = booking.clientTimeZone !== zone;
  const bookedAs = bookedAsDifferences(booking, client, partner).map(describeBookedAs);
  const linkRecipients = [
    `${booking.bookerName} (${booking.bookerEmail})`,
    ...(booking.partnerName && booking.partnerEmail ? [`${booking.partnerName} (${booking.partnerEmail})`] : []),
  ];
  const linkExpired = manageLinkExpired(booking, current);
  const place = meetingPlaceOf(offering, booking);
  const joinUrl = joinUrlOf(place, booking.status);

  return (
    <>
      <PageHeader
        title={`${offering.name} with ${client.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className={canceled ? "line-through" : undefined}>
              {formatLongDate(sessionDate)}, {formatTimeRange(booking.startsAt, booking.endsAt, zone)}
            </span>
            <Badge tone={statusTone}>{statusLabel ?? "Booked"}</Badge>
          </span>
        }
        back={<BackLink href={`/coach/calendar?view=week&week=${sessionDate}`}>Back to the calendar</BackLink>}
      />

      {query.booked ? <Notice>Session booked. {client.name} gets a confirmation email with a calendar invite.</Notice> : null}
      {query.rescheduled ? <Notice>Session moved. {client.name} gets an email with the new time.</Notice> : null}
      {query.canceled ? (
        <Notice>
          Session canceled. {booking.partnerName && booking.partnerEmail ? `${booking.bookerName} and ${booking.partnerName} each get` : `${booking.bookerName} gets`} an
          email saying so.
        </Notice>
      ) : null}
      {query.marked ? <Notice>Saved: {statusLabel?.toLowerCase() ?? "booked"}.</Notice> : null}
      {query.relinked ? (
        <Notice>
          Link revoked. A new one is on its way to {booking.bookerEmail}
          {booking.partnerEmail ? ` and ${booking.partnerEmail}` : ""}; the old link no longer works.
        </Notice>
      ) : null}
      {query.revoked ? <Notice>Link revoked. The old link no longer works.</Notice> : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
            Details
          </h2>
          <dl className="divide-y divide-line text-sm">
            <Row term="When">
              {formatWhen(booking.startsAt, zone)} ({formatDuration(Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000))})
              <span className="block text-muted">{zoneLabel}</span>
              {insideHours ? null : (
                <span className="mt-1 block">
                  <Badge tone="clay">Outside your working hours</Badge>
                </span>
              )}
              {clientZoneDiffers ? (
                <span className="block text-muted">
                  For the client: {formatWhen(booking.startsAt, booking.clientTimeZone)} ({timeZoneLabel(booking.clientTimeZone)})
                </span>
              ) : null}
            </Row>
            <Row term="Client">
              <Link href={`/coach/clients/${client.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                {client.name}
              </Link>
              <span className="block text-muted">
                {client.email}
                {client.phone ? ` · ${client.phone}` : ""}
                {client.status === "archived" ? " · archived" : ""}
              </span>
              <SessionIntakeStatus practiceId={practiceId} people={[client, ...(partner ? [partner] : [])]} required={offering.intakeRequired} />
            </Row>
            {partner ? (
              <Row term="Partner">
                <Link href={`/coach/clients/${partner.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                  {partner.name}
                </Link>
                <span className="block text-muted">{partner.email}</span>
              </Row>
            ) : null}
            {bookedAs.length ? (
              <Row term="As booked">
                {bookedAs.map((sentence) => (
                  <span key={sentence} className="block">
                    {sentence}
                  </span>
                ))}
                <span className="mt-1 block text-muted">
                  Your records were left as they are. If the new details are right, update them on the client’s page.
                </span>
              </Row>
            ) : null}
            <Row term="Session">{offering.name}</Row>
            <Row term="Where">
              <CoachPlace place={place} />
              {joinUrl ? (
                <div className="mt-2">
                  <JoinCall url={joinUrl} startIso={booking.startsAt.toISOString()} endIso={booking.endsAt.toISOString()} nowIso={current.toISOString()} variant="row" />
                </div>
              ) : null}
              {holding && booking.endsAt > current ? <VideoLinkForm bookingId={booking.id} override={booking.videoUrlOverride} /> : null}
            </Row>
            <Row term="Note from the booking">{booking.note ? <span className="whitespace-pre-wrap">{booking.note}</span> : <span className="text-muted">None</span>}</Row>
            <Row term="Booked">
              By {byLabels[booking.bookedBy]} on {formatWhen(booking.createdAt, zone)}
            </Row>
            <Row term="Payment">{bookingPaymentLabels[booking.paymentStatus]}</Row>
            {booking.canceledAt ? (
              <Row term={booking.status === "late_canceled" ? "Canceled late" : "Canceled"}>
                By {byLabels[booking.canceledBy ?? "coach"]} on {formatWhen(booking.canceledAt, zone)}
                {booking.status === "late_canceled" ? (
                  <span className="block text-muted">Inside the cancellation window of {formatHours(booking.policy.cancellationWindowHours)}.</span>
                ) : null}
                <span className="mt-1 block whitespace-pre-wrap">{booking.cancelReason ? `Reason: ${booking.cancelReason}` : "No reason given."}</span>
              </Row>
            ) : null}
            <Row term="Rules when booked">
              <ul className="space-y-0.5">
                <li>Free cancellation until {formatHours(booking.policy.cancellationWindowHours)} before; later counts as a late cancel.</li>
                <li>Clients can reschedule online until {formatHours(booking.policy.rescheduleWindowHours)} before.</li>
                {booking.policy.minimumNoticeMinutes ? <li>Minimum notice for booking: {formatHours(Math.round(booking.policy.minimumNoticeMinutes / 60))}.</li> : null}
                {booking.policy.bufferBeforeMinutes || booking.policy.bufferAfterMinutes ? (
                  <li>
                    Free time kept {booking.policy.bufferBeforeMinutes ? `${minutes(booking.policy.bufferBeforeMinutes)} before` : ""}
                    {booking.policy.bufferBeforeMinutes && booking.policy.bufferAfterMinutes ? " and " : ""}
                    {booking.policy.bufferAfterMinutes ? `${minutes(booking.policy.bufferAfterMinutes)} after` : ""}.
                  </li>
                ) : null}
                <li className="text-muted">You aren’t bound by these: you can move or cancel any time.</li>
              </ul>
            </Row>
          </dl>
        </Card>

        <div className="space-y-6">
          <SessionPayment bookingId={booking.id} status={booking.paymentStatus} priceCents={offering.priceCents} />
          {holding && booking.startsAt > current ? <SessionHomeworkCard practiceId={practiceId} clientId={client.id} /> : null}
          {!canceled ? <SessionNotesCard practiceId={practiceId} bookingId={booking.id} couple={booking.partnerClientId !== null} /> : null}
          {outcomeOpen ? (
            <Card aria-labelledby="outcome-heading">
              <h2 id="outcome-heading" className="font-serif text-lg font-semibold text-ink">
                How did it go?
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">
                {booking.status === "confirmed" ? "Record whether the session took place." : `Recorded as ${statusLabel?.toLowerCase()}. You can change it.`}
              </p>
              <div className="flex flex-wrap gap-2">
                {booking.status !== "completed" ? (
                  <ActionButton action={markOutcomeAction} fields={{ id: booking.id, outcome: "completed" }} label="Mark as completed" pendingLabel="Saving…" />
                ) : null}
                {booking.status !== "no_show" ? (
                  <ActionButton action={markOutcomeAction} fields={{ id: booking.id, outcome: "no_show" }} label="Mark as no-show" pendingLabel="Saving…" />
                ) : null}
              </div>
            </Card>
          ) : holding ? (
            <p className="rounded-xl border border-line bg-white px-4 py-3 text-sm text-muted">
              Once the session has started you can mark it as completed or as a no-show here.
            </p>
          ) : null}

          {holding ? (
            <Card aria-labelledby="reschedule-heading">
              <h2 id="reschedule-heading" className="font-serif text-lg font-semibold text-ink">
                Reschedule
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">
                Pick a date, then one of its open times, or another time outside your working hours. As the coach you aren’t held to notice or
                working hours; other sessions and blocks still stand in the way.
              </p>
              <form method="get" className="mb-5 flex flex-wrap items-end gap-2">
                <div className="flex-1 space-y-1.5">
                  <label htmlFor="reschedule-date" className="block text-sm font-medium text-ink">
                    Date
                  </label>
                  <input id="reschedule-date" type="date" name="date" min={today} defaultValue={pickedDate} required className={inputClass} />
                </div>
                <button type="submit" className={buttonClass("secondary")}>
                  Show open times
                </button>
              </form>
              {slotProblem ? (
                <p role="alert" className="text-sm text-clay-600">
                  {slotProblem}
                </p>
              ) : (
                <>
                  {slots.length ? null : <p className="mb-3 text-sm text-muted">No open times on {formatLongDate(pickedDate)}. You can still choose another time.</p>}
                  <RescheduleForm
                    key={pickedDate}
                    bookingId={booking.id}
                    slots={slots}
                    currentValue={booking.startsAt.toISOString()}
                    legend={`${slots.length ? "Open times" : "Time"} on ${formatLongDate(pickedDate)} (${zoneLabel})`}
                    date={pickedDate}
                    other={{ zoneLabel, workingRanges, durationMinutes: Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000) }}
                  />
                </>
              )}
            </Card>
          ) : null}

          {!linkExpired ? (
            <Card aria-labelledby="link-heading">
              <h2 id="link-heading" className="font-serif text-lg font-semibold text-ink">
                Link for the client
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">
                {booking.partnerName ? `${booking.bookerName} and ${booking.partnerName} each have` : `${booking.bookerName} has`} a link in their emails to
                reschedule or cancel without signing in. It works until {formatLongDate(localDateOf(manageLinkExpiresAt(booking), zone))}. If a link
                reached someone it shouldn’t have, revoke it.
              </p>
              <RevokeLinksForm bookingId={booking.id} recipients={linkRecipients} sendsNewLinks={holding} />
            </Card>
          ) : null}

          {holding ? (
            <Card aria-labelledby="cancel-heading">
              <h2 id="cancel-heading" className="font-serif text-lg font-semibold text-ink">
                Cancel
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">
                The time opens up again for others, and {booking.partnerName ? "both partners are" : `${booking.bookerName} is`} told by email.
              </p>
              <CancelForm bookingId={booking.id} recipients={[booking.bookerName, ...(booking.partnerName && booking.partnerEmail ? [booking.partnerName] : [])]} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** Where the session meets, as the coach reads it: the link (and whose it is), the number or the address. */
function CoachPlace({ place }: { place: MeetingPlace }) {
  const label = offeringFormatLabels[place.kind];
  const detail = place.url ?? place.address ?? place.details;
  return (
    <>
      {label}
      {place.overridden ? <span className="text-muted"> · this session’s own link</span> : null}
      {place.kind === "video" && place.url ? (
        <a href={place.url} target="_blank" rel="noopener noreferrer" className="block break-all text-brand-700 underline underline-offset-4">
          {place.url}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : place.kind === "phone" && !place.details ? (
        <span className="block text-muted">You call the client.</span>
      ) : detail ? (
        <span className="block whitespace-pre-line break-all text-muted">{place.kind === "phone" ? (place.details ?? detail) : detail}</span>
      ) : null}
    </>
  );
}
