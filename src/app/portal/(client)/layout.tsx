import type { Metadata } from "next";
import { PortalNav } from "@/components/portal/portal-nav";
import { SignOutButton } from "@/components/site/sign-out-button";
import { SproutIcon } from "@/components/site/wordmark";
import { requireClient } from "@/server/auth/guards";
import { signOutAction } from "@/app/(auth)/actions";

export const metadata: Metadata = { title: { default: "Your portal", template: "%s · Tend" } };

/**
 * The client portal's shell. It lives in a route group so that
 * /portal/not-a-client (where requireClient sends people it can't place)
 * sits outside it and can't redirect to itself.
 */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const { user, practice } = await requireClient();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-white">
        <div className="mx-auto max-w-4xl px-4 sm:px-6">
          <div className="flex items-start justify-between gap-4 py-4">
            <div className="min-w-0">
              <p className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-brand-700">
                <SproutIcon className="h-4 w-4" /> Client portal
              </p>
              <p className="mt-1 font-serif text-lg font-semibold leading-snug text-ink sm:text-xl">{practice.name}</p>
              <p className="truncate text-xs text-muted">Signed in as {user.email}</p>
            </div>
            <SignOutButton signOut={signOutAction} variant="ghost" className="whitespace-nowrap" />
          </div>
          <PortalNav />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
      <footer className="mx-auto max-w-4xl px-4 pb-10 text-xs text-muted sm:px-6">
        Questions about your sessions? Write to{" "}
        <a href={`mailto:${practice.contactEmail}`} className="text-brand-700 underline underline-offset-4">
          {practice.contactEmail}
        </a>
        .
      </footer>
    </div>
  );
}
