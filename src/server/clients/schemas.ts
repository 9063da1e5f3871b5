import "server-only";
import { z } from "zod";
import { emailSchema, nameSchema, singleLineText, timeZoneSchema } from "@/lib/validation";

export const phoneSchema = z
  .string()
  .trim()
  .max(32, "Keep the phone number under 32 characters.")
  .regex(/^[+0-9 ().-]*$/, "Use digits, spaces and + ( ) - only.")
  .optional()
  .transform((v) => v || null);

export const clientInput = z.object({
  name: nameSchema("name", 120),
  email: emailSchema,
  phone: phoneSchema,
  timeZone: timeZoneSchema,
  notifyClient: z
    .union([z.boolean(), z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === true || v === "on"),
});
export type ClientInput = z.input<typeof clientInput>;

export const clientSearch = singleLineText("search", 120, undefined);
