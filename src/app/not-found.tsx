import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { Wordmark } from "@/components/site/wordmark";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center px-4 py-12 text-center">
      <Wordmark className="mb-10 text-2xl" />
      <p className="text-sm font-medium text-brand-700">Page not found</p>
      <h1 className="mt-2 max-w-lg font-serif text-3xl font-semibold text-ink">We couldn’t find what you were looking for</h1>
      <p className="mt-4 max-w-md text-muted">
        The link may be mistyped, or the page may have moved. If someone sent you this link, it’s worth asking them for a fresh one.
      </p>
      <Link href="/" className={buttonClass("primary", "mt-8")}>
        Go to the home page
      </Link>
    </main>
  );
}
