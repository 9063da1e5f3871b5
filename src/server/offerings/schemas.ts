import "server-only";
import { z } from "zod";
import { PAYMENT_COLLECTIONS } from "@/lib/billing/payments";
import { OFFERING_FORMATS, OFFERING_KINDS } from "@/lib/offerings";
import { isWebUrl, VIDEO_LINK_MODES } from "@/lib/scheduling/meeting-place";
import { checkboxSchema, moneySchema, multiLineText, nameSchema, slugSchema } from "@/lib/validation";

/** A whole number in [min, max]: what the domain takes for a count of minutes, hours or days. */
const wholeNumber = (min: number, max: number, label: string) =>
  z
    .number({ error: `${label}: enter a whole number.` })
    .int(`${label}: use a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

/** The same number typed into a form: blank means "not given" (undefined). */
function optionalIntField(min: number, max: number, label: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : Number(v)))
    .pipe(wholeNumber(min, max, label).optional());
}

/**
 * Like optionalIntField for settings whose "nothing" is meaningful (no cap,
 * the default grid): a blank field clears it (null); a missing one leaves it.
 */
function clearableIntField(min: number, max: number, label: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.trim() === "" ? null : Number(v)))
    .pipe(wholeNumber(min, max, label).nullable().optional());
}

const MAX_PRICE_CENTS = 10_000_000;

// Fields whose typed value is text: the form and the domain read them the same way.
const textFields = {
  kind: z.enum(OFFERING_KINDS, { error: "Choose what kind of coaching this is." }),
  name: nameSchema("name", 80),
  slug: slugSchema,
  description: multiLineText(2000, "Keep the description under 2,000 characters.").transform((v) => v ?? ""),
  format: z.enum(OFFERING_FORMATS, { error: "Choose how the session takes place." }).default("video"),
  location: multiLineText(500, "Keep this under 500 characters."),
  /** Video: a private room per session ("automatic") or the coach's own link in `location`. Left out: unchanged (automatic on create). */
  videoLink: z.enum(VIDEO_LINK_MODES, { error: "Choose how clients get the video link." }).optional(),
  noteTemplate: multiLineText(4000, "Keep the note template under 4,000 characters.").transform((v) => v ?? ""),
};

function requireAddressInPerson(o: { format: string; location: string | null; videoLink?: string }, ctx: z.RefinementCtx) {
  if (o.format === "in_person" && !o.location) {
    ctx.addIssue({ code: "custom", path: ["location"], message: "Enter the address for in-person sessions." });
  }
  // The coach's own room must be a link a client can open.
  if (o.format === "video" && o.videoLink === "fixed" && !isWebUrl(o.location)) {
    ctx.addIssue({ code: "custom", path: ["location"], message: "Enter your meeting link, starting with https://, such as https://zoom.us/j/123456789." });
  }
}
// Run even when other fields failed, so every message shows at once.
const always = { when: () => true };

/**
 * An offering as the domain takes it: typed values (the price in integer
 * cents, counts as numbers, `active` a boolean). Scheduling rules left out
 * take the kind's defaults on create and stay unchanged on update.
 */
export const offeringInput = z
  .object({
    ...textFields,
    durationMinutes: z
      .number({ error: "Enter the length in minutes." })
      .int("Use whole minutes.")
      .min(5, "A session lasts at least 5 minutes.")
      .max(720, "A session lasts at most 12 hours (720 minutes)."),
    priceCents: z
      .number({ error: "Enter a price in cents." })
      .int("Give the price in whole cents.")
      .min(0, "The price can't be negative.")
      .max(MAX_PRICE_CENTS, "The price must be at most 100,000."),
    active: z.boolean().default(false),
    bufferBeforeMinutes: wholeNumber(0, 240, "Buffer before").optional(),
    bufferAfterMinutes: wholeNumber(0, 240, "Buffer after").optional(),
    minimumNoticeHours: wholeNumber(0, 720, "Minimum notice").optional(),
    horizonDays: wholeNumber(1, 730, "Booking horizon").optional(),
    slotIntervalMinutes: wholeNumber(5, 720, "Start times every").nullable().optional(),
    maxPerDay: wholeNumber(1, 50, "Sessions per day").nullable().optional(),
    cancellationWindowHours: wholeNumber(0, 720, "Cancellation window").optional(),
    rescheduleWindowHours: wholeNumber(0, 720, "Reschedule window").optional(),
    // Billing (docs/billing.md); left out = "at booking" and forfeit on create, unchanged on update.
    paymentCollection: z.enum(PAYMENT_COLLECTIONS, { error: "Choose how the session is paid." }).optional(),
    lateCancelRefundPercent: wholeNumber(0, 100, "Late-cancel refund").optional(),
  })
  .superRefine(requireAddressInPerson, always);
export type OfferingInput = z.input<typeof offeringInput>;

/**
 * The offering form as the browser posts it (every field a string) parsed
 * into the domain's typed input: "150" → 15000 cents, "90" → 90, a ticked
 * checkbox → true. Edit forms also carry the offering's id.
 */
const offeringFormFields = {
  ...textFields,
  durationMinutes: z
    .string({ error: "Enter the length in minutes." })
    .trim()
    .min(1, "Enter the length in minutes.")
    .transform(Number)
    .pipe(offeringInput.shape.durationMinutes),
  price: moneySchema,
  active: checkboxSchema,
  bufferBeforeMinutes: optionalIntField(0, 240, "Buffer before"),
  bufferAfterMinutes: optionalIntField(0, 240, "Buffer after"),
  minimumNoticeHours: optionalIntField(0, 720, "Minimum notice"),
  horizonDays: optionalIntField(1, 730, "Booking horizon"),
  slotIntervalMinutes: clearableIntField(5, 720, "Start times every"),
  maxPerDay: clearableIntField(1, 50, "Sessions per day"),
  cancellationWindowHours: optionalIntField(0, 720, "Cancellation window"),
  rescheduleWindowHours: optionalIntField(0, 720, "Reschedule window"),
};

const toOfferingInput = <F extends { price: number }>({ price, ...rest }: F) => ({ ...rest, priceCents: price });

export const offeringFormSchema = z.object(offeringFormFields).superRefine(requireAddressInPerson, always).transform(toOfferingInput);

export const offeringEditFormSchema = z
  .object({ ...offeringFormFields, id: z.string() })
  .superRefine(requireAddressInPerson, always)
  .transform(toOfferingInput);
