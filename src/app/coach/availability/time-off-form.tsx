"use client";

import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { addTimeOffAction } from "./actions";

/** Days away, first and last included: nobody can book those dates. */
export function TimeOffForm({ today }: { today: string }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(addTimeOffAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-4">
      {failed && !Object.keys(errors).length ? <FormMessage state={failed} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First day off" name="startDate" type="date" required min={today} defaultValue={values?.startDate ?? ""} errors={errors.startDate} />
        <Field label="Last day off" name="endDate" type="date" required min={today} defaultValue={values?.endDate ?? ""} errors={errors.endDate} />
      </div>
      <Field
        label="Label (optional)"
        name="label"
        maxLength={120}
        placeholder="Vacation"
        defaultValue={values?.label ?? ""}
        hint="Only you see it."
        errors={errors.label}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Adding…">Add time off</SubmitButton>
        <p role="status" className="text-sm text-brand-800">
          {state?.ok ? "Time off added." : ""}
        </p>
      </div>
    </form>
  );
}
