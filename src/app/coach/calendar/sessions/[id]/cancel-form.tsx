"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { cancelSessionAction } from "../../actions";

/** Canceling emails the client, so it takes two steps: open the form, then confirm. */
export function CancelForm({ bookingId, clientName }: { bookingId: string; clientName: string }) {
  const { formAction, formKey, formRef, failed, errors, values } = useActionForm(cancelSessionAction);
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className={buttonClass("danger")} onClick={() => setOpen(true)}>
        Cancel this session…
      </button>
    );
  }
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={bookingId} />
      {failed && !errors.reason ? <FormMessage state={failed} /> : null}
      <Field
        label="Reason (optional)"
        name="reason"
        errors={errors.reason}
        hint={`Included in the email to ${clientName}.`}
      >
        {(control) => <textarea {...control} rows={3} maxLength={1000} defaultValue={values?.reason ?? ""} autoFocus />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" pendingLabel="Canceling…">
          Yes, cancel the session
        </SubmitButton>
        <button type="button" className={buttonClass("secondary")} onClick={() => setOpen(false)}>
          Keep it
        </button>
      </div>
    </form>
  );
}
