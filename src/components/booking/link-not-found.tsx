import Link from "next/link";
import { PublicPage } from "@/components/site/public-page";
import { buttonClass } from "@/components/ui/button-class";

/** What a broken or mistyped booking link shows: no detail about why, and a calm way on. */
export function BookingLinkNotFound() {
  return (
    <PublicPage>
      <div className="mx-auto max-w-lg py-8 text-center">
        <p className="text-sm font-medium text-brand-700">Link not found</p>
        <h1 className="mt-2 font-serif text-3xl font-semibold text-ink">We couldn’t find that booking</h1>
        <p className="mt-4 text-muted">
          The link may be incomplete: email apps sometimes cut long links in two. Please open it again from your confirmation email, or
          copy the whole link into your browser. If it still doesn’t work, write to your coach and they’ll sort it out.
        </p>
        <div className="mt-8">
          <Link href="/" className={buttonClass("secondary")}>
            Go to the home page
          </Link>
        </div>
      </div>
    </PublicPage>
  );
}
