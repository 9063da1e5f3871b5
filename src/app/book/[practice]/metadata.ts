import "server-only";
import type { Metadata } from "next";
import { env } from "@/lib/env";

/**
 * Metadata for the public booking pages: the title and description, and the link preview a
 * coach's booking link shows in chats and social posts (the practice's own, else public/og-booking.png). Its URL is made
 * absolute from APP_URL through metadataBase, never from the request's host.
 */
export function bookingPageMetadata({
  title,
  description,
  path,
  image: practiceImage,
}: {
  title: string;
  description?: string;
  path: string;
  /** The practice's own preview (its name and photo, drawn by /api/public/<slug>/og-image). */
  image?: { url: string; alt: string };
}): Metadata {
  const image = { width: 1200, height: 630, ...(practiceImage ?? { url: "/og-booking.png", alt: "Book a session with your coach on Tend" }) };
  return {
    metadataBase: new URL(env().APP_URL),
    title,
    description,
    alternates: { canonical: path },
    openGraph: { type: "website", siteName: "Tend", url: path, title, description, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}

/** The first `max` characters of a text for a description, cut at a word, with an ellipsis when cut. */
export function summary(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, flat.lastIndexOf(" ", max - 1) > 0 ? flat.lastIndexOf(" ", max - 1) : max - 1)}…`;
}
