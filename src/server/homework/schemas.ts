import "server-only";
import { z } from "zod";
import { ASSIGN_TO, CADENCE_KINDS, END_MODES, MAX_RATING, MAX_TIMES_PER_WEEK, MIN_RATING, MIN_TIMES_PER_WEEK } from "@/lib/homework/cadence";
import { HOMEWORK_EMAIL_PREFERENCES } from "@/lib/homework/reminders";
import { localDateSchema } from "@/lib/scheduling/availability";
import { multiLineText, nameSchema } from "@/lib/validation";

// What forms send (strings) and what domain code passes (typed values) both parse here: the
// actions' form schemas and the domain functions' own checks are the same rules.

const cadenceKindSchema = z.enum(CADENCE_KINDS, "Choose how often.");

/** Blank (a form's empty field) is "not given". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const timesPerWeekSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number<string | number>({ error: "Enter how many times a week." })
    .int("Enter a whole number of times a week.")
    .min(MIN_TIMES_PER_WEEK, `Choose between ${MIN_TIMES_PER_WEEK} and ${MAX_TIMES_PER_WEEK} times a week.`)
    .max(MAX_TIMES_PER_WEEK, `Choose between ${MIN_TIMES_PER_WEEK} and ${MAX_TIMES_PER_WEEK} times a week.`)
    .optional(),
);

/** Optional text that also takes null, so a parsed value parses again (actions parse, then domain functions do). */
const optionalText = (max: number, tooLong: string) => z.preprocess((v) => v ?? undefined, multiLineText(max, tooLong));

const optionalDate = z.preprocess(blankToUndefined, localDateSchema.optional());

/** N a week needs its N; other cadences ignore it. */
function cadenceRefinement(v: { cadenceKind: string; timesPerWeek?: number }, ctx: z.RefinementCtx) {
  if (v.cadenceKind === "times_per_week" && v.timesPerWeek === undefined) {
    ctx.addIssue({ code: "custom", path: ["timesPerWeek"], message: "Enter how many times a week." });
  }
}

export const libraryPracticeInput = z
  .object({
    title: nameSchema("title", 120),
    instructions: multiLineText(4000, "Keep the instructions under 4,000 characters.").pipe(
      z.string({ error: "Write the instructions." }),
    ),
    reflectionPrompt: nameSchema("reflection question", 300),
    cadenceKind: cadenceKindSchema,
    timesPerWeek: timesPerWeekSchema,
  })
  .superRefine(cadenceRefinement)
  .transform((v) => ({ ...v, timesPerWeek: v.cadenceKind === "times_per_week" ? v.timesPerWeek! : null }));
export type LibraryPracticeInput = z.input<typeof libraryPracticeInput>;


export const assignmentInput = z
  .object({
    // Checked by the lookups: a malformed id is "not found", like a foreign one.
    clientId: z.string(),
    libraryPracticeId: z.string(),
    assignTo: z.enum(ASSIGN_TO, "Choose who does it.").default("client"),
    cadenceKind: cadenceKindSchema,
    timesPerWeek: timesPerWeekSchema,
    dueDate: optionalDate,
    startDate: localDateSchema,
    endMode: z.enum(END_MODES, "Choose when it ends.").default("open"),
    endDate: optionalDate,
    personalInstructions: optionalText(2000, "Keep the personal instructions under 2,000 characters."),
  })
  .superRefine((v, ctx) => {
    cadenceRefinement(v, ctx);
    if (v.cadenceKind === "once") {
      if (!v.dueDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "Choose the date it's due." });
      else if (v.dueDate < v.startDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date can't be before the start." });
    }
    if (v.endMode === "date") {
      if (!v.endDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "Choose the last day." });
      else if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The last day can't be before the start." });
    }
  })
  .transform((v) => ({
    ...v,
    timesPerWeek: v.cadenceKind === "times_per_week" ? v.timesPerWeek! : null,
    dueDate: v.cadenceKind === "once" ? v.dueDate! : null,
    endDate: v.endMode === "date" ? v.endDate! : null,
  }));
export type AssignmentInput = z.input<typeof assignmentInput>;

const ratingSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number<string | number>({ error: "Choose how it went, 1 to 5." })
    .int("Choose how it went, 1 to 5.")
    .min(MIN_RATING, "Choose how it went, 1 to 5.")
    .max(MAX_RATING, "Choose how it went, 1 to 5.")
    .optional(),
);

/** Which occurrence: its date and slot (src/lib/homework/occurrences.ts). */
export const occurrenceInput = z.object({
  // Checked by the lookup: a malformed id is "not found", like a foreign one.
  assignmentId: z.string(),
  occurrenceDate: localDateSchema,
  occurrenceSlot: z.coerce
    .number<string | number>({ error: "That isn't one of this practice's times." })
    .int("That isn't one of this practice's times.")
    .min(1, "That isn't one of this practice's times.")
    .max(MAX_TIMES_PER_WEEK, "That isn't one of this practice's times.")
    .default(1),
});
export type OccurrenceInput = z.input<typeof occurrenceInput>;

export const completionInput = occurrenceInput.extend({
  reflection: optionalText(4000, "Keep the reflection under 4,000 characters."),
  rating: ratingSchema.transform((v) => v ?? null),
});
export type CompletionInput = z.input<typeof completionInput>;

/** The portal's email preferences form. */
export const emailPreferencesInput = z.object({
  homeworkEmail: z.enum(HOMEWORK_EMAIL_PREFERENCES, "Choose daily, weekly or off."),
});
