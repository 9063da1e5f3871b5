"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { priceInputValue } from "@/lib/format";
import { SaveRow } from "../../settings-form";
import { savePlanAction } from "./actions";

type Plan = { id: string; name: string; offeringIds: string[]; sessionsPerPeriod: number; priceCents: number; currency: string; active: boolean };

/** One monthly plan: name, offerings it books, sessions a month, price a month, offered or hidden. Without `plan`: a new one. */
export function PlanForm({ plan, offerings, currency }: { plan?: Plan; offerings: { id: string; name: string }[]; currency: string }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(savePlanAction);
  const chosen = new Set(plan?.offeringIds ?? []);
  const label = plan ? `Plan ${plan.name}` : "New plan";
  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-4" aria-label={label}>
      {failed ? <FormMessage state={failed} /> : null}
      {plan ? <input type="hidden" name="planId" value={plan.id} /> : null}
      <input type="hidden" name="currency" value={plan?.currency ?? currency} />
      <Field label="Name" name="name" defaultValue={values?.name ?? plan?.name ?? ""} errors={errors.name} maxLength={80} placeholder="One-on-One Coaching plan" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Sessions each month"
          name="sessionsPerPeriod"
          inputMode="numeric"
          defaultValue={values?.sessionsPerPeriod ?? String(plan?.sessionsPerPeriod ?? 4)}
          errors={errors.sessionsPerPeriod}
          hint="Unused sessions end with the month."
        />
        <Field
          label={`Price a month (${plan?.currency ?? currency})`}
          name="price"
          inputMode="decimal"
          defaultValue={values?.price ?? (plan ? priceInputValue(plan.priceCents) : "")}
          errors={errors.price}
        />
      </div>
      <fieldset aria-describedby={errors.offeringIds ? `${formKey}-offerings-error` : undefined}>
        <legend className="text-sm font-medium text-ink">Sessions it books</legend>
        <div className="mt-2 space-y-1.5">
          {offerings.map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="offeringIds" value={o.id} defaultChecked={chosen.has(o.id)} className="h-4 w-4" />
              {o.name}
            </label>
          ))}
        </div>
        {errors.offeringIds ? (
          <p id={`${formKey}-offerings-error`} role="alert" className="mt-1 text-sm text-clay-600">
            {errors.offeringIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={plan?.active ?? true} className="h-4 w-4" />
        Offered to clients (unticked: hidden; current subscribers keep it)
      </label>
      <SaveRow saved={state?.ok ? state.message : undefined}>{plan ? `Save ${plan.name}` : "Add plan"}</SaveRow>
    </form>
  );
}
