import { useId } from "react";

type FieldProps = {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
  children?: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => React.ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "children" | "name">;

export const inputClass =
  "block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-muted/70 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20 aria-[invalid=true]:border-clay-600 sm:text-sm";

/**
 * A labelled input with its hint and error messages wired for screen readers.
 * Pass `children` as a render function to use a select or textarea instead.
 */
export function Field({ label, name, hint, errors, children, id: givenId, ...inputProps }: FieldProps) {
  const autoId = useId();
  const id = givenId ?? `${name}-${autoId}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control = { id, name, "aria-invalid": !!errors?.length, "aria-describedby": describedBy, className: inputClass };
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {children ? children(control) : <input {...control} {...inputProps} />}
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-clay-600" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select over `{ value, label }` options (uncontrolled: `defaultValue`). */
export function SelectField({
  options,
  defaultValue,
  ...field
}: Omit<FieldProps, "children" | "defaultValue"> & { options: readonly { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} defaultValue={defaultValue}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
