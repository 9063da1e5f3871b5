import { OfferingNotFound } from "@/components/booking/offering-not-found";

export default OfferingNotFound;
