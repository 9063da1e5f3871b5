import { BookingPracticeProvider } from "@/components/booking/offering-not-found";
import { practiceBySlug } from "./data";

/** Every page under a practice's booking address knows the practice, so its not-found page can link back to it. */
export default async function PracticeBookingLayout({ children, params }: { children: React.ReactNode; params: Promise<{ practice: string }> }) {
  const practice = await practiceBySlug((await params).practice);
  return <BookingPracticeProvider practice={practice ? { name: practice.name, slug: practice.slug } : null}>{children}</BookingPracticeProvider>;
}
