"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { DEFAULT_VIDEO_BASE_URL } from "@/lib/scheduling/meeting-place";
import { updateVideoBaseUrlAction } from "./actions";
import { SaveRow } from "./settings-form";

/** Where automatic video links open: the public Jitsi Meet, or the practice's own Jitsi server. */
export function VideoForm({ videoBaseUrl }: { videoBaseUrl: string }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(updateVideoBaseUrlAction);
  const saved = state?.ok ? state.data.videoBaseUrl : videoBaseUrl;
  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-5">
      {failed ? <FormMessage state={failed} /> : null}
      <Field
        label="Jitsi server"
        name="videoBaseUrl"
        type="url"
        inputMode="url"
        maxLength={200}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        placeholder={DEFAULT_VIDEO_BASE_URL}
        defaultValue={values?.videoBaseUrl ?? saved}
        hint={`Offerings with automatic links give each session its own private room on this server. Leave it blank for the free public one, ${DEFAULT_VIDEO_BASE_URL}. Sessions already booked keep their link.`}
        errors={errors.videoBaseUrl}
      />
      <SaveRow saved={state?.ok ? state.message : undefined}>Save video settings</SaveRow>
    </form>
  );
}
