import "server-only";
import { z } from "zod";
import { PILLARS, ROADBLOCKS, ROOT_CAUSES, type QuestionnaireContent } from "@/lib/intake/model";
import { checkboxSchema, multiLineText } from "@/lib/validation";

/** What the builder may save: every question well formed, ids unique, options unique. */
const id = z.string().regex(/^[a-z0-9_-]{1,40}$/, "Use lowercase letters, digits, - or _ for an id.");
const prompt = z.string().trim().min(1, "Write the question.").max(500, "Keep a question under 500 characters.");
const label = z.string().trim().min(1, "Write a label.").max(120, "Keep a label under 120 characters.");
const help = multiLineText(1000, "Keep the help text under 1,000 characters.").transform((v) => v ?? undefined);

const scoring = z
  .discriminatedUnion("feeds", [
    z.object({ feeds: z.literal("root_cause"), key: z.enum(ROOT_CAUSES) }),
    z.object({ feeds: z.literal("roadblock"), key: z.enum(ROADBLOCKS) }),
    z.object({ feeds: z.literal("pillar"), key: z.enum(PILLARS) }),
  ])
  .and(z.object({ weight: z.number().min(0.1, "Weight is at least 0.1.").max(10, "Weight is at most 10."), reverse: z.boolean() }));

const common = { id, prompt, help: help.optional(), required: z.boolean().optional(), scoring: scoring.optional() };
const option = z.object({ id, label, score: z.number().min(0).max(1).optional() });
const options = z
  .array(option)
  .min(2, "Give at least two options.")
  .max(20, "Keep it to 20 options.")
  .refine((os) => new Set(os.map((o) => o.id)).size === os.length, "Each option needs its own id.");

const question = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("scale"), ...common, lowLabel: label, highLabel: label }),
  z.object({ kind: z.literal("spectrum"), ...common, leftLabel: label, rightLabel: label }),
  z.object({ kind: z.literal("single"), ...common, options }),
  z.object({ kind: z.literal("multiple"), ...common, options }),
  z.object({ kind: z.literal("yes_no"), ...common, safety: z.boolean().optional() }),
  z.object({ kind: z.literal("short_text"), ...common }),
  z.object({ kind: z.literal("long_text"), ...common }),
  z.object({ kind: z.literal("section"), id, title: label, intro: help.optional() }),
]);

export const questionnaireContentSchema: z.ZodType<QuestionnaireContent, unknown> = z.object({
  title: label,
  intro: multiLineText(2000, "Keep the introduction under 2,000 characters.").transform((v) => v ?? ""),
  questions: z
    .array(question)
    .min(1, "Add at least one question.")
    .max(200, "Keep it to 200 questions.")
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, "Each question needs its own id."),
}) as z.ZodType<QuestionnaireContent, unknown>;

// ---------------------------------------------------------------------------------------------
// Form schemas: what the intake's actions receive. An answer stays text here on purpose: which
// type it becomes (a 1–5 rating, an option id, yes/no) depends on its question, so the domain
// (saveIntakeAnswer → parseAnswer) turns it into a typed value with that question's rules.

const formId = z.string().max(64);

export const answerFormSchema = z.object({
  responseId: formId,
  questionId: z.string().min(1).max(64),
  // Long enough that an over-long answer reaches the question's own rule and its message.
  value: z.union([z.string().max(100_000), z.array(z.string().max(200)).max(50)]).optional(),
});

export const responseFormSchema = z.object({ responseId: formId });

export const assignFormSchema = z.object({
  clientId: formId,
  questionnaireId: z.string({ error: "Choose a questionnaire." }).min(1, "Choose a questionnaire.").max(64),
});

export const alertFormSchema = z.object({ alertId: formId });

/** The builder sends the questions as one JSON text; the domain checks every question. */
export const questionnaireFormSchema = z.object({
  id: formId,
  name: z.string().max(500),
  content: z
    .string()
    .max(1_000_000, "This questionnaire is too large to save.")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The questions could not be read. Reload the page and try again." });
        return z.NEVER;
      }
    }),
});

/** The offering page's intake choice: blank means "no intake". */
export const offeringIntakeFormSchema = z.object({
  offeringId: formId,
  questionnaireId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || null),
  required: checkboxSchema,
});

/** The client page's check-in form: once now, or every N weeks (the domain checks the range). */
export const checkInFormSchema = z.object({
  clientId: formId,
  questionnaireId: formId,
  repeat: z.string().max(20),
  everyWeeks: z.string().max(10).optional(),
});

/** Pause, resume or stop a recurring check-in. */
export const checkInScheduleFormSchema = z.object({ scheduleId: formId, change: z.string().max(20) });
