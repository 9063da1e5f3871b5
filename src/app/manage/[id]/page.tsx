import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SessionPage } from "@/components/booking/session-page";
import { PublicPage } from "@/components/site/public-page";
import { manageCancelAction, manageRescheduleAction, manageSlotsAction } from "./actions";
import { bookingByToken } from "@/server/scheduling/booking-by-token";
import { sessionView } from "@/server/scheduling/session-view";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ token?: string | string[]; done?: string | string[] }> };

export const metadata: Metadata = { title: "Your session", robots: { index: false, follow: false } };

/** The manage link from the confirmation: no sign-in, the token in the link is the key. */
export default async function ManageBookingPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const { token, done } = await searchParams;
  const details = await bookingByToken(id, token);
  if (!details) notFound();
  // Names as the booker gave them: a link never shows the coach's records.
  const { practice, booking } = details;

  return (
    <PublicPage practiceName={practice.name} practiceHref={`/book/${practice.slug}`}>
      <div className="max-w-2xl">
        <h1 className="font-serif text-2xl font-semibold text-ink sm:text-3xl">Your session</h1>
        <p className="mt-2 text-muted">
          Booked by {booking.bookerName}
          {booking.partnerName ? ` with ${booking.partnerName}` : ""}.
        </p>
        <div className="mt-6">
          <SessionPage
            {...sessionView(details, { timeZone: booking.clientTimeZone, recipient: details.recipient, done })}
            actions={{ loadSlots: manageSlotsAction, reschedule: manageRescheduleAction, cancel: manageCancelAction }}
            link={{ id: booking.id, token: token as string }}
          />
        </div>
      </div>
    </PublicPage>
  );
}
