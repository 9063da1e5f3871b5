import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";

/** Shown inside the dashboard (menu still there) for an unknown or someone else's record. */
export default function CoachNotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-medium text-brand-700">Not found</p>
      <h1 className="mt-2 font-serif text-2xl font-semibold text-ink sm:text-3xl">We couldn’t find that in your practice</h1>
      <p className="mt-3 text-muted">It may have been deleted, or the link may be mistyped.</p>
      <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
        <Link href="/coach/clients" className={buttonClass("secondary")}>
          Your clients
        </Link>
        <Link href="/coach/offerings" className={buttonClass("secondary")}>
          Your offerings
        </Link>
        <Link href="/coach" className={buttonClass("primary")}>
          Back to Today
        </Link>
      </div>
    </div>
  );
}
