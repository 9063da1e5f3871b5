import Link from "next/link";

/** The centred card every sign-in screen sits in. */
export function AuthCard({ title, children, footer }: { title: string; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 font-serif text-2xl font-semibold text-brand-700">
        Tend
      </Link>
      <div className="w-full max-w-md rounded-2xl border border-line bg-white p-6 shadow-sm sm:p-8">
        <h1 className="mb-4 font-serif text-2xl font-semibold text-ink">{title}</h1>
        {children}
      </div>
      {footer ? <div className="mt-6 max-w-md text-center text-sm text-muted">{footer}</div> : null}
    </main>
  );
}
