"use client";

import type { ServerAction } from "@/lib/action-result";
import type { HomeworkEmailPreference } from "@/lib/homework/reminders";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";

const CHOICES: { value: HomeworkEmailPreference; label: string; hint: string }[] = [
  { value: "daily", label: "Daily", hint: "At 08:00 on days when something is due." },
  { value: "weekly", label: "Weekly", hint: "On Monday at 08:00, listing the week." },
  { value: "off", label: "Off", hint: "No homework emails; your homework stays here in the portal." },
];

/** The homework email: daily, weekly or off. Emails about your sessions are not affected. */
export function EmailPreferencesForm({ current, save }: { current: HomeworkEmailPreference; save: ServerAction<{ homeworkEmail: HomeworkEmailPreference }> }) {
  const { state, formAction, formKey, formRef, errors, values } = useActionForm(save);
  const chosen = (values?.homeworkEmail as HomeworkEmailPreference | undefined) ?? (state?.ok ? state.data.homeworkEmail : current);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="max-w-xl space-y-4">
      <FormMessage state={state} />
      <fieldset aria-describedby="homework-email-note" aria-invalid={errors.homeworkEmail ? true : undefined}>
        <legend className="font-medium text-ink">Homework emails</legend>
        <p id="homework-email-note" className="mt-1 text-sm text-muted">
          Never between 21:00 and 08:00. Emails about your sessions (confirmations, reminders) still come.
        </p>
        <div className="mt-3 space-y-2">
          {CHOICES.map((choice) => (
            <label key={choice.value} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line bg-white p-3">
              <input type="radio" name="homeworkEmail" value={choice.value} defaultChecked={chosen === choice.value} className="mt-1" />
              <span>
                <span className="block text-sm font-medium text-ink">{choice.label}</span>
                <span className="block text-sm text-muted">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.homeworkEmail ? (
          <p role="alert" className="mt-2 text-sm text-clay-600">
            {errors.homeworkEmail.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save preferences</SubmitButton>
    </form>
  );
}
