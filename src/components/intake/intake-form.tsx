"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import type { ServerAction } from "@/lib/action-result";
import { emergencyHelpFor } from "@/lib/intake/emergency";
import type { IntakeStatus } from "@/lib/intake/status";
import { flagsCrisis, groupQuestions, type Answers, type AnswerValue, type QuestionnaireContent } from "@/lib/intake/model";
import { CrisisHelp } from "./crisis-help";
import { IntakeReview } from "./intake-review";
import { QuestionInput } from "./question-input";
import { statusText, useAutosave, type SaveAnswer } from "./use-autosave";

type Props = {
  content: QuestionnaireContent;
  initialAnswers: Answers;
  timeZone: string;
  /** The server actions, with the response they act on; absent in the builder's preview, where nothing is stored. */
  actions?: {
    responseId: string;
    save: ServerAction<{ crisis: boolean }, { responseId: string; questionId: string; value: string | string[] }>;
    submit: ServerAction<{ status: IntakeStatus }, { responseId: string }>;
  };
};

const noSave: SaveAnswer = async () => ({ ok: true, data: { crisis: false } });

/**
 * The portal's intake: one group of questions per screen with a progress bar,
 * each answer saved as it is given, a review step, then submit.
 */
export function IntakeForm({ content, initialAnswers, timeZone, actions }: Props) {
  const groups = groupQuestions(content.questions);
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  // Resume where the client left off: the first screen with a question not yet answered.
  const [step, setStep] = useState(() => {
    const open = groups.findIndex((g) => g.questions.some((q) => initialAnswers[q.id] === undefined));
    return open === -1 ? groups.length : open;
  });
  const save = useCallback<SaveAnswer>(
    (questionId, value) => (actions ? actions.save(null, { responseId: actions.responseId, questionId, value }) : noSave(questionId, value)),
    [actions],
  );
  const { status, saver, unsaved } = useAutosave(save);
  const [submitErrors, setSubmitErrors] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [submitting, startSubmit] = useTransition();
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);

  const answer = useCallback(
    (questionId: string, value: AnswerValue | undefined, typing = false) => {
      setAnswers((all) => {
        const next = { ...all };
        if (value === undefined) delete next[questionId];
        else next[questionId] = value;
        return next;
      });
      saver.queue(questionId, value, typing ? 1000 : 0);
    },
    [saver],
  );

  const help = emergencyHelpFor(timeZone);
  const inCrisis = content.questions.some((q) => flagsCrisis(q, answers[q.id]));
  const total = groups.length + 1;
  const onReview = step >= groups.length;
  const group = groups[step];

  const doSubmit = () =>
    startSubmit(async () => {
      if (!actions) return;
      if (!(await saver.whenSaved())) {
        setSubmitErrors({ message: "Some answers aren't saved yet: the connection dropped. We keep trying; submit again once they are saved.", fields: {} });
        return;
      }
      try {
        const result = await actions.submit(null, { responseId: actions.responseId });
        if (result.ok) {
          router.refresh();
          return;
        }
        setSubmitErrors({ message: result.error, fields: result.fieldErrors ?? {} });
      } catch {
        setSubmitErrors({ message: "We couldn't reach the server, so nothing was submitted. Check your connection and try again.", fields: {} });
      }
    });

  return (
    <div className="space-y-6">
      <div>
        <p className="mb-1 text-sm text-muted" id="intake-progress-label">
          {onReview ? `Review, step ${total} of ${total}` : `Step ${step + 1} of ${total}`}
        </p>
        <div
          role="progressbar"
          aria-labelledby="intake-progress-label"
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={step + 1}
          className="h-2 overflow-hidden rounded-full bg-brand-50"
        >
          <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${((step + 1) / total) * 100}%` }} />
        </div>
      </div>

      {unsaved ? (
        <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-ink">
          <span>{unsaved === 1 ? "One answer isn't saved yet" : `${unsaved} answers aren't saved yet`}: the connection dropped. We&apos;ll keep trying; nothing you typed is lost while this page stays open.</span>
          <button type="button" onClick={() => saver.retryNow()} className={buttonClass("secondary")}>
            Try again now
          </button>
        </div>
      ) : null}

      {inCrisis ? <CrisisHelp help={help} /> : null}

      {onReview ? (
        <IntakeReview groups={groups} answers={answers} errors={submitErrors?.fields ?? {}} headingRef={heading} onEdit={setStep} />
      ) : group ? (
        <section aria-labelledby="intake-group-heading" className="space-y-6">
          <div>
            <h2 id="intake-group-heading" ref={heading} tabIndex={-1} className="font-serif text-xl font-semibold text-ink focus:outline-none">
              {group.title}
            </h2>
            {group.intro ? <p className="mt-1 text-sm text-muted">{group.intro}</p> : null}
          </div>
          {group.questions.map((q) => (
            <QuestionInput
              key={q.id}
              question={q}
              value={answers[q.id]}
              error={status[q.id]?.state === "refused" ? status[q.id]?.message : submitErrors?.fields[q.id]?.[0]}
              status={statusText(status[q.id])}
              onChange={(value, options) => answer(q.id, value, options?.typing)}
              onBlur={() => (status[q.id]?.state === "saving" ? undefined : saver.queue(q.id, answers[q.id]))}
            />
          ))}
        </section>
      ) : null}

      {submitErrors?.message && onReview ? (
        <p role="alert" className="text-sm text-clay-600">
          {submitErrors.message}
        </p>
      ) : null}

      <div className="flex flex-wrap justify-between gap-3 border-t border-line pt-4">
        <button type="button" className={buttonClass("secondary")} disabled={step === 0} onClick={() => setStep((s) => Math.max(0, s - 1))}>
          Back
        </button>
        {onReview ? (
          actions ? (
            <button type="button" className={buttonClass("primary")} disabled={submitting} onClick={doSubmit}>
              {submitting ? "Submitting…" : "Submit my answers"}
            </button>
          ) : null
        ) : (
          <button type="button" className={buttonClass("primary")} onClick={() => setStep((s) => s + 1)}>
            {step === groups.length - 1 ? "Review my answers" : "Next"}
          </button>
        )}
      </div>
    </div>
  );
}
