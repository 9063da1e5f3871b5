"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { toSlotMonth } from "@/components/booking/slot-days";
import { publicAction } from "@/server/action";
import { clientAddress } from "@/server/http";
import { getPracticeBySlug } from "@/server/practices/queries";
import { limitBookingRequests } from "@/server/rate-limit";
import { createBooking, type PayWith } from "@/server/scheduling/bookings";
import { currentUser } from "@/server/auth/guards";
import { clientIdForUser } from "@/server/billing/pay-with";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/validate";
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

// How it is paid besides per session: one of the signed-in client's credits, or a package bought with it.
const payWithInput = z.looseObject({ payWith: z.enum(["single", "credit", "package"]).optional(), packageId: z.string().max(100).optional() });

export const bookSessionAction = publicAction(payWithInput, async ({ payWith: how, packageId, ...raw }) => {
  const { practice: slug, ...request } = parseInput(bookingFormSchema, raw);
  await limitBookingRequests(request.email, clientAddress(await headers()));
  const practice = await getPracticeBySlug(slug);
  const booking = await createBooking(practice.id, request, { actor: "client", payWith: await payWithFor(practice.id, how, packageId) });
  // A paid booking goes to Checkout first; Checkout returns to the booked page.
  if (booking.checkout) return { url: booking.checkout.url };
  return { url: `/book/${practice.slug}/${encodeURIComponent(request.offering)}/booked/${booking.id}?token=${manageTokenFor(booking, "booker")}` };
});

/** Credits are the signed-in client's own: without a session (or as nobody's client here) there are none to use. */
async function payWithFor(practiceId: string, how: string | undefined, packageId: string | undefined): Promise<PayWith | undefined> {
  if (how === "package" && packageId) return { package: { packageId } };
  if (how !== "credit") return undefined;
  const user = await currentUser();
  const clientId = user ? await clientIdForUser(practiceId, user.id) : null;
  if (!clientId) throw new AppError("unauthorized", "Sign in to use the sessions in your package.");
  return { credit: { clientId } };
}
