import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Payments" };

export default function PortalPaymentsPage() {
  return (
    <ComingSoon
      title="Payments"
      summary="Nothing to pay here yet. Your receipts and any payment due for a session will appear here."
      points={["Pay securely by card when you book.", "Find a receipt for every session you have paid for."]}
      back={{ href: "/portal", label: "Back to your sessions" }}
    />
  );
}
