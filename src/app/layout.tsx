import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tend", template: "%s · Tend" },
  description: "Practice management for relationship coaches: booking, intake, homework and reminders in one place.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f6f6a" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each response a fresh
  // CSP nonce, which Next.js can only put on the scripts of a page it renders
  // now (a prerendered page would carry none, and its scripts would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-paper font-sans text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
