import "server-only";
import { z } from "zod";
import { emailSchema, multiLineText, nameSchema, timeZoneSchema } from "@/lib/validation";
import { OTHER_TIME } from "@/lib/scheduling/slots";
import { LOCAL_DATE_PATTERN, LOCAL_TIME_PATTERN } from "@/lib/time/dates";
import { localToInstant } from "@/lib/time/zones";
import { phoneSchema } from "@/server/clients/schemas";
import { AppError } from "@/server/errors";

const instantSchema = z
  .string({ error: "Choose a time." })
  .trim()
  // Blank is "not chosen" ("Choose a time."), not a badly written instant.
  .min(1, "Choose a time.")
  .pipe(z.iso.datetime({ offset: true, error: "Give the time as an ISO-8601 instant, like 2026-12-01T17:00:00Z." }))
  .transform((v) => new Date(v));

const noteSchema = multiLineText(2000, "Keep the note under 2,000 characters.");

const partnerSchema = z.object({ name: nameSchema("partner's name", 120), email: emailSchema });

const bookerFields = {
  offering: z.string({ error: "Choose what to book." }).trim().min(1, "Choose what to book.").max(80),
  name: nameSchema("name", 120),
  email: emailSchema,
  timeZone: timeZoneSchema,
  phone: phoneSchema,
  note: noteSchema,
  partner: partnerSchema.nullish(),
};

/** A booking as the domain takes it: the start is a `Date`. */
export const createBookingInput = z.object({ ...bookerFields, start: z.date({ error: "Choose a time." }) });
export type CreateBookingInput = z.input<typeof createBookingInput>;

/**
 * What a booker sends, as text: the public API's JSON body, and the booking
 * forms once their flat fields are arranged. The start is an ISO-8601 instant.
 */
export const bookingRequestSchema = z.object({ ...bookerFields, start: instantSchema });

const text = z.string().max(4000);
const optionalText = text.optional();
// A blank or missing time is left out, for the domain to say "Choose a time." once the record is found.
const optionalStart = optionalText.transform((v) => v || undefined).pipe(instantSchema.optional());

/**
 * The booking page's form (strings, the partner as two flat fields) parsed
 * as the request above. Errors name the request's fields ("partner.email"),
 * which the page shows beside its inputs.
 */
export const bookingFormSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== "object") return raw;
  const { partnerName, partnerEmail, ...booker } = raw as Record<string, unknown>;
  return { ...booker, partner: partnerOf(partnerName, partnerEmail) };
}, bookingRequestSchema.extend({ practice: z.string().max(100) }));

/**
 * The coach's choice of time: one of the open times (`start`, an ISO instant), or "Another time"
 * (`start` = "other") with a clock time on the form's date, read in the practice's zone.
 */
export const coachStartFields = { start: optionalText, date: optionalText, otherTime: optionalText };

/**
 * The instant the coach chose (coachStartFields), or undefined when nothing was chosen (the
 * domain then says "Choose a time."). A typed time is on the form's date in `timeZone`; one
 * the clocks skip that day (spring forward) is refused with a field message.
 */
export function coachChosenStart(form: { start?: string; date?: string; otherTime?: string }, timeZone: string): Date | undefined {
  const start = form.start?.trim();
  if (!start) return undefined;
  if (start !== OTHER_TIME) {
    const parsed = instantSchema.safeParse(start);
    if (!parsed.success) throw new AppError("invalid", "Choose one of the times.", { start: ["Choose one of the times."] });
    return parsed.data;
  }
  const time = form.otherTime?.trim() ?? "";
  const date = form.date?.trim() ?? "";
  if (!LOCAL_TIME_PATTERN.test(time)) {
    throw new AppError("invalid", "Enter the start time, like 19:30.", { otherTime: ["Enter the start time, like 19:30."] });
  }
  if (!LOCAL_DATE_PATTERN.test(date)) throw new AppError("invalid", "Choose a date first.", { start: ["Choose a date first."] });
  const local = localToInstant(date, time, timeZone);
  if (!local.ok) {
    const message = local.reason === "skipped" ? "The clocks skip that time on that date (daylight saving). Choose another time." : "Enter the start time, like 19:30.";
    throw new AppError("invalid", message, { otherTime: [message] });
  }
  return local.instant;
}

/**
 * The coach's "book for a client" form: an existing client (clientId) books
 * under their own name, email and zone, so those are checked by createBooking
 * once the client is known; the time is read by coachChosenStart.
 */
export const bookForClientFormSchema = z
  .object({
    offering: text.default(""),
    ...coachStartFields,
    clientId: optionalText,
    name: text.default(""),
    email: text.default(""),
    timeZone: optionalText,
    phone: optionalText,
    note: optionalText,
    "partner.name": optionalText,
    "partner.email": optionalText,
  })
  .transform(({ "partner.name": partnerName, "partner.email": partnerEmail, ...rest }) => ({ ...rest, partner: partnerOf(partnerName, partnerEmail) }));

/** Two flat partner fields as the request's `partner`; both blank (or missing) is no partner. */
function partnerOf(name: unknown, email: unknown) {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return text(name).trim() || text(email).trim() ? { name: text(name), email: text(email) } : undefined;
}

/** A new start for a booking, from a reschedule form; a missing one is left to the domain ("Choose a time."). */
export const rescheduleFormFields = { start: optionalStart };

/** The public API's reschedule body: `{ "start": ISO }`. */
export const rescheduleRequestSchema = z.object({ start: instantSchema });

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
