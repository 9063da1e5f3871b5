"use client";

import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { rescheduleSessionAction } from "../../actions";
import { SlotPicker, type OtherTime } from "../../slot-picker";
import { useRefreshWhenSlotTaken } from "../../use-refresh-when-taken";

/** The open times of the chosen date, or another time on it; picking one moves the session there. */
export function RescheduleForm({
  bookingId,
  slots,
  currentValue,
  legend,
  date,
  other,
}: {
  bookingId: string;
  slots: { value: string; label: string }[];
  currentValue: string;
  legend: string;
  date: string;
  other: Omit<OtherTime, "errors" | "defaultTime">;
}) {
  const { formAction, formKey, formRef, failed, errors, values } = useActionForm(rescheduleSessionAction);
  useRefreshWhenSlotTaken(failed);

  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={bookingId} />
      <input type="hidden" name="date" value={date} />
      {failed && !errors.start && !errors.otherTime ? <FormMessage state={failed} /> : null}
      <SlotPicker
        slots={slots}
        legend={legend}
        errors={errors.start}
        currentValue={currentValue}
        defaultValue={values?.start}
        other={{ ...other, errors: errors.otherTime, defaultTime: values?.otherTime }}
      />
      <p className="text-xs text-muted">The client gets an email with the new time and an updated calendar invite.</p>
      <SubmitButton pendingLabel="Moving…">Move the session to this time</SubmitButton>
    </form>
  );
}
