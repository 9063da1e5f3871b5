import "server-only";
import type { Metadata } from "next";
import { env } from "@/lib/env";

/**
 * Metadata for the public booking pages: the title and description, and the link preview a
 * coach's booking link shows in chats and social posts (public/og-booking.png). Its URL is made
 * absolute from APP_URL through metadataBase, never from the request's host.
 */
export function bookingPageMetadata({ title, description, path }: { title: string; description?: string; path: string }): Metadata {
  const image = { url: "/og-booking.png", width: 1200, height: 630, alt: "Book a session with your coach on Tend" };
  return {
    metadataBase: new URL(env().APP_URL),
    title,
    description,
    alternates: { canonical: path },
    openGraph: { type: "website", siteName: "Tend", url: path, title, description, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}
