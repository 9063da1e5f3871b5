"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { priceInputValue } from "@/lib/format";
import { SaveRow } from "../settings-form";
import { savePackageAction, setPackageActiveAction } from "./actions";

type Package = { id: string; name: string; offeringIds: string[]; sessions: number; priceCents: number; currency: string; validDays: number; active: boolean };
type Offering = { id: string; name: string };

/**
 * A package: N sessions of the offerings ticked, for a price, valid D days from
 * purchase. Without `pkg` it creates one (the demo's: 6 relationship sessions,
 * $1,100, 180 days).
 */
export function PackageForm({ pkg, offerings, currency }: { pkg?: Package; offerings: Offering[]; currency: string }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(savePackageAction);
  const title = pkg ? pkg.name : "New package";
  return (
    <div className="space-y-4">
      {/* The hide button is a form of its own, so it sits beside the edit form, never inside it:
          a form nested in a form is invalid HTML, and its button would submit the outer one. */}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-ink">
          {title}
          {pkg && !pkg.active ? <span className="ml-2 rounded bg-line px-2 py-0.5 text-xs text-muted">Hidden</span> : null}
        </h3>
        {pkg ? <HideButton pkg={pkg} /> : null}
      </div>
      <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-4" aria-label={title}>
        {failed ? <FormMessage state={failed} /> : null}
        {pkg ? <input type="hidden" name="packageId" value={pkg.id} /> : null}
        <Field label="Name" name="name" defaultValue={values?.name ?? pkg?.name ?? ""} placeholder="Relationship package of 6" errors={errors.name} />
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-ink">Sessions it covers</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {offerings.map((o) => (
              <label key={o.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="offeringIds" value={o.id} defaultChecked={pkg?.offeringIds.includes(o.id) ?? false} className="h-4 w-4" />
                {o.name}
              </label>
            ))}
          </div>
          {errors.offeringIds?.length ? (
            <p className="text-sm text-clay-600" role="alert">
              {errors.offeringIds.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Sessions" name="sessions" inputMode="numeric" defaultValue={values?.sessions ?? String(pkg?.sessions ?? 6)} errors={errors.sessions} />
          <Field
            label={`Price (${pkg?.currency ?? currency})`}
            name="price"
            inputMode="decimal"
            defaultValue={values?.price ?? (pkg ? priceInputValue(pkg.priceCents) : "")}
            errors={errors.price}
          />
          <Field
            label="Valid for (days)"
            name="validDays"
            inputMode="numeric"
            defaultValue={values?.validDays ?? String(pkg?.validDays ?? 180)}
            errors={errors.validDays}
            hint="Counted from the day it is bought."
          />
        </div>
        <SaveRow saved={state?.ok ? state.message : undefined}>{pkg ? `Save ${pkg.name}` : "Add package"}</SaveRow>
      </form>
    </div>
  );
}

function HideButton({ pkg }: { pkg: Package }) {
  const { formAction, failed } = useActionForm(setPackageActiveAction);
  return (
    <form action={formAction}>
      <input type="hidden" name="packageId" value={pkg.id} />
      <input type="hidden" name="active" value={String(!pkg.active)} />
      <button type="submit" className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
        {pkg.active ? "Hide from booking pages" : "Offer again"}
      </button>
      {failed ? <span className="ml-2 text-sm text-clay-600">{failed.error}</span> : null}
    </form>
  );
}
