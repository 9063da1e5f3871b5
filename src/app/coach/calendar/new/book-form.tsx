"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TimeZoneField } from "@/components/ui/time-zone-combobox";
import { useActionForm } from "@/components/ui/use-action-form";
import { bookForClientAction } from "../actions";
import { SlotPicker, type OtherTime } from "../slot-picker";
import { useRefreshWhenSlotTaken } from "../use-refresh-when-taken";

export type ClientChoice = { id: string; name: string; email: string; partner: { name: string; email: string } | null };

/** Second step of booking for a client: the time, who it is for, and an optional note. */
export function BookForm({
  offering,
  slots,
  legend,
  date,
  other,
  clients,
  defaultClientId,
  practiceZone,
}: {
  offering: { slug: string; name: string; kind: string };
  slots: { value: string; label: string }[];
  legend: string;
  /** The chosen date, practice-local: "Another time" is on it. */
  date: string;
  other: Omit<OtherTime, "errors" | "defaultTime">;
  clients: ClientChoice[];
  defaultClientId: string;
  practiceZone: string;
}) {
  const { formAction, formKey, formRef, failed, errors, values } = useActionForm(bookForClientAction);
  useRefreshWhenSlotTaken(failed);

  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="offering" value={offering.slug} />
      {failed ? <FormMessage state={failed} /> : null}
      <input type="hidden" name="date" value={date} />
      <SlotPicker
        slots={slots}
        legend={legend}
        errors={errors.start ?? errors.offering}
        defaultValue={values?.start}
        other={{ ...other, errors: errors.otherTime, defaultTime: values?.otherTime }}
      />
      <ClientFields
        clients={clients}
        initialClientId={values ? (values.clientId ?? "") : defaultClientId}
        values={values}
        errors={errors}
        practiceZone={practiceZone}
        withPartner={offering.kind === "relationship"}
      />
      <Field label="Note (optional)" name="note" errors={errors.note} hint="Shown on the session and in the confirmation email.">
        {(control) => <textarea {...control} rows={3} maxLength={2000} defaultValue={values?.note ?? ""} />}
      </Field>
      <div className="border-t border-line pt-6">
        <p className="mb-3 text-sm text-muted">The client gets a confirmation email with a calendar invite and reminders.</p>
        <SubmitButton pendingLabel="Booking…">Book {offering.name}</SubmitButton>
      </div>
    </form>
  );
}

function ClientFields({
  clients,
  initialClientId,
  values,
  errors,
  practiceZone,
  withPartner,
}: {
  clients: ClientChoice[];
  initialClientId: string;
  values?: Record<string, string>;
  errors: Record<string, string[]>;
  practiceZone: string;
  withPartner: boolean;
}) {
  const [clientId, setClientId] = useState(initialClientId);
  const chosen = clients.find((c) => c.id === clientId);
  // A couple's partner is filled in from the client's record, and stays editable.
  const [partnerName, setPartnerName] = useState(values?.["partner.name"] ?? chosen?.partner?.name ?? "");
  const [partnerEmail, setPartnerEmail] = useState(values?.["partner.email"] ?? chosen?.partner?.email ?? "");

  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 text-sm font-medium text-ink">Who is it for?</legend>
      <Field label="Client" name="clientId" errors={errors.clientId}>
        {(control) => (
          <select
            {...control}
            value={clientId}
            onChange={(e) => {
              const next = clients.find((c) => c.id === e.target.value);
              setClientId(e.target.value);
              setPartnerName(next?.partner?.name ?? "");
              setPartnerEmail(next?.partner?.email ?? "");
            }}
          >
            <option value="">Someone new (type their name and email)</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      {clientId ? null : (
        <div className="space-y-4 rounded-xl border border-line bg-paper/60 p-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" name="name" required maxLength={120} autoComplete="off" defaultValue={values?.name ?? ""} errors={errors.name} />
            <Field
              label="Email"
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="off"
              defaultValue={values?.email ?? ""}
              errors={errors.email}
              hint="If they’re already a client, the session goes on their record."
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Phone (optional)" name="phone" type="tel" maxLength={32} defaultValue={values?.phone ?? ""} errors={errors.phone} />
            <TimeZoneField label="Their time zone" name="timeZone" errors={errors.timeZone} hint="Emails show the time in this zone." defaultValue={values?.timeZone ?? practiceZone} />
          </div>
        </div>
      )}
      {withPartner ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Partner’s name (optional)"
            name="partner.name"
            maxLength={120}
            autoComplete="off"
            value={partnerName}
            onChange={(e) => setPartnerName(e.target.value)}
            errors={errors["partner.name"] ?? errors.partner}
          />
          <Field
            label="Partner’s email (optional)"
            name="partner.email"
            type="email"
            maxLength={254}
            autoComplete="off"
            value={partnerEmail}
            onChange={(e) => setPartnerEmail(e.target.value)}
            errors={errors["partner.email"]}
            hint="For a couple’s session; they get the emails too."
          />
        </div>
      ) : null}
    </fieldset>
  );
}
