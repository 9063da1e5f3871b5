"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const PORTAL_NAV = [
  { href: "/portal", label: "Sessions" },
  { href: "/portal/intake", label: "Intake" },
  { href: "/portal/homework", label: "Homework" },
  { href: "/portal/payments", label: "Payments" },
  { href: "/portal/settings", label: "Emails" },
] as const;

/** Five tabs: few enough to stay visible on a phone, scrolling sideways if they must. */
export function PortalNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Portal" className="-mb-px overflow-x-auto">
      <ul className="flex min-w-max gap-1">
        {PORTAL_NAV.map((item) => {
          const current =
            item.href === "/portal" ? pathname === "/portal" || pathname.startsWith("/portal/sessions") : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium transition-colors ${
                  current ? "border-brand-600 text-brand-800" : "border-transparent text-muted hover:border-line hover:text-ink"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
