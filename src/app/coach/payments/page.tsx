import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Payments" };

export default function PaymentsPage() {
  return (
    <ComingSoon
      title="Payments"
      summary="Payments aren’t ready yet. Soon clients will pay when they book, and you’ll see every payment here."
      points={[
        "Clients pay securely by card when they book a paid session.",
        "See what has been paid, and refund a session when you need to.",
        "Free sessions, like a first consultation, need no payment at all.",
      ]}
      back={{ href: "/coach", label: "Back to Today" }}
    />
  );
}
