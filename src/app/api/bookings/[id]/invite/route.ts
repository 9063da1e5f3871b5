import { bookingByToken } from "@/server/scheduling/booking-by-token";
import { AppError } from "@/server/errors";
import { handleRoute } from "@/server/http";
import { buildInvite } from "@/server/scheduling/ics";
import { inviteEventFor } from "@/server/scheduling/invite-event";

/** The session as an .ics file, for "Add to calendar" on the confirmation and manage pages. Needs a manage token; the invite carries that recipient's link. */
export const GET = handleRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const details = await bookingByToken(id, new URL(request.url).searchParams.get("token"));
  if (!details) throw new AppError("not_found", "That booking was not found.");
  const body = buildInvite(inviteEventFor(details, details.recipient));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="session-${details.booking.startsAt.toISOString().slice(0, 10)}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
