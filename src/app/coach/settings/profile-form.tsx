"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { PROFILE_LIMITS, PROFILE_PHOTO_MAX_BYTES, PROFILE_PHOTO_TYPES } from "@/lib/practice-profile";
import { savePracticeProfileAction } from "./actions";
import { SaveRow } from "./settings-form";

type Profile = { bio: string; credentials: string; languages: string[]; pageNote: string; photoUrl: string | null };

/**
 * The coach's profile: photo, short bio, credentials, languages and a note for the top of every
 * booking page. A photo over 1 MB or of another type is refused here, before it is sent, and again
 * on the server by its bytes.
 */
export function ProfileForm({ initial }: { initial: Profile }) {
  const { state, formAction, formKey, formRef, failed, errors, values } = useActionForm(savePracticeProfileAction);
  const v = { bio: initial.bio, credentials: initial.credentials, languages: initial.languages.join(", "), pageNote: initial.pageNote, ...values };
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  function checkPhoto(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setPhotoError(null);
    setPreview((old) => {
      if (old) URL.revokeObjectURL(old);
      return null;
    });
    if (!file) return;
    const refuse = (message: string) => {
      setPhotoError(message);
      event.target.value = "";
    };
    if (!(PROFILE_PHOTO_TYPES as readonly string[]).includes(file.type)) return refuse("Choose a PNG, JPEG or WebP image.");
    if (file.size > PROFILE_PHOTO_MAX_BYTES) return refuse("That photo is over 1 MB. Please choose a smaller one (a square photo of 800 × 800 pixels is plenty).");
    setPreview(URL.createObjectURL(file));
  }

  const shownPhoto = preview ?? initial.photoUrl;
  const photoErrors = photoError ? [photoError] : errors.photo;

  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-6">
      {failed ? <FormMessage state={failed} /> : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="h-24 w-24 shrink-0 overflow-hidden rounded-full bg-brand-50 ring-1 ring-line">
          {shownPhoto ? (
            // eslint-disable-next-line @next/next/no-img-element -- a blob: preview or our own route; next/image adds nothing here
            <img src={shownPhoto} alt="Your profile photo" className="h-full w-full object-cover" />
          ) : (
            <span className="flex h-full w-full items-center justify-center text-xs text-muted">No photo</span>
          )}
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          <Field
            label="Photo"
            name="photo"
            type="file"
            accept={PROFILE_PHOTO_TYPES.join(",")}
            onChange={checkPhoto}
            errors={photoErrors}
            hint="PNG, JPEG or WebP, up to 1 MB. A friendly, square head-and-shoulders photo works best."
          />
          {initial.photoUrl ? (
            <label className="flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" name="removePhoto" className="h-4 w-4 accent-brand-600" />
              Remove my photo
            </label>
          ) : null}
        </div>
      </div>
      <Field label="Short bio" name="bio" errors={errors.bio} hint="A few sentences in your own voice: who you work with and how.">
        {(control) => <textarea {...control} rows={5} maxLength={PROFILE_LIMITS.bio} defaultValue={v.bio} />}
      </Field>
      <Field
        label="Credentials"
        name="credentials"
        maxLength={PROFILE_LIMITS.credentials}
        defaultValue={v.credentials}
        errors={errors.credentials}
        hint="For example: Certified Gottman Therapist · MA, Counseling Psychology."
      />
      <Field label="Languages" name="languages" maxLength={400} defaultValue={v.languages} errors={errors.languages} hint="Separate them with commas: English, Spanish." />
      <Field
        label="Note on your booking pages"
        name="pageNote"
        errors={errors.pageNote}
        hint="Shown at the top of every booking page, for example “I’m away July 1–14; book from the 15th.” Leave empty for none."
      >
        {(control) => <textarea {...control} rows={2} maxLength={PROFILE_LIMITS.pageNote} defaultValue={v.pageNote} />}
      </Field>
      <SaveRow saved={state?.ok ? state.message : undefined}>Save profile</SaveRow>
    </form>
  );
}
