"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateEmbedOriginsAction } from "./actions";
import { SaveRow } from "./settings-form";

/** Which websites may show the booking page in a frame, with the snippet to paste there. */
export function EmbedForm({ bookingUrl, embedOrigins }: { bookingUrl: string; embedOrigins: string[] }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(updateEmbedOriginsAction);
  const saved = state?.ok ? state.data.embedOrigins : embedOrigins;
  const text = values?.embedOrigins ?? saved.join("\n");
  const snippet = `<iframe src="${bookingUrl}" title="Book a session" style="width:100%;min-height:760px;border:0"></iframe>`;

  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-5">
      {failed ? <FormMessage state={failed} /> : null}
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-ink">Code to paste into your website</p>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <code className="min-w-0 flex-1 break-all rounded-lg border border-line bg-paper px-3 py-2 font-mono text-xs text-ink">{snippet}</code>
          <CopyButton text={snippet} label="Copy code" />
        </div>
      </div>
      <Field
        label="Websites that may show your booking page"
        name="embedOrigins"
        errors={errors.embedOrigins}
        hint="One address per line, starting with https://, such as https://www.yourpractice.com. Leave it blank to allow any website. Other websites see a blocked frame instead of your page."
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={4000}
            defaultValue={text}
            placeholder="https://www.yourpractice.com"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            className={`${control.className} font-mono`}
          />
        )}
      </Field>
      <SaveRow saved={state?.ok ? state.message : undefined}>Save websites</SaveRow>
    </form>
  );
}
