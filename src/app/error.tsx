"use client";

import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button-class";

/** The page anyone sees when something breaks on our side: calm, with a way forward. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main id="main" className="flex min-h-[70dvh] flex-col items-center justify-center px-4 py-12 text-center">
      <p className="text-sm font-medium text-clay-600">Something went wrong</p>
      <h1 className="mt-2 max-w-lg font-serif text-3xl font-semibold text-ink">Sorry, this page didn’t load</h1>
      <p className="mt-4 max-w-md text-muted">
        The problem is on our side, not yours, and nothing you saved has been lost. Please try again in a moment.
      </p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <button type="button" onClick={() => retry()} className={buttonClass("primary")}>
          Try again
        </button>
        {/* A full page load, not a client-side one: after a failure it starts the app afresh, and
            keeps next/link's code out of the chunk every page loads (the pages that link carry it). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- deliberately a full load, see above */}
        <a href="/" className={buttonClass("secondary")}>
          Go to the home page
        </a>
      </div>
      {digest ? <p className="mt-6 text-xs text-muted">Reference: {digest}</p> : null}
    </main>
  );
}
