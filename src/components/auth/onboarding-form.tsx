"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ServerAction } from "@/lib/action-result";
import { TimeZoneCombobox } from "@/components/ui/time-zone-combobox";
import { useBrowserTimeZone } from "@/components/ui/use-browser-time-zone";
import { useSlugFromName } from "@/components/ui/use-slug-from-name";

const CURRENCIES = ["USD", "CAD", "EUR", "GBP", "AUD", "NZD", "CHF", "ZAR", "INR"];

/** `createPractice` is the onboarding page's server action. */
export function OnboardingForm<T>({
  email,
  origin,
  createPractice,
}: {
  email: string;
  origin: string;
  createPractice: ServerAction<T>;
}) {
  const [state, action] = useActionState(createPractice, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const { name, slug, onNameChange, onSlugChange } = useSlugFromName({
    name: failed?.values?.name ?? "",
    slug: failed?.values?.slug ?? "",
    follow: !failed?.values?.slug,
  });
  // The browser knows the coach's zone; the server render can't. What they chose wins.
  const detected = useBrowserTimeZone();
  const [chosenZone, setTimeZone] = useState(failed?.values?.timeZone ?? null);
  const timeZone = chosenZone ?? detected ?? "UTC";

  return (
    <form action={action} className="space-y-5" noValidate>
      {failed && !Object.keys(errors).length ? <FormMessage state={failed} /> : null}
      {failed && Object.keys(errors).length ? (
        <p role="alert" className="text-sm text-clay-600">
          Please correct the fields marked below.
        </p>
      ) : null}
      <Field
        label="Practice name"
        name="name"
        required
        maxLength={100}
        value={name}
        onChange={(e) => onNameChange(e.target.value)}
        placeholder="Wayne Miller Coaching"
        errors={errors.name}
      />
      <Field
        label="Web address"
        name="slug"
        required
        value={slug}
        onChange={(e) => onSlugChange(e.target.value)}
        hint={`Your booking page: ${origin}/book/${slug || "your-practice"}`}
        errors={errors.slug}
        autoCapitalize="none"
        spellCheck={false}
      />
      <TimeZoneCombobox name="timeZone" value={timeZone} onChange={setTimeZone} errors={errors.timeZone} hint="Your working hours are set in this zone." />
      <Field label="Currency" name="currency" errors={errors.currency}>
        {(control) => (
          <select {...control} defaultValue={failed?.values?.currency ?? "USD"}>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Contact email"
        name="contactEmail"
        type="email"
        required
        defaultValue={failed?.values?.contactEmail ?? email}
        hint="Shown to clients who need to reach you."
        errors={errors.contactEmail}
      />
      <SubmitButton className="w-full" pendingLabel="Creating your practice…">
        Create practice
      </SubmitButton>
    </form>
  );
}
