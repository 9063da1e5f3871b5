import { PublicNotFound } from "@/components/site/public-not-found";

export default function BookingNotFound() {
  return (
    <PublicNotFound label="Page not found" title="We couldn’t find that booking page">
      The link may have a typo, or the coach may have changed their web address or stopped offering this session. Please check the link
      you were given, or ask your coach for a new one.
    </PublicNotFound>
  );
}
