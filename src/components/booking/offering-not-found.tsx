"use client";

import { createContext, use } from "react";
import { PublicNotFound } from "@/components/site/public-not-found";

type PracticeLink = { name: string; slug: string } | null;

const BookingPractice = createContext<PracticeLink>(null);

/** Set by the practice's booking layout, so a not-found page under it can link back to the practice. */
export function BookingPracticeProvider({ practice, children }: { practice: PracticeLink; children: React.ReactNode }) {
  return <BookingPractice value={practice}>{children}</BookingPractice>;
}

/**
 * An offering address that doesn't exist (mistyped, renamed or hidden): say so, and lead back to
 * the practice's own page, which lists what it does offer. Under a practice that doesn't exist
 * either, the practice's not-found message.
 */
export function OfferingNotFound() {
  const practice = use(BookingPractice);
  if (!practice) {
    return (
      <PublicNotFound label="Page not found" title="We couldn’t find that booking page">
        The link may have a typo, or the coach may have changed their web address. Please check the link you were given, or ask your coach for a
        new one.
      </PublicNotFound>
    );
  }
  return (
    <PublicNotFound
      label="Session not found"
      title="That session isn’t offered here"
      action={{ href: `/book/${practice.slug}`, label: `See the sessions ${practice.name} offers` }}
    >
      The link may have a typo, or {practice.name} may have renamed this session or stopped offering it. Their booking page lists every session
      you can book.
    </PublicNotFound>
  );
}
