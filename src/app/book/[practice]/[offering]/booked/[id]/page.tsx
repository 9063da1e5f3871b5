import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { policySentence } from "@/components/booking/format";
import { SessionSummary } from "@/components/booking/session-summary";
import { PublicPage } from "@/components/site/public-page";
import { buttonClass } from "@/components/ui/button-class";
import { bookingByToken } from "@/server/scheduling/booking-by-token";
import { googleCalendarUrl } from "@/server/scheduling/ics";
import { inviteEventFor } from "@/server/scheduling/invite-event";
import { meetingPlaceOf } from "@/lib/scheduling/meeting-place";
import { graceEndsAt, lateBooking } from "@/lib/scheduling/policy";
import { holdsTime } from "@/lib/scheduling/status";
import { formatPrice } from "@/lib/format";
import { formatHours, formatTime } from "@/lib/time/format";
import { now } from "@/server/clock";
import { getBookingPayment } from "@/server/billing/payment-view";
import { AwaitingPayment } from "./awaiting-payment";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ token?: string | string[] }> };

export const metadata: Metadata = { title: "You’re booked", robots: { index: false, follow: false } };

export default async function BookingConfirmedPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const { token } = await searchParams;
  const details = await bookingByToken(id, token);
  if (!details) notFound();
  const { booking, practice, offering } = details;
  const manageHref = `/manage/${booking.id}?token=${encodeURIComponent(token as string)}`;
  // Revisited after a cancel, or opened with the partner's link: the manage page tells the current story.
  if (details.recipient !== "booker" || !holdsTime(booking.status)) redirect(manageHref);
  // Back from Checkout before the payment was confirmed (or having left it): the time is held, not yet booked.
  if (booking.status === "pending_payment") {
    const payment = await getBookingPayment(booking.id);
    return (
      <PublicPage practiceName={practice.name} practiceHref={`/book/${practice.slug}`}>
        <AwaitingPayment
          checkoutUrl={payment?.status === "awaiting" ? payment.checkoutUrl : null}
          heldUntil={booking.holdExpiresAt ? formatTime(booking.holdExpiresAt, booking.clientTimeZone) : null}
          amount={formatPrice(payment?.amountCents ?? offering.priceCents, payment?.currency ?? offering.currency)}
        />
      </PublicPage>
    );
  }

  // What the booker typed, never the coach's record of them.
  const invite = inviteEventFor(details, "booker");
  const icsHref = `/api/bookings/${booking.id}/invite?token=${encodeURIComponent(token as string)}`;
  const firstName = booking.bookerName.trim().split(/\s+/)[0];
  // A time booked inside the windows: say what the manage page will refuse, and how long the undo lasts.
  const late = lateBooking(booking.startsAt, booking.createdAt, booking.policy);
  const undoUntil = late ? graceEndsAt({ bookedAt: booking.createdAt, policy: booking.policy }) : null;
  const changeText = late
    ? `This time was within ${formatHours(late.windowHours, { days: true })} when you booked it, so ${
        late.noOnlineReschedule ? "it can’t be rescheduled online" : "it can still be rescheduled online"
      }${late.lateCancel ? " and canceling counts as a late cancellation" : ""}.${
        undoUntil && undoUntil > now() ? ` Booked the wrong time? Until ${formatTime(undoUntil, booking.clientTimeZone)} you can still change or cancel it free of charge.` : ""
      }`
    : `${policySentence(booking.policy)} The same link is in your email.`;

  return (
    <PublicPage practiceName={practice.name} practiceHref={`/book/${practice.slug}`}>
      <div className="max-w-2xl">
        <div className="flex items-center gap-3">
          <span className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-brand-600 text-white" aria-hidden="true">
            <svg viewBox="0 0 20 20" fill="currentColor" className="h-6 w-6">
              <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
            </svg>
          </span>
          <h1 className="font-serif text-2xl font-semibold text-ink sm:text-3xl">You’re booked, {firstName}</h1>
        </div>
        <p className="mt-4 text-ink/90" role="status">
          A confirmation email is on its way to <strong className="break-all font-semibold">{booking.bookerEmail}</strong>
          {booking.partnerName && booking.partnerEmail ? (
            <>
              {" "}
              and {booking.partnerName} will get their own at <strong className="break-all font-semibold">{booking.partnerEmail}</strong>
            </>
          ) : null}
          . It has the details below and a link to change your booking.
        </p>

        <div className="mt-6">
          <SessionSummary
            offeringName={offering.name}
            practiceName={practice.name}
            startIso={booking.startsAt.toISOString()}
            endIso={booking.endsAt.toISOString()}
            timeZone={booking.clientTimeZone}
            practiceTimeZone={practice.timeZone}
            place={meetingPlaceOf(offering, booking)}
          />
        </div>

        {offering.intakeQuestionnaireId ? (
          <section aria-labelledby="intake-heading" className="mt-8 rounded-2xl bg-brand-50 p-5">
            <h2 id="intake-heading" className="font-serif text-lg font-semibold text-ink">
              Before your first session
            </h2>
            <p className="mt-1 text-sm text-ink/90">
              {practice.name} asks new clients to answer a short questionnaire. Sign in to your portal with your email address; your answers are saved as
              you go, and only you and your coach see them.
            </p>
            <Link href="/portal/intake" className={buttonClass("primary", "mt-3")}>
              Answer your intake questions
            </Link>
          </section>
        ) : null}

        <section aria-labelledby="calendar-heading" className="mt-8">
          <h2 id="calendar-heading" className="font-serif text-lg font-semibold text-ink">
            Add it to your calendar
          </h2>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row">
            <a href={icsHref} download className={buttonClass("secondary")}>
              Download invite (.ics)
            </a>
            <a href={googleCalendarUrl(invite)} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary")}>
              Add to Google Calendar
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          </div>
          <p className="mt-2 text-xs text-muted">The .ics file works with Apple Calendar, Outlook and most other calendars.</p>
        </section>

        <section aria-labelledby="change-heading" className="mt-8 rounded-2xl bg-white/70 p-5 ring-1 ring-inset ring-line">
          <h2 id="change-heading" className="font-serif text-lg font-semibold text-ink">
            Need to change something?
          </h2>
          <p className="mt-1 text-sm text-muted">{changeText}</p>
          <Link href={manageHref} className={buttonClass("ghost", "mt-3 -ml-4")}>
            Reschedule or cancel
          </Link>
        </section>

        <p className="mt-8 text-sm text-muted">
          Questions before your session? Write to{" "}
          <a href={`mailto:${practice.contactEmail}`} className="text-brand-700 underline underline-offset-4">
            {practice.contactEmail}
          </a>
          .
        </p>
      </div>
    </PublicPage>
  );
}
