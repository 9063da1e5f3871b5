"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { toSlotMonth } from "@/components/booking/slot-days";
import { publicAction } from "@/server/action";
import { clientAddress } from "@/server/http";
import { getPracticeBySlug } from "@/server/practices/queries";
import { limitBookingRequests } from "@/server/rate-limit";
import { createBooking } from "@/server/scheduling/bookings";
import { manageTokenFor } from "@/server/scheduling/manage-token";
import { listOpenSlots } from "@/server/scheduling/public-slots";
import { bookingFormSchema } from "@/server/scheduling/schemas";

const text = z.string().max(4000).optional();

// Only the shape is checked here; the domain validates the values and names the fields.
const slotsInput = z.object({ practice: z.string().max(100), offering: z.string().max(100), start: text, end: text, timeZone: text });

export const loadBookingSlotsAction = publicAction(slotsInput, async ({ practice: slug, offering, ...query }) => {
  const practice = await getPracticeBySlug(slug);
  const result = await listOpenSlots(practice.id, offering, query);
  return toSlotMonth(result.slots, result.timeZone);
});

export const bookSessionAction = publicAction(bookingFormSchema, async ({ practice: slug, ...request }) => {
  await limitBookingRequests(request.email, clientAddress(await headers()));
  const practice = await getPracticeBySlug(slug);
  const booking = await createBooking(practice.id, request, { actor: "client" });
  // A paid booking goes to Checkout first; Checkout returns to the booked page.
  if (booking.checkout) return { url: booking.checkout.url };
  return { url: `/book/${practice.slug}/${encodeURIComponent(request.offering)}/booked/${booking.id}?token=${manageTokenFor(booking, "booker")}` };
});
