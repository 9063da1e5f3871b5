import type { Metadata } from "next";
import { CoachMobileMenu, CoachSidebarNav } from "@/components/coach/coach-nav";
import { CrisisBanner } from "@/components/coach/crisis-banner";
import { SignOutButton } from "@/components/site/sign-out-button";
import { Wordmark } from "@/components/site/wordmark";
import { requireCoach } from "@/server/auth/guards";
import { listOpenCrisisAlerts } from "@/server/intake/crisis";
import { acknowledgeCrisisAlertAction } from "./clients/intake-actions";
import { signOutAction } from "@/app/(auth)/actions";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Tend" } };

export default async function CoachLayout({ children }: { children: React.ReactNode }) {
  const { user, practice, practiceId } = await requireCoach();
  const alerts = await listOpenCrisisAlerts(practiceId);

  const account = (
    <div className="space-y-3">
      <p className="text-xs text-muted">
        Signed in as
        <span className="block truncate text-sm font-medium text-ink">{user.email}</span>
      </p>
      <SignOutButton signOut={signOutAction} className="w-full" />
    </div>
  );

  return (
    <div className="min-h-dvh lg:flex">
      {/* Phone and tablet: a slim header with a menu. */}
      <header className="sticky top-0 z-20 flex items-center justify-between gap-3 border-b border-line bg-white/95 px-4 py-3 backdrop-blur lg:hidden">
        <div className="min-w-0">
          <Wordmark href="/coach" />
          <p className="truncate text-xs text-muted">{practice.name}</p>
        </div>
        <CoachMobileMenu footer={account} />
      </header>

      {/* Wide screens: a calm sidebar that stays put. */}
      <aside className="hidden lg:sticky lg:top-0 lg:flex lg:h-dvh lg:w-64 lg:shrink-0 lg:flex-col lg:border-r lg:border-line lg:bg-white lg:px-4 lg:py-6">
        <div className="px-3">
          <Wordmark href="/coach" />
          <p className="mt-2 text-sm font-medium leading-snug text-ink">{practice.name}</p>
        </div>
        <div className="mt-6 flex-1 overflow-y-auto">
          <CoachSidebarNav />
        </div>
        <div className="border-t border-line px-3 pt-4">{account}</div>
      </aside>

      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-10">
        <div className="mx-auto max-w-5xl">
          <CrisisBanner alerts={alerts} acknowledge={acknowledgeCrisisAlertAction} />
          {children}
        </div>
      </main>
    </div>
  );
}
