import { NextResponse } from "next/server";
import { clientAddress, handleRoute, readJson } from "@/server/http";
import { getPracticeBySlug } from "@/server/practices/queries";
import { limitBookingRequests } from "@/server/rate-limit";
import { createBooking } from "@/server/scheduling/bookings";
import type { CreateBookingInput } from "@/server/scheduling/schemas";
import { manageUrlFor } from "@/server/scheduling/manage-token";

export const POST = handleRoute(async (request: Request, { params }: { params: Promise<{ practice: string }> }) => {
  const body = await readJson(request);
  await limitBookingRequests((body as { email?: unknown } | null)?.email, clientAddress(request.headers));
  const practice = await getPracticeBySlug((await params).practice);
  // createBooking validates every field itself.
  const booking = await createBooking(practice.id, body as CreateBookingInput);
  return NextResponse.json(
    {
      booking: {
        id: booking.id,
        status: booking.status,
        start: booking.startsAt.toISOString(),
        end: booking.endsAt.toISOString(),
        manageUrl: manageUrlFor(booking, "booker"),
      },
    },
    { status: 201 },
  );
});
