"use client";

import Link from "next/link";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { TimeZoneField } from "@/components/ui/time-zone-combobox";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action-result";

export type ClientFormValues = { id?: string; name: string; email: string; phone: string; timeZone: string };

export function ClientForm<T>({
  action,
  initial,
  isNew,
  cancelHref,
  hasPortalAccount = false,
}: {
  action: ServerAction<T>;
  initial: ClientFormValues;
  isNew: boolean;
  cancelHref: string;
  /** The client has signed in: a new email takes the record away from that account. */
  hasPortalAccount?: boolean;
}) {
  const { formAction, formKey, formRef, failed, errors, values } = useActionForm(action);
  const v = { ...initial, ...values };

  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-6">
      {failed ? <FormMessage state={failed} /> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className="grid gap-6 sm:grid-cols-2">
        <Field label="Name" name="name" required maxLength={120} autoComplete="off" defaultValue={v.name} errors={errors.name} />
        <Field
          label="Email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          defaultValue={v.email}
          hint={
            hasPortalAccount
              ? "They sign in to the portal with this address. If you change it, the account on the current address no longer sees this record."
              : "They sign in to the portal with this address."
          }
          errors={errors.email}
        />
        <Field
          label="Phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={32}
          defaultValue={v.phone}
          hint="Optional."
          errors={errors.phone}
        />
        <TimeZoneField name="timeZone" errors={errors.timeZone} hint="Session times are shown to them in this zone." defaultValue={v.timeZone} />
      </div>

      {isNew ? (
        <div className="flex items-start gap-3 rounded-xl border border-line bg-paper/60 p-4">
          <input
            id="client-notify"
            type="checkbox"
            name="notifyClient"
            defaultChecked={values ? values.notifyClient === "on" : false}
            aria-describedby="client-notify-hint"
            className="mt-0.5 h-5 w-5 shrink-0 rounded border-line accent-brand-600"
          />
          <div>
            <label htmlFor="client-notify" className="text-sm font-medium text-ink">
              Email them a welcome with a portal link
            </label>
            <p id="client-notify-hint" className="text-xs text-muted">
              A short note from your practice explaining how to sign in to their client portal.
            </p>
          </div>
        </div>
      ) : null}

      <div className="flex flex-col-reverse gap-3 border-t border-line pt-6 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
        <SubmitButton pendingLabel="Saving…">{isNew ? "Add client" : "Save changes"}</SubmitButton>
      </div>
    </form>
  );
}
