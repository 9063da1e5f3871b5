import type { AnswerValue, AnswerableQuestion } from "./model";

/** An answer in words, as the client gave it: for the review step, the read-only view and the coach. */
export function describeAnswer(question: AnswerableQuestion, value: AnswerValue | undefined): string | null {
  if (value === undefined) return null;
  switch (question.kind) {
    case "scale":
      return `${value} of 5 (1 = ${question.lowLabel}, 5 = ${question.highLabel})`;
    case "spectrum":
      return `${value} of 7 (1 = ${question.leftLabel}, 7 = ${question.rightLabel})`;
    case "single":
      return question.options.find((o) => o.id === value)?.label ?? null;
    case "multiple":
      return (Array.isArray(value) ? value : [])
        .map((id) => question.options.find((o) => o.id === id)?.label)
        .filter(Boolean)
        .join("; ");
    case "yes_no":
      return value ? "Yes" : "No";
    default:
      return typeof value === "string" ? value : null;
  }
}
