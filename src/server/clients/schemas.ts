import "server-only";
import { z } from "zod";
import { checkboxSchema, emailSchema, nameSchema, singleLineText, timeZoneSchema } from "@/lib/validation";

export const phoneSchema = z
  .string()
  .trim()
  .max(32, "Keep the phone number under 32 characters.")
  .regex(/^[+0-9 ().-]*$/, "Use digits, spaces and + ( ) - only.")
  .nullish()
  .transform((v) => v || null);

const clientFields = {
  name: nameSchema("name", 120),
  email: emailSchema,
  phone: phoneSchema,
  timeZone: timeZoneSchema,
};

/** A client as the domain takes it; `notifyClient` (create only) emails a welcome with a portal link. */
export const clientInput = z.object({ ...clientFields, notifyClient: z.boolean().default(false) });
export type ClientInput = z.input<typeof clientInput>;

/** The add-client form: the same text fields, and the "email them" checkbox ("on" or absent). */
export const clientFormSchema = z.object({ ...clientFields, notifyClient: checkboxSchema });

/** The edit form carries the client's id; the welcome is only offered when adding. */
export const clientEditFormSchema = z.object({ ...clientFields, id: z.string() });

export const clientSearch = singleLineText("search", 120, undefined);
