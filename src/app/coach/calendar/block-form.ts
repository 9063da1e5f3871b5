// The "Block time" form: the coach types a date and clock times in the practice's zone; these
// become the instants createBlock takes. Unit-tested in tests/unit/coach-calendar.test.ts.
import { z } from "zod";
import { parseLocalTime } from "@/lib/time/dates";
import { localDateSchema } from "@/lib/scheduling/availability";
import { localToInstant } from "@/lib/time/zones";
import { invalid } from "@/server/errors";
import { singleLineText } from "@/lib/validation";

const clockTime = (what: string, example: string) =>
  z
    .string({ error: `Enter the ${what} time.` })
    .trim()
    .min(1, `Enter the ${what} time.`)
    .refine((v) => parseLocalTime(v) !== null, `Enter the ${what} time as HH:mm, like ${example}.`);

/** The "Block time" form as typed: a label, one date, and a start and end clock time on it. */
const blockFormSchema = z.object({
  label: singleLineText("label", 120, ""),
  date: localDateSchema,
  start: clockTime("start", "12:00"),
  end: clockTime("end", "13:00"),
});
export type BlockForm = z.input<typeof blockFormSchema>;

/**
 * The form's local date and times as the instants createBlock takes. Errors name the form's own
 * fields (date, start, end), so the form can show them beside the right input.
 */
export function blockFormToInstants(input: unknown, zone: string): { label: string; start: string; end: string } {
  const parsed = blockFormSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
    throw invalid("Please correct the highlighted fields.", fieldErrors);
  }
  const { label, date, start, end } = parsed.data;
  const from = localToInstant(date, start, zone, "earliest");
  const to = localToInstant(date, end, zone, "latest");
  const fieldErrors: Record<string, string[]> = {};
  const skipped = (t: string) => `${t} doesn't exist on ${date}: the clocks go forward that night. Choose a time after the change.`;
  if (!from.ok) fieldErrors.start = [from.reason === "skipped" ? skipped(start) : "Enter a valid start time."];
  if (!to.ok) fieldErrors.end = [to.reason === "skipped" ? skipped(end) : "Enter a valid end time."];
  if (from.ok && to.ok && to.instant.getTime() <= from.instant.getTime()) {
    fieldErrors.end = ["The end time must be after the start time."];
  }
  if (!from.ok || !to.ok || fieldErrors.end) throw invalid("Please correct the highlighted fields.", fieldErrors);
  return { label, start: from.instant.toISOString(), end: to.instant.toISOString() };
}
