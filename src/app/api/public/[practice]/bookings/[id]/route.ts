import { NextResponse } from "next/server";
import { handleRoute } from "@/server/http";
import { bookingJson, bookingOfLink } from "./booking-json";

type Params = { params: Promise<{ practice: string; id: string }> };

/** `GET /api/public/{practice}/bookings/{id}?token=T`: the booking its manage link opens, with its payment. */
export const GET = handleRoute(async (request: Request, { params }: Params) => {
  const { practice, id } = await params;
  const { booking } = await bookingOfLink(practice, id, new URL(request.url).searchParams.get("token"));
  return NextResponse.json(await bookingJson(booking.practiceId, booking.id));
});
