import { PublicNotFound } from "@/components/site/public-not-found";

/** What a broken or mistyped booking link shows: no detail about why, and a calm way on. */
export function BookingLinkNotFound() {
  return (
    <PublicNotFound label="Link not found" title="We couldn’t find that booking">
      The link may be incomplete: email apps sometimes cut long links in two. Please open it again from your confirmation email, or copy
      the whole link into your browser. If it still doesn’t work, write to your coach and they’ll sort it out.
    </PublicNotFound>
  );
}
