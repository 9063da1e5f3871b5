import Link from "next/link";
import { SproutIcon } from "./wordmark";

/** The frame of the public booking pages: the practice first, Tend quietly in the footer. */
export function PublicPage({
  practiceName,
  practiceHref,
  header = true,
  children,
}: {
  practiceName?: string;
  practiceHref?: string;
  /** The practice's own front page names it in its heading; a header would repeat it. */
  header?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      {header ? (
        <header className="border-b border-line bg-white">
          <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
            {practiceName && practiceHref ? (
              <Link href={practiceHref} className="min-w-0 truncate rounded font-serif text-lg font-semibold text-ink hover:text-brand-700">
                {practiceName}
              </Link>
            ) : (
              <Link href="/" className="inline-flex items-center gap-1.5 rounded font-serif text-lg font-semibold text-brand-700">
                <SproutIcon /> Tend
              </Link>
            )}
          </div>
        </header>
      ) : null}
      <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
        {children}
      </main>
      <footer className="border-t border-line">
        <p className="mx-auto flex max-w-4xl items-center gap-1.5 px-4 py-6 text-xs text-muted sm:px-6">
          <SproutIcon className="h-4 w-4 text-brand-600" />
          Scheduling by{" "}
          <Link href="/" className="underline underline-offset-4 hover:text-ink">
            Tend
          </Link>
        </p>
      </footer>
    </div>
  );
}
