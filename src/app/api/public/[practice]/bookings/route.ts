import { NextResponse } from "next/server";
import { clientIp, handleRoute, readJson } from "@/server/http";
import { getPracticeBySlug } from "@/server/practices/queries";
import { consumeRateLimit } from "@/server/rate-limit";
import { createBooking } from "@/server/scheduling/bookings";
import type { CreateBookingInput } from "@/server/scheduling/schemas";
import { manageUrlFor } from "@/server/scheduling/manage-token";

export const POST = handleRoute(async (request: Request, { params }: { params: Promise<{ practice: string }> }) => {
  await consumeRateLimit(`booking:ip:${clientIp(request.headers)}`, 20, 600);
  const practice = await getPracticeBySlug((await params).practice);
  const booking = await createBooking(practice.id, (await readJson(request)) as CreateBookingInput);
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
