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
export const blockFormSchema = z.object({
  label: singleLineText("label", 120, ""),
  date: localDateSchema,
  start: clockTime("start", "12:00"),
  end: clockTime("end", "13:00"),
});
type BlockForm = z.output<typeof blockFormSchema>;

/**
 * The parsed form's local date and times as the instants createBlock takes; it needs the
 * practice's zone, so it runs in the action rather than in the schema. Errors (a time the clocks
 * skip, an end before the start) name the form's own fields, so each shows beside its input.
 */
export function blockFormToInstants({ label, date, start, end }: BlockForm, zone: string): { label: string; start: Date; end: Date } {
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
  return { label, start: from.instant, end: to.instant };
}
