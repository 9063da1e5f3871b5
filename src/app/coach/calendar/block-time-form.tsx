"use client";

import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createBlockAction } from "./actions";

/** Busy time typed in the practice's zone: a label, a date, and a start and end time on it. */
export function BlockTimeForm({ defaultDate, zoneLabel }: { defaultDate: string; zoneLabel: string }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(createBlockAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-4">
      {failed && !Object.keys(errors).length ? <FormMessage state={failed} /> : null}
      {state?.ok ? (
        <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          Time blocked. Clients can’t book it now.
        </p>
      ) : null}
      <Field
        label="Label"
        name="label"
        maxLength={120}
        placeholder="Busy"
        defaultValue={values?.label ?? ""}
        hint="Only you see it, for example “Dentist” or “School run”."
        errors={errors.label}
      />
      <Field label="Date" name="date" type="date" required defaultValue={values?.date ?? defaultDate} errors={errors.date} />
      <div className="grid grid-cols-2 gap-3">
        <Field label="From" name="start" type="time" required step={300} defaultValue={values?.start ?? ""} errors={errors.start} />
        <Field label="Until" name="end" type="time" required step={300} defaultValue={values?.end ?? ""} errors={errors.end} />
      </div>
      <p className="text-xs text-muted">Times are in {zoneLabel}.</p>
      <SubmitButton pendingLabel="Blocking…">Block this time</SubmitButton>
    </form>
  );
}
