import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { PAYMENT_COLLECTIONS } from "@/lib/billing/payments";
import { moneySchema } from "@/lib/validation";
import { getDb } from "@/server/db/client";
import { offerings } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";

const collection = z.enum(PAYMENT_COLLECTIONS, { error: "Choose how this session is paid." });
const percent = (v: z.ZodNumber) => v.int("Use a whole percentage.").min(0, "At least 0 %.").max(100, "At most 100 %.");

/** What Settings → Payments changes on one offering, as typed values (cents, an enum, a whole percentage). */
const offeringPaymentInput = z.object({
  offeringId: z.uuid({ error: "That offering was not found." }),
  priceCents: z.number().int().min(0).max(10_000_000),
  paymentCollection: collection,
  lateCancelRefundPercent: percent(z.number()),
});

/** The same, as the form sends it: strings in, typed values out. */
export const offeringPaymentForm = z
  .object({
    offeringId: z.string(),
    price: moneySchema,
    paymentCollection: collection,
    lateCancelRefundPercent: percent(z.coerce.number({ error: "Enter a percentage from 0 to 100." })),
  })
  .transform(({ price, ...rest }) => ({ ...rest, priceCents: price }));

/**
 * Sets an offering's price per session, how it is collected, and what a late
 * cancel or no-show gets back. Bookings already made keep their snapshot.
 */
export async function setOfferingPayment(practiceId: string, input: z.input<typeof offeringPaymentInput>) {
  const values = parseInput(offeringPaymentInput, input);
  const [row] = await getDb()
    .update(offerings)
    .set({ priceCents: values.priceCents, paymentCollection: values.paymentCollection, lateCancelRefundPercent: values.lateCancelRefundPercent })
    .where(and(eq(offerings.practiceId, practiceId), eq(offerings.id, values.offeringId)))
    .returning();
  if (!row) throw notFound("That offering");
  return row;
}
