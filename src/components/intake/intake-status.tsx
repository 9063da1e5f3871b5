import { Badge } from "@/components/ui/badge";
import { intakeStatusLabels, type IntakeStatus } from "@/lib/intake/status";

/**
 * "Intake: Sam submitted, Alex not started" for the coach's lists; nothing
 * when no intake was asked. When the offering wants the intake before the
 * session (`required`) and someone hasn't submitted, the line says so in
 * words: a warning only, the booking stands.
 */
export function IntakeStatusLine({ people, required = false }: { people: { name: string; status: IntakeStatus | undefined }[]; required?: boolean }) {
  const asked = people.filter((p): p is { name: string; status: IntakeStatus } => p.status !== undefined);
  if (!asked.length) return null;
  const open = asked.some((p) => p.status !== "submitted");
  return (
    <span className={`block text-sm ${open ? "text-clay-600" : "text-muted"}`}>
      {open && required ? <strong className="font-semibold">Required intake not submitted. </strong> : null}
      Intake:{" "}
      {asked.map((p) => (people.length > 1 ? `${p.name} ${intakeStatusLabels[p.status].toLowerCase()}` : intakeStatusLabels[p.status].toLowerCase())).join(", ")}
    </span>
  );
}

/** The status as a badge: submitted in the brand colour, in progress warm, not started quiet. */
export function IntakeStatusBadge({ status }: { status: IntakeStatus }) {
  return <Badge tone={status === "submitted" ? "brand" : status === "in_progress" ? "clay" : "neutral"}>{intakeStatusLabels[status]}</Badge>;
}
