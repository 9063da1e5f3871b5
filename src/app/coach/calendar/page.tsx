import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Calendar" };

export default function CalendarPage() {
  return (
    <ComingSoon
      title="Calendar"
      summary="Your calendar isn’t ready yet. Soon you’ll set the hours you coach and see every session in one place."
      points={[
        "Set your weekly working hours and block out days off.",
        "Clients book only into times you have open, shown in their own time zone.",
        "See each day’s sessions at a glance, with reminders sent for you.",
      ]}
      back={{ href: "/coach", label: "Back to Today" }}
    />
  );
}
