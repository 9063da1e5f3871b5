import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Payments" };

export default function PaymentsPage() {
  return (
    <ComingSoon
      title="Payments"
      summary="Clients can already pay when they book (set it up in Settings → Payments), and each session’s page shows its payment, with refunds. The list of every payment, and revenue at a glance, come next."
      points={[
        "Clients pay securely through Stripe Checkout when they book a paid session.",
        "Refund a session in full or in part from its page; cancellations refund by your policy.",
        "Free sessions, like a first consultation, need no payment at all.",
      ]}
      back={{ href: "/coach", label: "Back to Today" }}
    />
  );
}
