import { z } from "zod";
import { checkboxSchema, moneySchema, nameSchema, slugSchema } from "@/lib/validation";

export const OFFERING_KINDS = ["relationship", "crisis", "one_on_one"] as const;
export const OFFERING_FORMATS = ["video", "phone", "in_person"] as const;

export const offeringKindLabels: Record<(typeof OFFERING_KINDS)[number], string> = {
  relationship: "Relationship Coaching",
  crisis: "Crisis Coaching",
  one_on_one: "One-on-One Coaching",
};

export const offeringFormatLabels: Record<(typeof OFFERING_FORMATS)[number], string> = {
  video: "Video call",
  phone: "Phone call",
  in_person: "In person",
};

export const offeringInput = z
  .object({
    kind: z.enum(OFFERING_KINDS, { error: "Choose what kind of coaching this is." }),
    name: nameSchema("name", 80),
    slug: slugSchema,
    description: z.string().trim().max(2000, "Keep the description under 2,000 characters.").default(""),
    durationMinutes: z.coerce
      .number({ error: "Enter the length in minutes." })
      .int("Use whole minutes.")
      .min(5, "A session lasts at least 5 minutes.")
      .max(720, "A session lasts at most 12 hours (720 minutes)."),
    price: moneySchema,
    format: z.enum(OFFERING_FORMATS, { error: "Choose how the session takes place." }).default("video"),
    location: z
      .string()
      .trim()
      .max(500, "Keep this under 500 characters.")
      .optional()
      .transform((v) => v || null),
    active: checkboxSchema,
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
