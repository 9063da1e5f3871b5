import { z } from "@/lib/zod";
import { SCALE_MAX, SHORT_TEXT_LIMIT, SPECTRUM_MAX, TEXT_LIMIT, type AnswerValue, type AnswerableQuestion, type ChoiceOption } from "./model";

/**
 * What a form sends for one answer (strings; several for multiple choice) and
 * what it becomes: a whole number for a scale or spectrum, an option id, a
 * list of option ids, true/false, or the text. Anything else is a field message.
 */
type RawAnswer = string | string[] | number | boolean | undefined | null;

const STRAY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const rating = (max: number, what: string) =>
  z
    .union([z.string(), z.number()], { error: `Choose a number from 1 to ${max}.` })
    .transform((v) => (typeof v === "string" ? (/^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN) : v))
    .pipe(
      z
        .number({ error: `Choose a number from 1 to ${max}.` })
        .int(`Choose a whole number from 1 to ${max}.`)
        .min(1, `The ${what} runs from 1 to ${max}.`)
        .max(max, `The ${what} runs from 1 to ${max}.`),
    );

const optionId = (options: ChoiceOption[]) =>
  z
    .string({ error: "Choose one of the options." })
    .refine((v) => options.some((o) => o.id === v), "Choose one of the options shown.");

const text = (limit: number) =>
  z
    .string({ error: "Write your answer as text." })
    .transform((v) => v.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(STRAY_CONTROLS, ""))
    .pipe(z.string().max(limit - 1, `Keep your answer under ${limit.toLocaleString("en-US")} characters.`));

function answerSchema(question: AnswerableQuestion): z.ZodType<AnswerValue, RawAnswer> {
  switch (question.kind) {
    case "scale":
      return rating(SCALE_MAX, "scale");
    case "spectrum":
      return rating(SPECTRUM_MAX, "spectrum");
    case "single":
      return optionId(question.options);
    case "multiple":
      return z
        .union([z.string(), z.array(z.string())], { error: "Choose from the options shown." })
        .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
        .pipe(z.array(optionId(question.options)));
    case "yes_no":
      return z
        .union([z.boolean(), z.enum(["yes", "no", "true", "false"])], { error: "Answer yes or no." })
        .transform((v) => v === true || v === "yes" || v === "true");
    case "short_text":
      return text(SHORT_TEXT_LIMIT);
    case "long_text":
      return text(TEXT_LIMIT);
  }
}

export type ParsedAnswer = { ok: true; value: AnswerValue | null } | { ok: false; message: string };

/**
 * Checks one answer against its question. A blank answer (nothing chosen,
 * empty text) is `null`: the answer is cleared, never stored as a zero.
 */
export function parseAnswer(question: AnswerableQuestion, raw: RawAnswer): ParsedAnswer {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "") || (Array.isArray(raw) && raw.length === 0)) {
    return { ok: true, value: null };
  }
  const parsed = answerSchema(question).safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That answer can't be used." };
  if (typeof parsed.data === "string" && parsed.data.trim() === "") return { ok: true, value: null };
  return { ok: true, value: parsed.data };
}

/** The questions a submit still needs: required ones with no answer. */
export function missingRequired(questions: AnswerableQuestion[], answers: Record<string, AnswerValue>): AnswerableQuestion[] {
  return questions.filter((q) => q.required && answers[q.id] === undefined);
}
