"use client";

import { useFormStatus } from "react-dom";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary: "border border-line bg-white text-ink hover:bg-brand-50 disabled:opacity-60",
  danger: "border border-clay-600/30 bg-white text-clay-600 hover:bg-clay-100 disabled:opacity-60",
  ghost: "text-brand-700 hover:bg-brand-50",
} as const;

export const buttonClass = (variant: keyof typeof variants = "primary", extra = "") =>
  `inline-flex min-h-10 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${variants[variant]} ${extra}`;

/** A submit button that shows progress while its form's action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pendingLabel?: string; variant?: keyof typeof variants }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || props.disabled} aria-busy={pending} className={buttonClass(variant, className)} {...props}>
      {pending ? (pendingLabel ?? "Saving…") : children}
    </button>
  );
}
