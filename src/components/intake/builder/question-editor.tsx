"use client";

import { inputClass } from "@/components/ui/field";
import { PILLARS, ROADBLOCKS, ROOT_CAUSES, pillarLabels, questionKindLabels, roadblockLabels, rootCauseLabels, type Question, type Scoring } from "@/lib/intake/model";

type Props = {
  question: Question;
  index: number;
  count: number;
  errors: Record<string, string[]>;
  onChange: (q: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

const FEEDS = {
  root_cause: { label: "Root cause", keys: ROOT_CAUSES, names: rootCauseLabels as Record<string, string> },
  roadblock: { label: "Roadblock", keys: ROADBLOCKS, names: roadblockLabels as Record<string, string> },
  pillar: { label: "Pillar", keys: PILLARS, names: pillarLabels as Record<string, string> },
} as const;

const small = "block text-xs font-medium text-muted";

function Text({ label, value, onChange, error, multiline }: { label: string; value: string; onChange: (v: string) => void; error?: string[]; multiline?: boolean }) {
  const props = { value, onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value), className: inputClass, "aria-invalid": !!error };
  return (
    <label className="block space-y-1">
      <span className={small}>{label}</span>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      {error ? <span className="block text-xs text-clay-600">{error.join(" ")}</span> : null}
    </label>
  );
}

const optionId = (label: string, taken: Set<string>) => {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 30) || "option";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
};

/** One question in the builder: its words, its kind's details, what it feeds, and its place in the list. */
export function QuestionEditor({ question: q, index, count, errors, onChange, onMove, onRemove }: Props) {
  const err = (field: string) => errors[`questions.${index}.${field}`];
  const title = q.kind === "section" ? q.title : q.prompt;
  return (
    <li className="rounded-2xl border border-line bg-white p-4 shadow-sm">
      <fieldset className="space-y-3">
        <legend className="flex w-full flex-wrap items-center justify-between gap-2 text-sm font-semibold text-ink">
          <span>
            {index + 1}. {questionKindLabels[q.kind]}
          </span>
        </legend>
        {q.kind === "section" ? (
          <>
            <Text label="Heading" value={q.title} onChange={(v) => onChange({ ...q, title: v })} error={err("title")} />
            <Text label="Introduction (optional)" value={q.intro ?? ""} onChange={(v) => onChange({ ...q, intro: v || undefined })} multiline />
          </>
        ) : (
          <>
            <Text label="Question" value={q.prompt} onChange={(v) => onChange({ ...q, prompt: v })} error={err("prompt")} />
            <Text label="Help text (optional)" value={q.help ?? ""} onChange={(v) => onChange({ ...q, help: v || undefined })} />
            {q.kind === "scale" ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <Text label="1 means" value={q.lowLabel} onChange={(v) => onChange({ ...q, lowLabel: v })} error={err("lowLabel")} />
                <Text label="5 means" value={q.highLabel} onChange={(v) => onChange({ ...q, highLabel: v })} error={err("highLabel")} />
              </div>
            ) : null}
            {q.kind === "spectrum" ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <Text label="Left pole (1)" value={q.leftLabel} onChange={(v) => onChange({ ...q, leftLabel: v })} error={err("leftLabel")} />
                <Text label="Right pole (7)" value={q.rightLabel} onChange={(v) => onChange({ ...q, rightLabel: v })} error={err("rightLabel")} />
              </div>
            ) : null}
            {q.kind === "single" || q.kind === "multiple" ? (
              <Text
                label="Options, one per line"
                multiline
                value={q.options.map((o) => o.label).join("\n")}
                error={err("options")}
                onChange={(v) => {
                  const taken = new Set<string>();
                  const options = v.split("\n").map((label, i) => {
                    const kept = q.options[i];
                    if (kept && !taken.has(kept.id)) {
                      taken.add(kept.id);
                      return { ...kept, label };
                    }
                    return { id: optionId(label, taken), label };
                  });
                  onChange({ ...q, options });
                }}
              />
            ) : null}
            <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={!!q.required} onChange={(e) => onChange({ ...q, required: e.target.checked })} /> Required
              </label>
              {q.kind === "yes_no" ? (
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={!!q.safety} onChange={(e) => onChange({ ...q, safety: e.target.checked })} /> Safety question: &quot;yes&quot; shows emergency help
                  and alerts you
                </label>
              ) : null}
            </div>
            {q.kind === "scale" || q.kind === "spectrum" || q.kind === "yes_no" || q.kind === "single" ? <ScoringEditor scoring={q.scoring} onChange={(scoring) => onChange({ ...q, scoring })} /> : null}
          </>
        )}
        <p className="sr-only" aria-live="polite">{`${title || "Untitled"}, item ${index + 1} of ${count}`}</p>
        <div className="flex flex-wrap gap-2 border-t border-line pt-3 text-sm">
          <button type="button" disabled={index === 0} onClick={() => onMove(-1)} className="rounded-lg border border-line px-3 py-1.5 disabled:opacity-50">
            Move up<span className="sr-only">: {title}</span>
          </button>
          <button type="button" disabled={index === count - 1} onClick={() => onMove(1)} className="rounded-lg border border-line px-3 py-1.5 disabled:opacity-50">
            Move down<span className="sr-only">: {title}</span>
          </button>
          <button type="button" onClick={onRemove} className="rounded-lg border border-clay-600/30 px-3 py-1.5 text-clay-600">
            Remove<span className="sr-only">: {title}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function ScoringEditor({ scoring, onChange }: { scoring: Scoring | undefined; onChange: (s: Scoring | undefined) => void }) {
  const feeds = scoring?.feeds ?? "";
  return (
    <div className="grid gap-3 rounded-lg bg-paper p-3 sm:grid-cols-4">
      <label className="block space-y-1">
        <span className={small}>Feeds</span>
        <select
          className={inputClass}
          value={feeds}
          onChange={(e) => {
            const f = e.target.value as keyof typeof FEEDS | "";
            onChange(f ? ({ feeds: f, key: FEEDS[f].keys[0], weight: scoring?.weight ?? 1, reverse: scoring?.reverse ?? false } as Scoring) : undefined);
          }}
        >
          <option value="">Not scored</option>
          {Object.entries(FEEDS).map(([value, f]) => (
            <option key={value} value={value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {scoring ? (
        <>
          <label className="block space-y-1">
            <span className={small}>Which</span>
            <select className={inputClass} value={scoring.key} onChange={(e) => onChange({ ...scoring, key: e.target.value } as Scoring)}>
              {FEEDS[scoring.feeds].keys.map((k) => (
                <option key={k} value={k}>
                  {FEEDS[scoring.feeds].names[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="block space-y-1">
            <span className={small}>Weight</span>
            <input type="number" min={0.1} max={10} step={0.1} className={inputClass} value={scoring.weight} onChange={(e) => onChange({ ...scoring, weight: Number(e.target.value) })} />
          </label>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" checked={scoring.reverse} onChange={(e) => onChange({ ...scoring, reverse: e.target.checked })} /> Reverse-scored
          </label>
        </>
      ) : null}
    </div>
  );
}
