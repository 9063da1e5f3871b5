"use client";

import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action-result";
import { formatPrice, priceInputValue } from "@/lib/format";

type Props<T> = {
  /** A coach action reading refundFormSchema: `id`, `amount` (major units), `reason`. */
  action: ServerAction<T>;
  /** The id the action refunds (a booking, a package's payment, a plan month). */
  id: string;
  /** What is left to refund, in minor units: the amount's default and its limit. */
  leftCents: number;
  currency: string;
  /** What refunding all of it also does, said under the amount. */
  consequence?: string;
  className?: string;
};

/** The coach's refund form for any payment: the amount (all that is left by default) and the reason the client reads. */
export function RefundForm<T>({ action, id, leftCents, currency, consequence, className }: Props<T>) {
  const { state, formAction, formKey, formRef, errors, values } = useActionForm(action);
  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className={`space-y-4 ${className ?? ""}`}>
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <Field
        label={`Refund amount (${currency})`}
        name="amount"
        inputMode="decimal"
        defaultValue={values?.amount ?? priceInputValue(leftCents)}
        errors={errors.amount}
        hint={`Up to ${formatPrice(leftCents, currency)}.${consequence ? ` ${consequence}` : ""}`}
      />
      <Field label="Reason" name="reason" defaultValue={values?.reason ?? ""} errors={errors.reason} hint="The client reads this." />
      <SubmitButton variant="secondary" pendingLabel="Refunding…">
        Refund
      </SubmitButton>
    </form>
  );
}
