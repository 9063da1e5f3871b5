import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Homework" };

export default function PortalHomeworkPage() {
  return (
    <ComingSoon
      title="Homework"
      summary="No homework yet. Practices your coach gives you between sessions will appear here."
      points={[
        "Clear instructions for each practice, and how often to do it.",
        "Mark it done and write a few words about how it went.",
        "Your coach sees your progress before your next session.",
      ]}
      back={{ href: "/portal", label: "Back to your sessions" }}
    />
  );
}
