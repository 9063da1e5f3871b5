import { NextResponse } from "next/server";
import { handleRoute, readJson } from "@/server/http";
import { rescheduleBooking } from "@/server/scheduling/bookings";
import { rescheduleRequestSchema } from "@/server/scheduling/schemas";
import { parseInput } from "@/server/validate";
import { bookingJson, bookingOfLink } from "../booking-json";

type Params = { params: Promise<{ practice: string; id: string }> };

/** `POST …/bookings/{id}/reschedule?token=T` with `{ "start": ISO }`: moves the booking within its policy; no money moves. */
export const POST = handleRoute(async (request: Request, { params }: Params) => {
  const { practice, id } = await params;
  const { booking } = await bookingOfLink(practice, id, new URL(request.url).searchParams.get("token"));
  const { start } = parseInput(rescheduleRequestSchema, await readJson(request));
  await rescheduleBooking({ practiceId: booking.practiceId, clientId: booking.clientId }, booking.id, start, { actor: "client" });
  return NextResponse.json(await bookingJson(booking.practiceId, booking.id));
});
