import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { PublicPage } from "@/components/site/public-page";

export default function BookingNotFound() {
  return (
    <PublicPage>
      <div className="mx-auto max-w-lg py-8 text-center">
        <p className="text-sm font-medium text-brand-700">Page not found</p>
        <h1 className="mt-2 font-serif text-3xl font-semibold text-ink">We couldn’t find that booking page</h1>
        <p className="mt-4 text-muted">
          The link may have a typo, or the coach may have changed their web address or stopped offering this session. Please check the
          link you were given, or ask your coach for a new one.
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
