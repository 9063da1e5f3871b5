/**
 * Open start times as a group of radio buttons ("9:00 AM", "10:00 AM" …), named `start` with ISO
 * instants as values. Plain radios: keyboard arrows move between times, and it works without scripts.
 */
export function SlotPicker({
  slots,
  legend,
  errors,
  defaultValue,
  currentValue,
}: {
  slots: { value: string; label: string }[];
  legend: string;
  errors?: string[];
  defaultValue?: string;
  /** The session's own time when rescheduling: shown, not choosable. */
  currentValue?: string;
}) {
  const errorId = errors?.length ? "slot-error" : undefined;
  return (
    // Focusable when invalid, so the form can move focus here after a failed submit.
    <fieldset aria-describedby={errorId} aria-invalid={!!errors?.length} tabIndex={errors?.length ? -1 : undefined} className="focus:outline-none">
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
        {slots.map((slot) => {
          const current = slot.value === currentValue;
          return (
            <label
              key={slot.value}
              className={`flex min-h-10 cursor-pointer items-center justify-center gap-2 rounded-lg border px-3 py-2 text-sm tabular-nums has-checked:border-brand-600 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-brand-600/40 ${
                current ? "cursor-not-allowed border-dashed border-line text-muted" : "border-line bg-white text-ink hover:border-brand-600"
              }`}
            >
              <input
                type="radio"
                name="start"
                value={slot.value}
                disabled={current}
                defaultChecked={slot.value === defaultValue}
                className="sr-only"
              />
              <span className="flex flex-col items-center leading-tight">
                {slot.label}
                {current ? <span className="text-[11px]">current time</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {errors?.length ? (
        <p id={errorId} role="alert" className="mt-2 text-sm text-clay-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
