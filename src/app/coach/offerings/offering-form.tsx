"use client";

import Link from "next/link";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ServerAction } from "@/lib/action-result";
import { currencyName, currencySymbol } from "@/lib/format";
import { useSlugFromName } from "@/components/ui/use-slug-from-name";
import { SCHEDULING_FIELD_NAMES, SchedulingFields, type SchedulingValues } from "./scheduling-fields";

export type Option = { value: string; label: string };

export type OfferingFormValues = {
  id?: string;
  name: string;
  slug: string;
  kind: string;
  durationMinutes: string;
  price: string;
  format: string;
  /** Video: "automatic" (a private room per session) or "fixed" (the coach's own link). */
  videoLink: string;
  location: string;
  description: string;
  noteTemplate: string;
  active: boolean;
  /** The offering's scheduling rules when editing; absent on a new offering (blank = kind defaults). */
  scheduling?: SchedulingValues;
};

const locationHints: Record<string, string> = {
  video: "Required: your own meeting room (Zoom, Google Meet…). Every session of this offering uses it.",
  phone: "Optional: the number clients call, or leave empty if you call them.",
  in_person: "Required: the address where you meet.",
};

export function OfferingForm<T>({
  action,
  initial,
  bookingBase,
  currency,
  isNew,
  kinds,
  formats,
}: {
  action: ServerAction<T>;
  initial: OfferingFormValues;
  /** e.g. "https://tend.example/book/demo", the offering's address goes after it. */
  bookingBase: string;
  currency: string;
  isNew: boolean;
  kinds: Option[];
  formats: Option[];
}) {
  const { formAction, formKey, formRef, failed, errors, values } = useActionForm(action);

  return (
    <form key={formKey} ref={formRef} action={formAction} noValidate className="space-y-6">
      {failed ? <FormMessage state={failed} /> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <OfferingFields
        initial={values ? withEchoedValues(initial, values) : initial}
        errors={errors}
        bookingBase={bookingBase}
        currency={currency}
        suggestSlug={isNew && !values?.slug}
        kinds={kinds}
        formats={formats}
      />
      <div className="flex flex-col-reverse gap-3 border-t border-line pt-6 sm:flex-row sm:justify-end">
        <Link href="/coach/offerings" className={buttonClass("secondary")}>
          Cancel
        </Link>
        <SubmitButton pendingLabel="Saving…">Save offering</SubmitButton>
      </div>
    </form>
  );
}

/** After a failed save the form shows what was typed, scheduling fields included. */
function withEchoedValues(initial: OfferingFormValues, values: Record<string, string>): OfferingFormValues {
  const scheduling = { ...initial.scheduling } as Partial<SchedulingValues>;
  for (const name of SCHEDULING_FIELD_NAMES) if (name in values) scheduling[name] = values[name];
  return { ...initial, ...values, active: values.active === "on", scheduling: scheduling as SchedulingValues };
}

function OfferingFields({
  initial,
  errors,
  bookingBase,
  currency,
  suggestSlug,
  kinds,
  formats,
}: {
  kinds: Option[];
  formats: Option[];
  initial: OfferingFormValues;
  errors: Record<string, string[]>;
  bookingBase: string;
  currency: string;
  suggestSlug: boolean;
}) {
  // Name and address are controlled so the address can follow the name
  // until the coach edits it by hand.
  const { name, slug, onNameChange, onSlugChange } = useSlugFromName({ name: initial.name, slug: initial.slug, follow: suggestSlug });
  const [format, setFormat] = useState(initial.format || "video");
  const [videoLink, setVideoLink] = useState(initial.videoLink || "automatic");
  const automatic = format === "video" && videoLink === "automatic";
  // Controlled so the scheduling defaults shown follow the chosen kind.
  const [kind, setKind] = useState(initial.kind || "relationship");

  return (
    <>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          required
          maxLength={80}
          value={name}
          onChange={(e) => onNameChange(e.target.value)}
          placeholder="Relationship Coaching"
          errors={errors.name}
        />
        <Field label="Kind" name="kind" errors={errors.kind} hint="Helps clients see which kind of help this is.">
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value)}>
              {kinds.map((kind) => (
                <option key={kind.value} value={kind.value}>
                  {kind.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <Field
        label="Web address"
        name="slug"
        required
        maxLength={40}
        value={slug}
        onChange={(e) => onSlugChange(e.target.value)}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        hint={`Clients will find it at ${bookingBase}/${slug || "your-offering"}`}
        errors={errors.slug}
      />

      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          label="Length (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={720}
          step={1}
          required
          defaultValue={initial.durationMinutes}
          hint="For example 60, or 90 for a longer first session."
          errors={errors.durationMinutes}
        />
        <Field label="Price" name="price" errors={errors.price} hint={`In ${currencyName(currency)}. Enter 0 for free.`}>
          {({ className, ...control }) => (
            <div className="relative">
              <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-muted">
                {currencySymbol(currency)}
              </span>
              <input
                {...control}
                className={`${className} pl-9`}
                inputMode="decimal"
                autoComplete="off"
                required
                defaultValue={initial.price}
                placeholder="0"
              />
            </div>
          )}
        </Field>
      </div>

      <div className="grid gap-6 sm:grid-cols-2">
        <Field label="Format" name="format" errors={errors.format}>
          {(control) => (
            <select {...control} value={format} onChange={(e) => setFormat(e.target.value)}>
              {formats.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {/* Hidden, not removed, for automatic links: a link typed before switching is kept. */}
        <div hidden={automatic}>
          <Field
            label={format === "video" ? "Your meeting link" : format === "phone" ? "Number to call" : "Address"}
            name="location"
            required={format === "in_person" || (format === "video" && !automatic)}
            maxLength={500}
            defaultValue={initial.location}
            hint={locationHints[format] ?? locationHints.video}
            errors={errors.location}
          />
        </div>
      </div>
      {format === "video" ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-ink">Video link</legend>
          {[
            { value: "automatic", label: "A private room for each session", hint: "Tend makes a Jitsi Meet link for every booking. Nothing to install; clients join from the browser." },
            { value: "fixed", label: "My own meeting link", hint: "Your personal Zoom, Google Meet or Teams room, the same for every session." },
          ].map((option) => (
            <label key={option.value} className="flex cursor-pointer gap-3 rounded-lg border border-line bg-white px-3 py-2 has-[:checked]:border-brand-600">
              <input
                type="radio"
                name="videoLink"
                value={option.value}
                checked={videoLink === option.value}
                onChange={() => setVideoLink(option.value)}
                className="mt-1 accent-brand-600"
              />
              <span className="text-sm">
                <span className="block font-medium text-ink">{option.label}</span>
                <span className="block text-muted">{option.hint}</span>
              </span>
            </label>
          ))}
          {errors.videoLink?.length ? (
            <p className="text-sm text-clay-600" role="alert">
              {errors.videoLink.join(" ")}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <Field label="Description" name="description" errors={errors.description} hint="Shown on your booking page. Who is it for, and what happens in it?">
        {(control) => <textarea {...control} rows={5} maxLength={2000} defaultValue={initial.description} />}
      </Field>

      <Field
        label="Session note template"
        name="noteTemplate"
        errors={errors.noteTemplate}
        hint="Optional: prefilled into each new note on this offering’s sessions, for example “What we worked on / Homework / Next time”."
      >
        {(control) => <textarea {...control} rows={4} maxLength={4000} defaultValue={initial.noteTemplate} />}
      </Field>

      <SchedulingFields kind={kind} initial={initial.scheduling} errors={errors} />

      <div className="flex items-start gap-3 rounded-xl border border-line bg-paper/60 p-4">
        <input
          id="offering-active"
          type="checkbox"
          name="active"
          defaultChecked={initial.active}
          aria-describedby="offering-active-hint"
          className="mt-0.5 h-5 w-5 shrink-0 rounded border-line accent-brand-600"
        />
        <div>
          <label htmlFor="offering-active" className="text-sm font-medium text-ink">
            Show on booking page
          </label>
          <p id="offering-active-hint" className="text-xs text-muted">
            Untick to keep it as a draft, or to stop new bookings without deleting it.
          </p>
        </div>
      </div>
    </>
  );
}
