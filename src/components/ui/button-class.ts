/**
 * Button looks as a plain function, so server components can style a link as
 * a button (functions exported from a "use client" file can't be called on
 * the server). SubmitButton uses the same function.
 */
const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary: "border border-line bg-white text-ink hover:bg-brand-50 disabled:opacity-60",
  danger: "border border-clay-600/30 bg-white text-clay-600 hover:bg-clay-100 disabled:opacity-60",
  ghost: "text-brand-700 hover:bg-brand-50",
} as const;

export type ButtonVariant = keyof typeof variants;

export const buttonClass = (variant: ButtonVariant = "primary", extra = "") =>
  `inline-flex min-h-10 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${variants[variant]} ${extra}`;
