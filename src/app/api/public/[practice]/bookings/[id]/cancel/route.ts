import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute, readJson } from "@/server/http";
import { cancelBooking } from "@/server/scheduling/bookings";
import { parseInput } from "@/server/validate";
import { bookingJson, bookingOfLink } from "../booking-json";

type Params = { params: Promise<{ practice: string; id: string }> };

const cancelBody = z.object({ reason: z.string().max(1000, "Keep the reason under 1,000 characters.").optional() });

/**
 * `POST …/bookings/{id}/cancel?token=T`: the manage link's cancel, same policy
 * and refunds. A body is optional (`{ "reason": "…" }`); canceling twice is 409
 * `already_canceled` and never refunds twice.
 */
export const POST = handleRoute(async (request: Request, { params }: Params) => {
  const { practice, id } = await params;
  const { booking } = await bookingOfLink(practice, id, new URL(request.url).searchParams.get("token"));
  const hasBody = request.headers.get("content-length") !== "0" && request.headers.has("content-type");
  const { reason } = parseInput(cancelBody, hasBody ? await readJson(request) : {});
  await cancelBooking({ practiceId: booking.practiceId, clientId: booking.clientId }, booking.id, { actor: "client", reason });
  return NextResponse.json(await bookingJson(booking.practiceId, booking.id));
});
