import { z } from "zod";
import { timeZoneSchema } from "@/lib/time-zones";
import { emailSchema, nameSchema, slugSchema } from "@/lib/validation";

/** Paths under the site root that a practice slug must not shadow in links or mail. */
export const RESERVED_SLUGS = new Set([
  "admin", "api", "app", "book", "coach", "portal", "signin", "signout", "dev", "help",
  "settings", "onboarding", "check-email", "static", "assets", "tend", "www", "new",
]);

export const practiceSlugSchema = slugSchema.refine((s) => !RESERVED_SLUGS.has(s), "That address is reserved; pick another.");

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, like USD.");

export const createPracticeInput = z.object({
  name: nameSchema("practice name", 100),
  slug: practiceSlugSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema.default("USD"),
  contactEmail: emailSchema,
});
export type CreatePracticeInput = z.input<typeof createPracticeInput>;

export const updatePracticeInput = createPracticeInput;
