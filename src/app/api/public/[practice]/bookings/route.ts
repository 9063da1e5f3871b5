import { NextResponse } from "next/server";
import { clientAddress, handleRoute, readJson } from "@/server/http";
import { getPracticeBySlug } from "@/server/practices/queries";
import { limitBookingRequests } from "@/server/rate-limit";
import { createBooking } from "@/server/scheduling/bookings";
import { bookingRequestSchema } from "@/server/scheduling/schemas";
import { manageUrlFor } from "@/server/scheduling/manage-token";
import { parseInput } from "@/server/validate";
import { getBookingDetails } from "@/server/scheduling/booking-queries";
import { newBookingPayment } from "@/server/billing/payment-view";

export const POST = handleRoute(async (request: Request, { params }: { params: Promise<{ practice: string }> }) => {
  const body = await readJson(request);
  await limitBookingRequests((body as { email?: unknown } | null)?.email, clientAddress(request.headers));
  const practice = await getPracticeBySlug((await params).practice);
  // Parsed here, after the limiter (which counts refused requests too): the JSON's ISO start becomes a Date.
  const booking = await createBooking(practice.id, parseInput(bookingRequestSchema, body));
  const offering = (await getBookingDetails({ practiceId: practice.id }, booking.id)).offering;
  return NextResponse.json(
    {
      booking: {
        id: booking.id,
        status: booking.status,
        start: booking.startsAt.toISOString(),
        end: booking.endsAt.toISOString(),
        manageUrl: manageUrlFor(booking, "booker"),
        payment: newBookingPayment(booking, offering),
      },
    },
    { status: 201 },
  );
});
