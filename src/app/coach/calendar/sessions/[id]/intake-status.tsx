import { IntakeStatusLine } from "@/components/intake/intake-status";
import { intakeStatusFor } from "@/server/intake/coach-view";

/** Whether the session's client (and partner) have answered their intake: it informs, never cancels. */
export async function SessionIntakeStatus({ practiceId, people, required }: { practiceId: string; people: { id: string; name: string }[]; required: boolean }) {
  const status = await intakeStatusFor(practiceId, people.map((p) => p.id));
  return <IntakeStatusLine people={people.map((p) => ({ name: p.name, status: status.get(p.id) }))} required={required} />;
}
