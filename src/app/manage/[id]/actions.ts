"use server";

import { z } from "zod";
import { toSlotMonth } from "@/components/booking/slot-days";
import { publicAction } from "@/server/action";
import { cancelBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { listOpenSlots } from "@/server/scheduling/public-slots";
import { rescheduleFormFields } from "@/server/scheduling/schemas";
import { requireBookingByToken } from "@/server/scheduling/booking-by-token";

// The manage link is the key: every action checks it, then acts as that booking's client.
const link = { id: z.string().max(64), token: z.string().max(128) };
const text = z.string().max(4000).optional();

const manageUrl = (id: string, token: string, done: string) => `/manage/${id}?token=${encodeURIComponent(token)}&done=${done}`;

export const manageSlotsAction = publicAction(z.object({ ...link, start: text, end: text, timeZone: text }), async ({ id, token, ...query }) => {
  const { booking, offering } = await requireBookingByToken(id, token);
  const result = await listOpenSlots(booking.practiceId, offering.slug, query, { actor: "client", ignoreBookingId: booking.id });
  return toSlotMonth(result.slots, result.timeZone);
});

export const manageRescheduleAction = publicAction(z.object({ ...link, ...rescheduleFormFields }), async ({ id, token, start }) => {
  const { booking } = await requireBookingByToken(id, token);
  await rescheduleBooking({ practiceId: booking.practiceId, clientId: booking.clientId }, booking.id, start, { actor: "client" });
  return { url: manageUrl(booking.id, token, "rescheduled") };
});

export const manageCancelAction = publicAction(z.object({ ...link, reason: text }), async ({ id, token, reason }) => {
  const { booking } = await requireBookingByToken(id, token);
  await cancelBooking({ practiceId: booking.practiceId, clientId: booking.clientId }, booking.id, { actor: "client", reason });
  return { url: manageUrl(booking.id, token, "canceled") };
});
