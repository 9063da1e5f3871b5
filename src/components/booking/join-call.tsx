"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { JOIN_OPENS_MINUTES, joinState } from "@/lib/scheduling/meeting-place";

type Props = {
  url: string;
  startIso: string;
  endIso: string;
  /** The server's clock when the page was drawn (the test clock in e2e). */
  nowIso: string;
  /** "panel": the session page; "row": a line in a list (portal home, the coach's day). */
  variant?: "panel" | "row";
  /** Show nothing before Join opens (the coach's day list). */
  quietUntilOpen?: boolean;
};

/**
 * "Join" for a video session: a prominent button from JOIN_OPENS_MINUTES
 * before the start until the end; before that a quiet note that it opens
 * then; after the end, nothing. The first render uses the server's clock;
 * then it keeps time from there (the server's offset from this browser's
 * clock, so a wrong device clock or the test clock changes nothing).
 */
export function JoinCall({ url, startIso, endIso, nowIso, variant = "panel", quietUntilOpen = false }: Props) {
  const at = useServerNow(nowIso);
  const state = joinState(startIso, endIso, at);
  if (state === "over" || (state === "early" && quietUntilOpen)) return null;
  if (state === "early") {
    return variant === "panel" ? (
      <p className="rounded-xl bg-brand-50 px-4 py-3 text-sm text-ink/90">
        Join opens {JOIN_OPENS_MINUTES} minutes before the start. The link above is yours to keep.
      </p>
    ) : (
      <p className="text-xs text-muted">Join opens {JOIN_OPENS_MINUTES} minutes before</p>
    );
  }
  const link = (
    <a href={url} target="_blank" rel="noopener noreferrer" className={buttonClass("primary", variant === "panel" ? "w-full text-base sm:w-auto" : "")}>
      <CameraIcon />
      Join the video call
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
  if (variant === "row") return link;
  return (
    <section aria-labelledby="join-heading" className="rounded-2xl border border-brand-600/30 bg-brand-50 p-5 sm:p-6">
      <h2 id="join-heading" className="font-serif text-lg font-semibold text-ink">
        {Date.parse(startIso) > at ? "Your session is about to start" : "Your session is on now"}
      </h2>
      <div className="mt-3">{link}</div>
    </section>
  );
}

const TICK_MS = 15_000;

/** The server's "now", kept ticking in the browser. */
function useServerNow(nowIso: string): number {
  const [at, setAt] = useState(() => Date.parse(nowIso));
  useEffect(() => {
    const skew = Date.parse(nowIso) - Date.now();
    const timer = setInterval(() => setAt(Date.now() + skew), TICK_MS);
    return () => clearInterval(timer);
  }, [nowIso]);
  return at;
}

function CameraIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-5 w-5">
      <path d="M3.25 4A2.25 2.25 0 0 0 1 6.25v7.5A2.25 2.25 0 0 0 3.25 16h7.5A2.25 2.25 0 0 0 13 13.75v-7.5A2.25 2.25 0 0 0 10.75 4h-7.5ZM19 4.75a.75.75 0 0 0-1.28-.53l-3 3a.75.75 0 0 0-.22.53v4.5c0 .2.08.39.22.53l3 3a.75.75 0 0 0 1.28-.53V4.75Z" />
    </svg>
  );
}
