import "server-only";
import { z } from "zod";
import { PROFILE_LIMITS, PROFILE_PHOTO_MAX_BYTES, parseLanguages } from "@/lib/practice-profile";
import { checkboxSchema, emailSchema, nameSchema, slugSchema, timeZoneSchema } from "@/lib/validation";

/** Paths under the site root that a practice slug must not shadow in links or mail. */
const RESERVED_SLUGS = new Set([
  "admin", "api", "app", "book", "coach", "portal", "signin", "signout", "dev", "help",
  "settings", "onboarding", "check-email", "static", "assets", "tend", "www", "new",
]);

const practiceSlugSchema = slugSchema.refine((s) => !RESERVED_SLUGS.has(s), "That address is reserved; pick another.");

const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, like USD.");

const GRACE_MESSAGE = "Enter a whole number of minutes from 0 to 120.";

/** Minutes after booking in which a booker may undo it free of charge (0: none). Blank: 15. */
const bookingGraceMinutesSchema = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? undefined : typeof value === "string" ? Number(value.trim()) : value),
  z.number({ error: GRACE_MESSAGE }).int(GRACE_MESSAGE).min(0, GRACE_MESSAGE).max(120, GRACE_MESSAGE).default(15),
);

/** A practice as onboarding creates it and the settings page edits it. */
export const practiceInput = z.object({
  name: nameSchema("practice name", 100),
  slug: practiceSlugSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema.default("USD"),
  contactEmail: emailSchema,
  bookingGraceMinutes: bookingGraceMinutesSchema,
});
export type PracticeInput = z.input<typeof practiceInput>;

const MAX_EMBED_ORIGINS = 20;

const notAnOrigin = (entry: string) => `“${entry.slice(0, 80)}” is not a website address like https://www.example.com.`;

/**
 * The websites allowed to frame the booking pages, as the domain takes them:
 * each an https origin, such as https://www.example.com, stored bare, so what
 * reaches the CSP header is exactly scheme://host[:port]. Empty: any website may.
 */
const embedOriginsSchema = z
  .array(
    z.string().transform((entry, ctx) => {
      const origin = httpsOriginOf(entry.trim());
      if (!origin) ctx.addIssue({ code: "custom", message: notAnOrigin(entry) });
      return origin ?? z.NEVER;
    }),
  )
  .transform((origins) => [...new Set(origins)])
  .pipe(z.array(z.string()).max(MAX_EMBED_ORIGINS, `List at most ${MAX_EMBED_ORIGINS} websites.`));

export const embedSettingsInput = z.object({ embedOrigins: embedOriginsSchema });
export type EmbedSettingsInput = z.input<typeof embedSettingsInput>;

/**
 * The settings form: the same list typed one per line (or separated by commas
 * or spaces), checked by the same rules; the first problem shows on the field.
 */
export const embedSettingsFormSchema = z.object({
  embedOrigins: z
    .string()
    .max(4000, "That list is too long.")
    .default("")
    .transform((text, ctx) => {
      const parsed = embedOriginsSchema.safeParse(text.split(/[\s,]+/).filter(Boolean));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]!.message });
      return z.NEVER;
    }),
});

function httpsOriginOf(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  const bare = (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username && !url.password;
  return url.protocol === "https:" && bare && url.hostname.includes(".") ? url.origin : null;
}

const profileText = (label: string, max: number) =>
  z
    .string()
    .default("")
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, `Keep the ${label} under ${max} characters.`));

/**
 * The practice profile as the settings form sends it: bio, credentials, languages (one text, split
 * on commas), the note at the top of the booking pages, and a new photo or a request to remove it.
 * The photo is checked by its bytes (PNG, JPEG or WebP, at most 1 MB), whatever the browser claims.
 */
export const practiceProfileInput = z.object({
  bio: profileText("bio", PROFILE_LIMITS.bio),
  credentials: profileText("credentials", PROFILE_LIMITS.credentials),
  languages: z
    .union([z.string(), z.array(z.string())])
    .default("")
    .transform((value) => (Array.isArray(value) ? value.flatMap(parseLanguages) : parseLanguages(value)))
    .pipe(
      z
        .array(z.string().max(PROFILE_LIMITS.language, `Keep each language under ${PROFILE_LIMITS.language} characters.`))
        .max(PROFILE_LIMITS.languages, `List at most ${PROFILE_LIMITS.languages} languages.`),
    ),
  pageNote: profileText("note", PROFILE_LIMITS.pageNote),
  photo: z
    .instanceof(Blob, { message: "Choose a photo file." })
    .refine((file) => file.size <= PROFILE_PHOTO_MAX_BYTES, "That photo is over 1 MB. Please choose a smaller one (a square photo of 800 × 800 pixels is plenty).")
    .optional(),
  removePhoto: checkboxSchema,
});
export type PracticeProfileInput = z.input<typeof practiceProfileInput>;
