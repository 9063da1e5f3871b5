import { Badge } from "@/components/ui/badge";
import { intakeStatusLabels, type IntakeStatus } from "@/lib/intake/status";

/** "Intake: Sam submitted, Alex not started" for the coach's lists; nothing when no intake was asked. */
export function IntakeStatusLine({ people }: { people: { name: string; status: IntakeStatus | undefined }[] }) {
  const asked = people.filter((p): p is { name: string; status: IntakeStatus } => p.status !== undefined);
  if (!asked.length) return null;
  const open = asked.some((p) => p.status !== "submitted");
  return (
    <span className={`block text-sm ${open ? "text-clay-600" : "text-muted"}`}>
      Intake:{" "}
      {asked.map((p) => (people.length > 1 ? `${p.name} ${intakeStatusLabels[p.status].toLowerCase()}` : intakeStatusLabels[p.status].toLowerCase())).join(", ")}
    </span>
  );
}

/** The status as a badge: submitted in the brand colour, in progress warm, not started quiet. */
export function IntakeStatusBadge({ status }: { status: IntakeStatus }) {
  return <Badge tone={status === "submitted" ? "brand" : status === "in_progress" ? "clay" : "neutral"}>{intakeStatusLabels[status]}</Badge>;
}
