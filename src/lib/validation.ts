import { z } from "zod";

/** Shared field rules, so the same input gets the same message everywhere. */
export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((v) => v.toLowerCase());

export const nameSchema = (label: string, max = 120) =>
  z
    .string({ error: `Enter a ${label}.` })
    .trim()
    .min(1, `Enter a ${label}.`)
    .max(max, `Keep the ${label} under ${max} characters.`);

export const slugSchema = z
  .string({ error: "Enter a web address." })
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, numbers and single hyphens (like wayne-coaching).");

export const optionalText = (max: number, label = "This") =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

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
