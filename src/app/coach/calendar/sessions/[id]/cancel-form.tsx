"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { cancelSessionAction } from "../../actions";

/**
 * Canceling emails the client (both partners, for a couple), so it takes two steps: open the
 * form, then confirm. `recipients` are the people the cancel email goes to, by name.
 */
export function CancelForm({ bookingId, recipients }: { bookingId: string; recipients: string[] }) {
  const both = recipients.length > 1;
  const names = both ? `${recipients.slice(0, -1).join(", ")} and ${recipients.at(-1)}` : (recipients[0] ?? "the client");
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
      <p className="text-sm text-ink">
        {both ? `Both partners are told: ${names} each get an email saying the session is canceled.` : `${names} gets an email saying the session is canceled.`}
      </p>
      {failed && !errors.reason ? <FormMessage state={failed} /> : null}
      <Field
        label="Reason (optional)"
        name="reason"
        errors={errors.reason}
        hint={both ? `Included in the email to both partners.` : `Included in the email to ${names}.`}
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
