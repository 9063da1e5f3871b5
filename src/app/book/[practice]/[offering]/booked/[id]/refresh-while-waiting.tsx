"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-reads the page from the server every few seconds while a payment is
 * awaited (the confirmation arrives by webhook). A `<meta refresh>` did this
 * before, but a timed reload takes the page from under a screen reader or a
 * keyboard user (axe `meta-refresh`); a router refresh keeps focus and scroll.
 */
export function RefreshWhileWaiting({ everyMs = 5_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
