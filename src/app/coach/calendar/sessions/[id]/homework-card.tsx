import Link from "next/link";
import { Reflections } from "@/components/homework/client-homework";
import { Card } from "@/components/ui/card";
import { getClientAdherence } from "@/server/homework/queries";

/** Before a session: the homework reflections the client (and partner) wrote since the last one. */
export async function SessionHomeworkCard({ practiceId, clientId }: { practiceId: string; clientId: string }) {
  const { reflections, assignments } = await getClientAdherence(practiceId, clientId);
  if (!assignments.length) return null;
  return (
    <Card>
      <Reflections heading="Homework since the last session" empty="Nothing marked done since the last session." reflections={reflections} />
      <p className="mt-3 text-sm">
        <Link href={`/coach/clients/${clientId}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
          See adherence on the client’s page
        </Link>
      </p>
    </Card>
  );
}
