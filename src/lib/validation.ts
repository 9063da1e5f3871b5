import { z } from "@/lib/zod";
import { isWebUrl } from "./scheduling/meeting-place";
import { canonicalZone, isValidTimeZone } from "./time/zones";

/**
 * Characters that end or break a line somewhere text travels (email headers,
 * .ics properties and parameters, log lines, CSV): C0 controls (NUL, CR, LF,
 * TAB…), DEL, C1 controls (NEL…) and Unicode's line and paragraph separators.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const isSingleLine = (value: string) => !CONTROL_CHARACTERS.test(value);
const singleLineMessage = (label: string) => `Keep the ${label} on one line, without line breaks or other control characters.`;

/** Shared field rules, so the same input gets the same message everywhere. */
export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .refine(isSingleLine, "Enter a valid email address, like name@example.com.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((v) => v.toLowerCase());

/** A name or other single-line text that may reach an email subject, an invite or a log: control characters are refused. */
export const nameSchema = (label: string, max = 120) =>
  z
    .string({ error: `Enter a ${label}.` })
    .trim()
    .min(1, `Enter a ${label}.`)
    .max(max, `Keep the ${label} under ${max} characters.`)
    .refine(isSingleLine, singleLineMessage(label));

/** Optional single-line text (a label, a search): blank becomes `fallback`. */
export const singleLineText = <F extends string | null | undefined>(label: string, max: number, fallback: F) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max} characters.`)
    .refine(isSingleLine, singleLineMessage(label))
    .optional()
    .transform((v) => v || fallback);

// Everything but TAB and LF, once CR and CRLF are LF.
const STRAY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Multi-line text (a note, a reason, a description): line breaks and tabs
 * are kept (as LF), every other control character is dropped, so the text
 * can't smuggle a bare CR or a NUL into an email, an invite or a log. Blank
 * (or null, as typed callers pass it) becomes null.
 */
export const multiLineText = (max: number, tooLong: string) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(STRAY_CONTROLS, "").trim())
    .pipe(z.string().max(max, tooLong))
    .nullish()
    .transform((v) => v || null);

export const slugSchema = z
  .string({ error: "Enter a web address." })
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, numbers and single hyphens (like wayne-coaching).");

/** An IANA zone name the runtime knows. (Here, not in time/zones.ts, so the browser's zone code stays free of zod.) */
export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .refine(isValidTimeZone, "Choose a time zone from the list (for example America/New_York).")
  // Stored under today's name, whatever the device reported ("Asia/Calcutta" → "Asia/Kolkata").
  .transform(canonicalZone);

/** HTML checkboxes send "on" when ticked and nothing otherwise. */
export const checkboxSchema = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A money amount typed in major units ("150", "150.00") into minor units (15000). */
export const moneySchema = z
  .union([z.string(), z.number()], { error: "Enter a price (0 for free)." })
  .transform((v) => (typeof v === "number" ? v : v.trim().replace(/^\$/, "")))
  .pipe(
    z.coerce
      .number<string | number>({ error: "Enter a price as a number, like 150 or 149.50." })
      .min(0, "The price can't be negative.")
      .max(100_000, "The price must be at most 100,000."),
  )
  .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, "Use at most two decimals.")
  .transform((v) => Math.round(v * 100));

/** Why the coach refunds: the client reads it in the refund email. */
export const refundReasonSchema = z.string().trim().min(1, "Say why you are refunding (the client reads it).").max(500, "Keep the reason under 500 characters.");

/**
 * The coach's refund form, the same for a session, a package or a plan month:
 * the id of what was paid, the amount typed in major units ("50", "49.50") →
 * cents, and the reason.
 */
export const refundFormSchema = z.object({
  id: z.string(),
  amount: moneySchema.refine((cents) => cents > 0, "Enter an amount above zero."),
  reason: refundReasonSchema,
});

/** A field left out or blank (spaces only) as `fallback`; anything else as `schema` reads it. */
export const blankAs = <S extends z.ZodType>(fallback: unknown, schema: S) =>
  z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? fallback : v), schema);

/**
 * A web address someone will open (a meeting link, a Jitsi server): http or
 * https with a host, one line, no user name or password in it. `message`
 * names what it is for. Stored as the URL parser writes it.
 */
export const webUrlSchema = (message: string, max = 500) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Keep the address under ${max} characters.`)
    .refine((v) => isSingleLine(v) && isWebUrl(v), message)
    // As a browser would write it (spaces escaped, host lowercased), so every link built from it works.
    .transform((v) => new URL(v).href);
