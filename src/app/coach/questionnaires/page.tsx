import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Questionnaires" };

export default function QuestionnairesPage() {
  return (
    <ComingSoon
      title="Questionnaires"
      summary="Intake questionnaires aren’t ready yet. Soon each new client will answer a short intake before their first session."
      points={[
        "Questions built on the root-cause method: unresolved history, communication, and unmet emotional needs.",
        "A profile for each client showing where to start, and any roadblocks such as a busy life or old resentments.",
        "For couples, both partners’ answers side by side, so you can see where they differ.",
      ]}
      back={{ href: "/coach", label: "Back to Today" }}
    />
  );
}
