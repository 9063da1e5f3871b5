"use client";

import { inputClass } from "@/components/ui/field";
import { SHORT_TEXT_LIMIT, TEXT_LIMIT, type AnswerValue, type AnswerableQuestion } from "@/lib/intake/model";

type Props = {
  question: AnswerableQuestion;
  value: AnswerValue | undefined;
  error?: string;
  status?: string;
  onChange: (value: AnswerValue | undefined, options?: { typing?: boolean }) => void;
  onBlur?: () => void;
};

const radioClass = "h-5 w-5 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/** One question as the client answers it: native radios, checkboxes and text, so keyboard and phone work as expected. */
export function QuestionInput({ question, value, error, status, onChange, onBlur }: Props) {
  const id = `q-${question.id}`;
  const errorId = error ? `${id}-error` : undefined;
  const helpId = question.help ? `${id}-help` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  const legend = (
    <>
      {question.prompt}
      {question.required ? <span className="text-muted"> (required)</span> : null}
    </>
  );
  const footer = (
    <>
      {question.help ? (
        <p id={helpId} className="text-xs text-muted">
          {question.help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-clay-600">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="min-h-4 text-xs text-muted">
        {status}
      </p>
    </>
  );

  if (question.kind === "short_text" || question.kind === "long_text") {
    const limit = question.kind === "short_text" ? SHORT_TEXT_LIMIT : TEXT_LIMIT;
    const text = typeof value === "string" ? value : "";
    const props = {
      id,
      name: question.id,
      value: text,
      maxLength: limit - 1,
      "aria-invalid": !!error,
      "aria-describedby": describedBy,
      className: inputClass,
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value === "" ? undefined : e.target.value, { typing: true }),
      onBlur,
    };
    return (
      <div className="space-y-1.5">
        <label htmlFor={id} className="block font-medium text-ink">
          {legend}
        </label>
        {question.kind === "short_text" ? <input type="text" {...props} /> : <textarea rows={6} {...props} />}
        {text.length > limit * 0.9 ? <p className="text-xs text-muted">{`${text.length.toLocaleString("en-US")} of ${(limit - 1).toLocaleString("en-US")} characters`}</p> : null}
        {footer}
      </div>
    );
  }

  const choices: { value: AnswerValue; label: string; short?: string }[] =
    question.kind === "scale"
      ? [1, 2, 3, 4, 5].map((n) => ({ value: n, short: String(n), label: n === 1 ? `1, ${question.lowLabel}` : n === 5 ? `5, ${question.highLabel}` : String(n) }))
      : question.kind === "spectrum"
        ? [1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: n, short: String(n), label: n === 1 ? `1, ${question.leftLabel}` : n === 7 ? `7, ${question.rightLabel}` : String(n) }))
        : question.kind === "yes_no"
          ? [
              { value: true, label: "Yes" },
              { value: false, label: "No" },
            ]
          : question.options.map((o) => ({ value: o.id, label: o.label }));
  const multiple = question.kind === "multiple";
  const selected = (choice: AnswerValue) => (multiple ? Array.isArray(value) && value.includes(choice as string) : value === choice);
  const toggle = (choice: AnswerValue) => {
    if (!multiple) return onChange(choice);
    const current = Array.isArray(value) ? value : [];
    const next = current.includes(choice as string) ? current.filter((c) => c !== choice) : [...current, choice as string];
    onChange(next.length ? next : undefined);
  };
  const rating = question.kind === "scale" || question.kind === "spectrum";
  const ends = question.kind === "scale" ? [question.lowLabel, question.highLabel] : question.kind === "spectrum" ? [question.leftLabel, question.rightLabel] : null;

  return (
    <fieldset className="space-y-2" aria-describedby={describedBy} aria-invalid={!!error}>
      <legend className="font-medium text-ink">{legend}</legend>
      <div className={rating ? "flex justify-between gap-1 sm:justify-start sm:gap-3" : "space-y-2"}>
        {choices.map((choice) => (
          <label
            key={String(choice.value)}
            className={
              rating
                ? "flex min-h-11 min-w-10 cursor-pointer flex-col items-center gap-1 rounded-lg border border-line bg-white px-2 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                : "flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line bg-white px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            }
          >
            <input
              type={multiple ? "checkbox" : "radio"}
              name={question.id}
              value={String(choice.value)}
              checked={selected(choice.value)}
              onChange={() => toggle(choice.value)}
              className={radioClass}
              aria-label={rating ? choice.label : undefined}
            />
            <span aria-hidden={rating ? true : undefined}>{rating ? choice.short : choice.label}</span>
          </label>
        ))}
      </div>
      {ends ? (
        <div aria-hidden className="flex justify-between gap-4 text-xs text-muted sm:max-w-md">
          <span>{ends[0]}</span>
          <span className="text-right">{ends[1]}</span>
        </div>
      ) : null}
      {footer}
    </fieldset>
  );
}
