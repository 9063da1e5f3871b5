"use server";

import { z } from "zod";
import { toSlotMonth } from "@/components/booking/slot-days";
import { clientAction } from "@/server/action";
import { getBookingDetails } from "@/server/scheduling/booking-queries";
import { cancelBooking, rescheduleBooking } from "@/server/scheduling/bookings";
import { listOpenSlots } from "@/server/scheduling/public-slots";
import { rescheduleFormFields } from "@/server/scheduling/schemas";

// The signed-in client's own sessions only: every call is scoped to { practiceId, clientId }.
const id = z.string().max(64);
const text = z.string().max(4000).optional();

export const portalSlotsAction = clientAction(z.object({ id, start: text, end: text, timeZone: text }), async ({ id, ...query }, { practiceId, clientId }) => {
  const { booking, offering } = await getBookingDetails({ practiceId, clientId }, id);
  const result = await listOpenSlots(practiceId, offering.slug, query, { actor: "client", ignoreBookingId: booking.id });
  return toSlotMonth(result.slots, result.timeZone);
});

export const portalRescheduleAction = clientAction(z.object({ id, ...rescheduleFormFields }), async ({ id, start }, { practiceId, clientId }) => {
  const booking = await rescheduleBooking({ practiceId, clientId }, id, start, { actor: "client" });
  return { url: `/portal/sessions/${booking.id}?done=rescheduled` };
});

export const portalCancelAction = clientAction(z.object({ id, reason: text }), async ({ id, reason }, { practiceId, clientId }) => {
  const booking = await cancelBooking({ practiceId, clientId }, id, { actor: "client", reason });
  return { url: `/portal/sessions/${booking.id}?done=canceled` };
});
