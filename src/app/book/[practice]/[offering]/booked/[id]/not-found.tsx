import { BookingLinkNotFound } from "@/components/booking/link-not-found";

export default BookingLinkNotFound;
