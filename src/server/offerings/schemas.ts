import "server-only";
import { z } from "zod";
import { OFFERING_FORMATS, OFFERING_KINDS } from "@/lib/offerings";
import { checkboxSchema, moneySchema, multiLineText, nameSchema, slugSchema } from "@/lib/validation";

/** A whole number in [min, max] typed into a form; blank means "not given". */
function optionalInt(min: number, max: number, label: string) {
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v === null || v === undefined || (typeof v === "string" && v.trim() === "") ? undefined : Number(v)))
    .pipe(
      z
        .number({ error: `${label}: enter a whole number.` })
        .int(`${label}: use a whole number.`)
        .min(min, `${label} must be at least ${min}.`)
        .max(max, `${label} must be at most ${max}.`)
        .optional(),
    );
}

/**
 * Like optionalInt for settings whose "nothing" is meaningful (no cap, the
 * default grid): a blank field clears it (null); a missing one leaves it.
 */
function clearableInt(min: number, max: number, label: string) {
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || (typeof v === "string" && v.trim() === "") ? null : Number(v)))
    .pipe(
      z
        .number({ error: `${label}: enter a whole number.` })
        .int(`${label}: use a whole number.`)
        .min(min, `${label} must be at least ${min}.`)
        .max(max, `${label} must be at most ${max}.`)
        .nullable()
        .optional(),
    );
}

export const offeringInput = z
  .object({
    kind: z.enum(OFFERING_KINDS, { error: "Choose what kind of coaching this is." }),
    name: nameSchema("name", 80),
    slug: slugSchema,
    description: multiLineText(2000, "Keep the description under 2,000 characters.").transform((v) => v ?? ""),
    durationMinutes: z.coerce
      .number({ error: "Enter the length in minutes." })
      .int("Use whole minutes.")
      .min(5, "A session lasts at least 5 minutes.")
      .max(720, "A session lasts at most 12 hours (720 minutes)."),
    price: moneySchema,
    format: z.enum(OFFERING_FORMATS, { error: "Choose how the session takes place." }).default("video"),
    location: multiLineText(500, "Keep this under 500 characters."),
    active: checkboxSchema,
    // Scheduling rules; left out (or blank) = the kind's defaults on create, unchanged on update.
    bufferBeforeMinutes: optionalInt(0, 240, "Buffer before"),
    bufferAfterMinutes: optionalInt(0, 240, "Buffer after"),
    minimumNoticeHours: optionalInt(0, 720, "Minimum notice"),
    horizonDays: optionalInt(1, 730, "Booking horizon"),
    slotIntervalMinutes: clearableInt(5, 720, "Start times every"),
    maxPerDay: clearableInt(1, 50, "Sessions per day"),
    cancellationWindowHours: optionalInt(0, 720, "Cancellation window"),
    rescheduleWindowHours: optionalInt(0, 720, "Reschedule window"),
  })
  .superRefine(
    (o, ctx) => {
      if (o.format === "in_person" && !o.location) {
        ctx.addIssue({ code: "custom", path: ["location"], message: "Enter the address for in-person sessions." });
      }
    },
    // Run even when other fields failed, so every message shows at once.
    { when: () => true },
  );

export type OfferingInput = z.input<typeof offeringInput>;
