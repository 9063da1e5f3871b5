import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Homework" };

export default function HomeworkPage() {
  return (
    <ComingSoon
      title="Homework"
      summary="Homework isn’t ready yet. Soon you’ll give clients practices to do between sessions and see how they’re going."
      points={[
        "A library of practices, such as the daily check-in, date night and a no-phones hour, that you can adapt.",
        "Assign a practice to a client or a couple, daily, weekly or just once.",
        "Clients mark it done and add a short reflection; you see their progress before the next session.",
      ]}
      back={{ href: "/coach", label: "Back to Today" }}
    />
  );
}
