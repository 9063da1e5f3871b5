import Link from "next/link";
import { PublicPage } from "@/components/site/public-page";
import { buttonClass } from "@/components/ui/button-class";

/** A public "not found" page: what is missing, in plain words, and a calm way on. */
export function PublicNotFound({ label, title, children }: { label: string; title: string; children: React.ReactNode }) {
  return (
    <PublicPage>
      <div className="mx-auto max-w-lg py-8 text-center">
        <p className="text-sm font-medium text-brand-700">{label}</p>
        <h1 className="mt-2 font-serif text-3xl font-semibold text-ink">{title}</h1>
        <p className="mt-4 text-muted">{children}</p>
        <div className="mt-8">
          <Link href="/" className={buttonClass("secondary")}>
            Go to the home page
          </Link>
        </div>
      </div>
    </PublicPage>
  );
}
