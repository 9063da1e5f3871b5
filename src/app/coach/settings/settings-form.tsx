"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TimeZoneField } from "@/components/ui/time-zone-combobox";
import { useActionForm } from "@/components/ui/use-action-form";
import { updatePracticeAction } from "./actions";

export type PracticeSettings = { name: string; slug: string; timeZone: string; currency: string; contactEmail: string; bookingGraceMinutes: number };
type Option = { value: string; label: string };

export function SettingsForm({
  initial,
  origin,
  currencies,
}: {
  initial: PracticeSettings;
  origin: string;
  currencies: Option[];
}) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(updatePracticeAction);
  const v = { ...initial, ...values };

  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-6">
      {failed ? <FormMessage state={failed} /> : null}
      <Field label="Practice name" name="name" required maxLength={100} defaultValue={v.name} errors={errors.name} hint="Shown on your booking page and in emails to clients." />
      <SlugField initial={v.slug} saved={initial.slug} origin={origin} errors={errors.slug} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TimeZoneField name="timeZone" errors={errors.timeZone} hint="Your working hours and the calendar use this zone." defaultValue={v.timeZone} />
        <SelectField label="Currency" name="currency" errors={errors.currency} hint="Prices on your offerings are in this currency." defaultValue={v.currency} options={currencies} />
      </div>
      <Field
        label="Contact email"
        name="contactEmail"
        type="email"
        inputMode="email"
        required
        defaultValue={v.contactEmail}
        hint="Shown to clients who need to reach you, and used as the reply address."
        errors={errors.contactEmail}
      />
      <Field
        label="Undo time after booking (minutes)"
        name="bookingGraceMinutes"
        type="number"
        inputMode="numeric"
        min={0}
        max={120}
        step={1}
        defaultValue={String(v.bookingGraceMinutes)}
        errors={errors.bookingGraceMinutes}
        hint="For this long after booking, a client can cancel or change a session free of charge, even one inside your cancellation window (an undo for a wrong time). 0 turns it off."
      />
      <SaveRow saved={state?.ok ? state.message : undefined}>Save settings</SaveRow>
    </form>
  );
}

/** A settings form's last row: its save button, with the confirmation beside it. */
export function SaveRow({ saved, children }: { saved?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-3 border-t border-line pt-6">
      {/* The confirmation sits by the button: on a phone the top of the form is out of sight. */}
      <p role="status" className="text-sm font-medium text-brand-800">
        {saved ?? ""}
      </p>
      <SubmitButton pendingLabel="Saving…">{children}</SubmitButton>
    </div>
  );
}

function SlugField({ initial, saved, origin, errors }: { initial: string; saved: string; origin: string; errors?: string[] }) {
  const [slug, setSlug] = useState(initial);
  const changed = slug.trim().toLowerCase() !== saved;
  return (
    <Field
      label="Web address"
      name="slug"
      required
      maxLength={40}
      value={slug}
      onChange={(e) => setSlug(e.target.value.toLowerCase())}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      hint={`Your booking page: ${origin}/book/${slug || "…"}${changed ? ". Links you have already shared will stop working." : ""}`}
      errors={errors}
    />
  );
}
