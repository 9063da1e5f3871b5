"use client";

import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/action-result";
import { QUESTION_KINDS, questionKindLabels, type Question, type QuestionKind, type QuestionnaireContent } from "@/lib/intake/model";
import { IntakeForm } from "../intake-form";
import { QuestionEditor } from "./question-editor";

type Props = {
  id: string;
  name: string;
  content: QuestionnaireContent;
  timeZone: string;
  save: ServerAction<{ version: number }, { id: string; name: string; content: string }>;
};

const newId = () => `q_${Math.random().toString(36).slice(2, 10)}`;

function blank(kind: QuestionKind): Question {
  const id = newId();
  switch (kind) {
    case "section":
      return { kind, id, title: "" };
    case "scale":
      return { kind, id, prompt: "", lowLabel: "Not at all", highLabel: "Very much" };
    case "spectrum":
      return { kind, id, prompt: "", leftLabel: "", rightLabel: "" };
    case "single":
    case "multiple":
      return { kind, id, prompt: "", options: [{ id: "option_1", label: "" }, { id: "option_2", label: "" }] };
    default:
      return { kind, id, prompt: "" };
  }
}

/**
 * The coach's questionnaire builder: add, edit, reorder and remove questions,
 * preview as the client sees it, save. Once anyone has answered, saving makes
 * a new version; earlier answers keep theirs.
 */
export function QuestionnaireBuilder({ id, name: initialName, content, timeZone, save }: Props) {
  const [name, setName] = useState(initialName);
  const [title, setTitle] = useState(content.title);
  const [intro, setIntro] = useState(content.intro);
  const [questions, setQuestions] = useState(content.questions);
  const [kind, setKind] = useState<QuestionKind>("scale");
  const [preview, setPreview] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string; errors: Record<string, string[]> } | null>(null);
  const [saving, startSave] = useTransition();
  const draft: QuestionnaireContent = { title, intro, questions };

  const update = (index: number, q: Question) => setQuestions((all) => all.map((x, i) => (i === index ? q : x)));
  const move = (index: number, delta: -1 | 1) =>
    setQuestions((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + delta, 0, item!);
      return next;
    });

  const onSave = () =>
    startSave(async () => {
      try {
        const r = await save(null, { id, name, content: JSON.stringify(draft) });
        setResult(r.ok ? { ok: true, message: `Saved (version ${r.data.version}).`, errors: {} } : { ok: false, message: r.error, errors: r.fieldErrors ?? {} });
      } catch {
        setResult({ ok: false, message: "We couldn't reach the server; nothing was saved. Try again.", errors: {} });
      }
    });
  const errors = result?.errors ?? {};

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass(preview ? "secondary" : "primary")} aria-pressed={!preview} onClick={() => setPreview(false)}>
          Edit
        </button>
        <button type="button" className={buttonClass(preview ? "primary" : "secondary")} aria-pressed={preview} onClick={() => setPreview(true)}>
          Preview as the client sees it
        </button>
      </div>

      {preview ? (
        <div className="max-w-2xl rounded-2xl border border-dashed border-line p-4">
          <p className="mb-4 text-sm text-muted">A preview: answers here are not saved.</p>
          <h2 className="font-serif text-xl font-semibold text-ink">{title}</h2>
          <p className="mb-4 text-sm text-muted">{intro}</p>
          <IntakeForm key={JSON.stringify(questions).length} content={draft} initialAnswers={{}} timeZone={timeZone} />
        </div>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <label className="block space-y-1">
              <span className="block text-sm font-medium text-ink">Name (for you)</span>
              <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} />
              {errors.name ? <span className="block text-xs text-clay-600">{errors.name.join(" ")}</span> : null}
            </label>
            <label className="block space-y-1">
              <span className="block text-sm font-medium text-ink">Title (the client sees it)</span>
              <input className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!errors.title} />
            </label>
            <label className="block space-y-1 sm:col-span-2">
              <span className="block text-sm font-medium text-ink">Introduction</span>
              <textarea rows={3} className={inputClass} value={intro} onChange={(e) => setIntro(e.target.value)} />
            </label>
          </div>
          <ol className="space-y-3" aria-label="Questions">
            {questions.map((q, i) => (
              <QuestionEditor
                key={q.id}
                question={q}
                index={i}
                count={questions.length}
                errors={errors}
                onChange={(next) => update(i, next)}
                onMove={(delta) => move(i, delta)}
                onRemove={() => setQuestions((all) => all.filter((_, j) => j !== i))}
              />
            ))}
          </ol>
          <div className="flex flex-wrap items-end gap-3">
            <label className="block space-y-1">
              <span className="block text-sm font-medium text-ink">New question</span>
              <select className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as QuestionKind)}>
                {QUESTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {questionKindLabels[k]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={buttonClass("secondary")} onClick={() => setQuestions((all) => [...all, blank(kind)])}>
              Add
            </button>
          </div>
        </>
      )}

      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
        <button type="button" className={buttonClass("primary")} disabled={saving} onClick={onSave}>
          {saving ? "Saving…" : "Save questionnaire"}
        </button>
        {result ? (
          <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-brand-800" : "text-clay-600"}`}>
            {result.message}
            {!result.ok && errors.questions ? ` ${errors.questions.join(" ")}` : ""}
          </p>
        ) : null}
      </div>
    </div>
  );
}
