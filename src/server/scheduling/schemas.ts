import "server-only";
import { z } from "zod";
import { emailSchema, multiLineText, nameSchema, timeZoneSchema } from "@/lib/validation";
import { phoneSchema } from "@/server/clients/schemas";

export const instantSchema = z
  .string({ error: "Choose a time." })
  .trim()
  .pipe(z.iso.datetime({ offset: true, error: "Give the time as an ISO-8601 instant, like 2026-12-01T17:00:00Z." }))
  .transform((v) => new Date(v));

const noteSchema = multiLineText(2000, "Keep the note under 2,000 characters.");

const partnerSchema = z.object({ name: nameSchema("partner's name", 120), email: emailSchema });

/** What a booker sends: the same shape from the booking page and the public API. */
export const createBookingInput = z.object({
  offering: z.string({ error: "Choose what to book." }).trim().min(1, "Choose what to book.").max(80),
  start: instantSchema,
  name: nameSchema("name", 120),
  email: emailSchema,
  timeZone: timeZoneSchema,
  phone: phoneSchema,
  note: noteSchema,
  partner: partnerSchema.optional().nullable(),
});
export type CreateBookingInput = z.input<typeof createBookingInput>;

export const cancelReasonSchema = multiLineText(1000, "Keep the reason under 1,000 characters.");

/** "YYYY-MM-DD" query parameters of the slots endpoint. */
export const slotsQuery = z
  .object({
    start: z.iso.date({ error: "start must be a date like 2026-12-01." }),
    end: z.iso.date({ error: "end must be a date like 2026-12-31." }),
    timeZone: timeZoneSchema.optional(),
  })
  .refine((q) => q.end >= q.start, { path: ["end"], message: "end must not be before start." })
  .refine((q) => (Date.parse(q.end) - Date.parse(q.start)) / 86_400_000 <= 62, {
    path: ["end"],
    message: "Ask for at most 62 days at a time.",
  });
