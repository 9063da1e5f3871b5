import Link from "next/link";

/** A small sprout: tending something that grows. Decorative, so hidden from screen readers. */
export function SproutIcon({ className = "h-6 w-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden="true">
      <path d="M12 21v-9" />
      <path d="M12 12C12 7.5 9 4.5 4 4.5c0 4.5 3 7.5 8 7.5Z" fill="currentColor" fillOpacity={0.15} />
      <path d="M12 14c0-3.5 2.5-6.5 7.5-6.5 0 4-2.5 6.5-7.5 6.5Z" fill="currentColor" fillOpacity={0.15} />
    </svg>
  );
}

export function Wordmark({ href = "/", className = "" }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={`inline-flex items-center gap-1.5 rounded-md font-serif text-xl font-semibold text-brand-700 ${className}`}>
      <SproutIcon />
      <span>Tend</span>
    </Link>
  );
}
