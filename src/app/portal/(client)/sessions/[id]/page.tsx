import type { Metadata } from "next";
import { SessionPage } from "@/components/booking/session-page";
import { SharedNote } from "@/components/notes/shared-note";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/server/auth/guards";
import { formatLongDate } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { getSharedSessionNote } from "@/server/notes/portal";
import { getBookingDetails } from "@/server/scheduling/booking-queries";
import { sessionView } from "@/server/scheduling/session-view";
import { portalCancelAction, portalRescheduleAction, portalSlotsAction } from "./actions";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Session" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

export default async function PortalSessionPage({ params, searchParams }: Props) {
  const { practiceId, clientId, client } = await requireClient();
  const { id } = await params;
  const { done } = await searchParams;
  const details = await orNotFound(getBookingDetails({ practiceId, clientId }, id));
  // Only the note the coach shared (never a private one), for the booker and the partner alike.
  const sharedNote = await getSharedSessionNote({ practiceId, clientId }, details.booking.id);

  return (
    <>
      <PageHeader title="Your session" back={<BackLink href="/portal">All sessions</BackLink>} />
      <div className="max-w-2xl">
        <SessionPage
          {...sessionView(details, { timeZone: client.timeZone, recipient: details.booking.clientId === clientId ? "booker" : "partner", done })}
          actions={{ loadSlots: portalSlotsAction, reschedule: portalRescheduleAction, cancel: portalCancelAction }}
          link={{ id: details.booking.id }}
        />
        {sharedNote ? <SharedNote body={sharedNote.body} updated={formatLongDate(localDateOf(sharedNote.updatedAt, client.timeZone))} /> : null}
      </div>
    </>
  );
}
