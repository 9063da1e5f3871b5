import Link from "next/link";
import { PublicPage } from "@/components/site/public-page";
import { buttonClass } from "@/components/ui/button-class";

/** A public "not found" page: what is missing, in plain words, and a calm way on. */
export function PublicNotFound({
  label,
  title,
  action = { href: "/", label: "Go to the home page" },
  children,
}: {
  label: string;
  title: string;
  /** The way on: the home page, unless there is a better place (the practice's own page). */
  action?: { href: string; label: string };
  children: React.ReactNode;
}) {
  return (
    <PublicPage>
      <div className="mx-auto max-w-lg py-8 text-center">
        <p className="text-sm font-medium text-brand-700">{label}</p>
        <h1 className="mt-2 font-serif text-3xl font-semibold text-ink">{title}</h1>
        <p className="mt-4 text-muted">{children}</p>
        <div className="mt-8">
          <Link href={action.href} className={buttonClass(action.href === "/" ? "secondary" : "primary")}>
            {action.label}
          </Link>
        </div>
      </div>
    </PublicPage>
  );
}
