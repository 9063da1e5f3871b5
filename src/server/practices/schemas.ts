import "server-only";
import { z } from "zod";
import { emailSchema, nameSchema, slugSchema, timeZoneSchema } from "@/lib/validation";

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

/** A practice as onboarding creates it and the settings page edits it. */
export const practiceInput = z.object({
  name: nameSchema("practice name", 100),
  slug: practiceSlugSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema.default("USD"),
  contactEmail: emailSchema,
});
export type PracticeInput = z.input<typeof practiceInput>;

const MAX_EMBED_ORIGINS = 20;

/**
 * The websites allowed to frame the booking pages, typed one per line (or
 * separated by commas or spaces): each an https origin, such as
 * https://www.example.com. Stored as bare origins, so what reaches the CSP
 * header is exactly scheme://host[:port]. Blank: any website may.
 */
const embedOriginsSchema = z
  .string()
  .max(4000, "That list is too long.")
  .transform((text, ctx) => {
    const origins = new Set<string>();
    for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
      const origin = httpsOriginOf(entry);
      if (!origin) {
        ctx.addIssue({ code: "custom", message: `“${entry.slice(0, 80)}” is not a website address like https://www.example.com.` });
        return z.NEVER;
      }
      origins.add(origin);
    }
    if (origins.size > MAX_EMBED_ORIGINS) {
      ctx.addIssue({ code: "custom", message: `List at most ${MAX_EMBED_ORIGINS} websites.` });
      return z.NEVER;
    }
    return [...origins];
  });

export const embedSettingsInput = z.object({ embedOrigins: embedOriginsSchema.default([]) });
export type EmbedSettingsInput = z.input<typeof embedSettingsInput>;

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
