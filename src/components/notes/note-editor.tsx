"use client";

import { useEffect, useId, useReducer } from "react";
import { inputClass } from "@/components/ui/field";
import type { ActionResult, ServerAction } from "@/lib/action-result";
import { autosaveLabels, autosaveReducer, initialAutosave, needsSave, saveDelayMs } from "@/lib/notes/autosave";
import { NOTE_MAX_LENGTH, type NoteVisibility } from "@/lib/notes/visibility";

type SaveNoteAction = ServerAction<{ savedAt: Date }, { bookingId: string; visibility: NoteVisibility; body: string }>;

type Props = {
  bookingId: string;
  visibility: NoteVisibility;
  label: string;
  hint: string;
  /** The saved note, or the offering's template for a note not written yet. */
  initialBody: string;
  /** False for a template prefill: it is saved once the coach changes it. */
  saved: boolean;
  save: SaveNoteAction;
};

/** One session note, saved as the coach types (after a pause), retried until the server has it. */
export function NoteEditor({ bookingId, visibility, label, hint, initialBody, saved, save }: Props) {
  const id = useId();
  const [state, dispatch] = useReducer(autosaveReducer, initialBody, (body) => (saved ? initialAutosave(body) : { ...initialAutosave(body), savedText: "" }));

  useEffect(() => {
    if (!needsSave(state)) return;
    const timer = setTimeout(async () => {
      dispatch({ type: "save_started" });
      let result: ActionResult<{ savedAt: Date }> | null = null;
      try {
        result = await save(null, { bookingId, visibility, body: state.text });
      } catch {
        // Offline or the server unreachable: the text stays here and is retried.
      }
      if (result?.ok) dispatch({ type: "save_succeeded" });
      else dispatch({ type: "save_failed", refusal: result?.error });
    }, saveDelayMs(state));
    return () => clearTimeout(timer);
  }, [state, save, bookingId, visibility]);

  // Leaving with unsaved text asks first.
  const unsaved = state.status !== "saved";
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const untouchedTemplate = !saved && state.text === initialBody && state.status === "saved";
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        <span role="status" aria-live="polite" className={`text-xs ${state.status === "retrying" ? "text-red-700" : "text-muted"}`}>
          {untouchedTemplate ? (initialBody ? "Template — saved when you edit" : "") : autosaveLabels[state.status]}
        </span>
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {hint}
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        className={`${inputClass} mt-2 min-h-40 font-sans`}
        rows={8}
        maxLength={NOTE_MAX_LENGTH}
        value={state.text}
        onChange={(event) => dispatch({ type: "edit", text: event.target.value })}
      />
      {state.status === "retrying" && state.refusal ? <p className="mt-1 text-xs text-red-700">{state.refusal}</p> : null}
    </div>
  );
}
