"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";

const COACH_NAV = [
  { href: "/coach", label: "Today" },
  { href: "/coach/clients", label: "Clients" },
  { href: "/coach/calendar", label: "Calendar" },
  { href: "/coach/availability", label: "Availability" },
  { href: "/coach/offerings", label: "Offerings" },
  { href: "/coach/questionnaires", label: "Questionnaires" },
  { href: "/coach/homework", label: "Homework" },
  { href: "/coach/payments", label: "Payments" },
  { href: "/coach/settings", label: "Settings" },
] as const;

function isCurrent(pathname: string, href: string) {
  return href === "/coach" ? pathname === "/coach" : pathname === href || pathname.startsWith(`${href}/`);
}

function NavList({ pathname, onNavigate }: { pathname: string; onNavigate?: () => void }) {
  return (
    <ul className="space-y-0.5">
      {COACH_NAV.map((item) => {
        const current = isCurrent(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              onClick={onNavigate}
              className={`flex min-h-10 items-center rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
                current ? "bg-brand-50 text-brand-800 ring-1 ring-inset ring-brand-100" : "text-ink/80 hover:bg-paper hover:text-ink"
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The sidebar on wide screens. */
export function CoachSidebarNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard">
      <NavList pathname={pathname} />
    </nav>
  );
}

/**
 * The phone header's menu. It remembers the page it was opened on, so it is
 * closed again as soon as the person lands somewhere else.
 */
export function CoachMobileMenu({ footer }: { footer: React.ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();
  const close = () => setOpenOn(null);

  return (
    <div
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          close();
          (event.currentTarget.querySelector("button[aria-controls]") as HTMLButtonElement | null)?.focus();
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="inline-flex min-h-10 items-center gap-2 rounded-lg border border-line bg-white px-3 text-sm font-medium text-ink hover:bg-brand-50"
      >
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" className="h-4 w-4" aria-hidden="true">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
        </svg>
        Menu
      </button>
      {open ? <div aria-hidden="true" onClick={close} className="fixed inset-0 top-0 -z-10 bg-ink/20" /> : null}
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-30 border-b border-line bg-white px-4 pb-5 pt-3 shadow-lg"
      >
        <nav aria-label="Dashboard">
          <NavList pathname={pathname} onNavigate={close} />
        </nav>
        <div className="mt-4 border-t border-line pt-4">{footer}</div>
      </div>
    </div>
  );
}
