/**
 * A confirmation after something was done ("Offering saved"). It is a
 * status region, so screen readers announce it without moving focus.
 */
export function Notice({ children, tone = "success" }: { children: React.ReactNode; tone?: "success" | "info" }) {
  const colors = tone === "success" ? "border-brand-100 bg-brand-50 text-brand-800" : "border-line bg-white text-ink";
  return (
    <div role="status" className={`mb-6 flex items-start gap-3 rounded-xl border px-4 py-3 text-sm ${colors}`}>
      {tone === "success" ? (
        <svg viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true">
          <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
        </svg>
      ) : null}
      <div>{children}</div>
    </div>
  );
}
