"use client";

import { useActionState, useState } from "react";
import type { CadenceKind } from "@/lib/homework/cadence";
import type { LibraryPracticeView } from "@/lib/homework/view";
import type { ServerAction } from "@/lib/action-result";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { CadenceFields } from "./assign-form";

/** Adds a practice of the coach's own, or edits one (assignments already made keep their text). */
export function LibraryForm({ practice, save }: { practice?: LibraryPracticeView; save: ServerAction<{ id: string }> }) {
  const { state, formAction, formKey, formRef, errors, values } = useActionForm(save);
  const [kind, setKind] = useState<CadenceKind>(practice?.cadenceKind ?? "weekly");
  const value = (name: keyof LibraryPracticeView) => values?.[name] ?? (practice ? String(practice[name] ?? "") : "");
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4">
      <FormMessage state={state} />
      {practice ? <input type="hidden" name="id" value={practice.id} /> : null}
      <Field label="Title" name="title" defaultValue={value("title")} errors={errors.title} required />
      <Field label="Instructions" name="instructions" errors={errors.instructions}>
        {(control) => <textarea {...control} rows={4} defaultValue={value("instructions")} required />}
      </Field>
      <Field
        label="Reflection question"
        name="reflectionPrompt"
        hint="Asked when the client marks it done."
        defaultValue={value("reflectionPrompt")}
        errors={errors.reflectionPrompt}
        required
      />
      <CadenceFields kind={kind} onKind={setKind} timesPerWeek={practice?.timesPerWeek} errors={errors} />
      <SubmitButton pendingLabel="Saving…">{practice ? "Save changes" : "Add practice"}</SubmitButton>
    </form>
  );
}

/** Retires a practice (no longer offered; assignments go on) or brings it back. */
export function RetireForm({ practice, retire }: { practice: LibraryPracticeView; retire: ServerAction<{ retired: boolean }> }) {
  const [state, action] = useActionState(retire, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="id" value={practice.id} />
      <input type="hidden" name="retired" value={practice.retired ? "false" : "true"} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        {practice.retired ? "Offer again" : "Retire"}
      </SubmitButton>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
