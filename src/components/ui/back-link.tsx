import Link from "next/link";

export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 rounded font-medium text-brand-700 underline-offset-4 hover:underline">
      <span aria-hidden="true">←</span> {children}
    </Link>
  );
}
