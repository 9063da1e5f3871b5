"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { SaveRow } from "../settings-form";
import { addBusyFeedAction } from "./actions";

/** Paste a private iCal address; Tend reads it at once and shows whether that worked in the list. */
export function AddFeedForm() {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(addBusyFeedAction);
  const added = state?.ok ? (state.data.lastError ? `Connected, but the first read failed: ${state.data.lastError}` : state.message) : undefined;
  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-5">
      {failed ? <FormMessage state={failed} /> : null}
      <Field
        label="Private calendar address"
        name="url"
        errors={errors.url}
        hint="Google Calendar: Settings → your calendar → “Secret address in iCal format”. Outlook: Settings → Calendar → Shared calendars → Publish → ICS link. Apple: make the calendar public and copy its link."
      >
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={state?.ok ? "" : (values?.url ?? "")}
            placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
            className={`${control.className} font-mono`}
          />
        )}
      </Field>
      <Field label="Name (optional)" name="label" errors={errors.label} hint="For you, such as “Personal” or “Family”.">
        {(control) => <input {...control} maxLength={80} defaultValue={state?.ok ? "" : (values?.label ?? "")} />}
      </Field>
      <SaveRow saved={added}>Connect calendar</SaveRow>
    </form>
  );
}
