"use client";

import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { PAYMENT_COLLECTIONS, paymentCollectionLabels } from "@/lib/billing/payments";
import { priceInputValue } from "@/lib/format";
import { SaveRow } from "../settings-form";
import { setOfferingPaymentAction } from "./actions";

type Offering = { id: string; name: string; priceCents: number; currency: string; paymentCollection: string; lateCancelRefundPercent: number };

const collectionOptions = PAYMENT_COLLECTIONS.map((value) => ({ value, label: paymentCollectionLabels[value] }));

/** One offering's price per session, how it is collected, and its late-cancel rule. */
export function OfferingPaymentForm({ offering }: { offering: Offering }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(setOfferingPaymentAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-4" aria-label={`Payment for ${offering.name}`}>
      <h3 className="font-medium text-ink">{offering.name}</h3>
      {failed ? <FormMessage state={failed} /> : null}
      <input type="hidden" name="offeringId" value={offering.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={`Price per session (${offering.currency})`}
          name="price"
          inputMode="decimal"
          defaultValue={values?.price ?? priceInputValue(offering.priceCents)}
          errors={errors.price}
          hint="0 makes it free."
        />
        <Field
          label="Late cancel or no-show: refund (%)"
          name="lateCancelRefundPercent"
          inputMode="numeric"
          defaultValue={values?.lateCancelRefundPercent ?? String(offering.lateCancelRefundPercent)}
          errors={errors.lateCancelRefundPercent}
          hint="0 keeps the whole fee. Cancels before the late window are always refunded in full."
        />
      </div>
      <SelectField
        label="How it is paid"
        name="paymentCollection"
        options={collectionOptions}
        defaultValue={values?.paymentCollection ?? offering.paymentCollection}
        errors={errors.paymentCollection}
      />
      <SaveRow saved={state?.ok ? state.message : undefined}>Save {offering.name}</SaveRow>
    </form>
  );
}
