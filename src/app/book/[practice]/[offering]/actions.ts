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

const text = z.string().max(4000).optional();

// Only the shape is checked here; the domain validates the values and names the fields.
const slotsInput = z.object({ practice: z.string().max(100), offering: z.string().max(100), start: text, end: text, timeZone: text });

export const loadBookingSlotsAction = publicAction(slotsInput, async ({ practice: slug, offering, ...query }) => {
  const practice = await getPracticeBySlug(slug);
  const result = await listOpenSlots(practice.id, offering, query);
  return toSlotMonth(result.slots, result.timeZone);
});

const bookInput = z.object({
  practice: z.string().max(100),
  offering: text,
  start: text,
  name: text,
  email: text,
  timeZone: text,
  phone: text,
  note: text,
  partnerName: text,
  partnerEmail: text,
});

export const bookSessionAction = publicAction(bookInput, async (input) => {
  await limitBookingRequests(input.email, clientAddress(await headers()));
  const practice = await getPracticeBySlug(input.practice);
  const partnerGiven = !!(input.partnerName?.trim() || input.partnerEmail?.trim());
  const booking = await createBooking(
    practice.id,
    {
      offering: input.offering ?? "",
      start: input.start ?? "",
      name: input.name ?? "",
      email: input.email ?? "",
      timeZone: input.timeZone ?? "",
      phone: input.phone,
      note: input.note,
      partner: partnerGiven ? { name: input.partnerName ?? "", email: input.partnerEmail ?? "" } : undefined,
    },
    { actor: "client" },
  );
  return { url: `/book/${practice.slug}/${encodeURIComponent(input.offering ?? "")}/booked/${booking.id}?token=${manageTokenFor(booking, "booker")}` };
});
