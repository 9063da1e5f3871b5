import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Intake" };

export default function PortalIntakePage() {
  return (
    <ComingSoon
      title="Intake"
      summary="Nothing to fill in yet. Before your first session, your coach will ask you to answer a short questionnaire here."
      points={[
        "Questions about your relationship and what brings you to coaching.",
        "Answer at your own pace; your answers are saved as you go.",
        "Only you and your coach see them.",
      ]}
      back={{ href: "/portal", label: "Back to your sessions" }}
    />
  );
}
