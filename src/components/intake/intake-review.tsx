"use client";

import type { Ref } from "react";
import { describeAnswer } from "@/lib/intake/display";
import type { Answers, QuestionGroup } from "@/lib/intake/model";

type Props = {
  groups: QuestionGroup[];
  answers: Answers;
  errors: Record<string, string[]>;
  headingRef: Ref<HTMLHeadingElement>;
  onEdit: (step: number) => void;
};

/** Every answer before submit, a screen's "Change" away from editing it. */
export function IntakeReview({ groups, answers, errors, headingRef, onEdit }: Props) {
  return (
    <section aria-labelledby="intake-review-heading" className="space-y-6">
      <div>
        <h2 id="intake-review-heading" ref={headingRef} tabIndex={-1} className="font-serif text-xl font-semibold text-ink focus:outline-none">
          Review your answers
        </h2>
        <p className="mt-1 text-sm text-muted">Check them over. Once you submit, your answers go to your coach and can no longer be changed.</p>
      </div>
      {groups.map((group, index) => (
        <div key={group.id} className="rounded-2xl border border-line bg-white p-4 sm:p-5">
          <div className="flex items-baseline justify-between gap-3">
            <h3 className="font-semibold text-ink">{group.title}</h3>
            <button type="button" onClick={() => onEdit(index)} className="text-sm text-brand-700 underline underline-offset-4">
              Change<span className="sr-only"> answers in {group.title}</span>
            </button>
          </div>
          <dl className="mt-3 space-y-3">
            {group.questions.map((q) => {
              const text = describeAnswer(q, answers[q.id]);
              const error = errors[q.id]?.[0];
              return (
                <div key={q.id}>
                  <dt className="text-sm text-muted">{q.prompt}</dt>
                  <dd className={`whitespace-pre-wrap text-sm ${text ? "text-ink" : "italic text-muted"}`}>
                    {text ?? (q.required ? "Not answered yet (required)" : "Not answered")}
                    {error ? <span className="block not-italic text-clay-600">{error}</span> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </section>
  );
}
