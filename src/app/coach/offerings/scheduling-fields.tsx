// No hooks and no "use client": the offering form (a client component) renders it, and the page
// (a server component) may call schedulingValuesOf.
import { Field } from "@/components/ui/field";
import { isOfferingKind } from "@/lib/offerings";
import { schedulingDefaultsFor, type SchedulingDefaults } from "@/lib/scheduling/policy";

/** The scheduling inputs as the form holds them: strings, "" when left blank. */
export type SchedulingValues = {
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minimumNoticeHours: string;
  horizonDays: string;
  slotIntervalMinutes: string;
  maxPerDay: string;
  cancellationWindowHours: string;
  rescheduleWindowHours: string;
};

export const SCHEDULING_FIELD_NAMES = [
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "minimumNoticeHours",
  "horizonDays",
  "slotIntervalMinutes",
  "maxPerDay",
  "cancellationWindowHours",
  "rescheduleWindowHours",
] as const satisfies readonly (keyof SchedulingValues)[];

const blankSchedulingValues: SchedulingValues = {
  bufferBeforeMinutes: "",
  bufferAfterMinutes: "",
  minimumNoticeHours: "",
  horizonDays: "",
  slotIntervalMinutes: "",
  maxPerDay: "",
  cancellationWindowHours: "",
  rescheduleWindowHours: "",
};

type OfferingScheduling = {
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
  slotIntervalMinutes: number | null;
  maxPerDay: number | null;
  cancellationWindowHours: number;
  rescheduleWindowHours: number;
};

/** An existing offering's rules as form values (notice is stored in minutes, typed in hours). */
export function schedulingValuesOf(offering: OfferingScheduling): SchedulingValues {
  const text = (v: number | null) => (v === null ? "" : String(v));
  const noticeHours = offering.minimumNoticeMinutes / 60;
  return {
    bufferBeforeMinutes: text(offering.bufferBeforeMinutes),
    bufferAfterMinutes: text(offering.bufferAfterMinutes),
    minimumNoticeHours: String(Number.isInteger(noticeHours) ? noticeHours : Math.ceil(noticeHours)),
    horizonDays: text(offering.horizonDays),
    slotIntervalMinutes: text(offering.slotIntervalMinutes),
    maxPerDay: text(offering.maxPerDay),
    cancellationWindowHours: text(offering.cancellationWindowHours),
    rescheduleWindowHours: text(offering.rescheduleWindowHours),
  };
}

type FieldSpec = {
  name: keyof SchedulingValues;
  label: string;
  hint: string;
  min: number;
  max: number;
  placeholder: (d: SchedulingDefaults) => string;
};

const FIELDS: FieldSpec[] = [
  {
    name: "bufferBeforeMinutes",
    label: "Buffer before (minutes)",
    hint: "Free time kept before each session, to prepare.",
    min: 0,
    max: 240,
    placeholder: (d) => String(d.bufferBeforeMinutes),
  },
  {
    name: "bufferAfterMinutes",
    label: "Buffer after (minutes)",
    hint: "Free time kept after each session, for notes or a break.",
    min: 0,
    max: 240,
    placeholder: (d) => String(d.bufferAfterMinutes),
  },
  {
    name: "minimumNoticeHours",
    label: "Minimum notice (hours)",
    hint: "How soon before it starts a client can still book.",
    min: 0,
    max: 720,
    placeholder: (d) => String(d.minimumNoticeHours),
  },
  {
    name: "horizonDays",
    label: "Booking horizon (days)",
    hint: "How many days ahead clients can book.",
    min: 1,
    max: 730,
    placeholder: (d) => String(d.horizonDays),
  },
  {
    name: "slotIntervalMinutes",
    label: "Start times every (minutes)",
    hint: "Spacing of the times offered, e.g. 30 for 9:00, 9:30, 10:00. Empty: the session length.",
    min: 5,
    max: 720,
    placeholder: (d) => (d.slotIntervalMinutes === null ? "Session length" : String(d.slotIntervalMinutes)),
  },
  {
    name: "maxPerDay",
    label: "Sessions per day (max)",
    hint: "The most of these sessions clients can book on one day. Empty: no limit.",
    min: 1,
    max: 50,
    placeholder: (d) => (d.maxPerDay === null ? "No limit" : String(d.maxPerDay)),
  },
  {
    name: "cancellationWindowHours",
    label: "Cancellation window (hours)",
    hint: "A client who cancels later than this before the start cancels late.",
    min: 0,
    max: 720,
    placeholder: (d) => String(d.cancellationWindowHours),
  },
  {
    name: "rescheduleWindowHours",
    label: "Reschedule window (hours)",
    hint: "Closer to the start than this, clients must contact you to move a session.",
    min: 0,
    max: 720,
    placeholder: (d) => String(d.rescheduleWindowHours),
  },
];

/**
 * The offering form's "Scheduling rules": eight whole-number inputs named as offeringInput
 * expects. Placeholders show the kind's defaults, which a blank field gets on a new offering.
 * You as the coach are never bound by notice or windows when booking from the dashboard.
 */
export function SchedulingFields({
  kind,
  initial = blankSchedulingValues,
  errors = {},
}: {
  /** The kind chosen in the form; its defaults are the placeholders. */
  kind: string;
  /** schedulingValuesOf(offering) when editing; blank values on a new offering. */
  initial?: Partial<SchedulingValues>;
  /** The form's field errors, keyed by input name. */
  errors?: Record<string, string[] | undefined>;
}) {
  const defaults = schedulingDefaultsFor(isOfferingKind(kind) ? kind : "one_on_one");
  return (
    <fieldset className="rounded-xl border border-line p-4 sm:p-5">
      <legend className="px-1 font-serif text-base font-semibold text-ink">Scheduling rules</legend>
      <p className="mb-4 text-sm text-muted">
        When and how clients can book this offering online. On a new offering, an empty field takes the suggested value shown in grey. These rules
        don’t limit you when you book or move sessions yourself.
      </p>
      <div className="grid gap-5 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <Field
            key={field.name}
            label={field.label}
            name={field.name}
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.max}
            step={1}
            placeholder={field.placeholder(defaults)}
            defaultValue={initial[field.name] ?? ""}
            hint={field.hint}
            errors={errors[field.name]}
          />
        ))}
      </div>
    </fieldset>
  );
}
