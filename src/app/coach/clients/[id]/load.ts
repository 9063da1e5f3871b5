import "server-only";
import { getClient, listClients } from "@/server/clients/clients";
import { listLibrary } from "@/server/homework/library";
import { getClientAdherence } from "@/server/homework/queries";
import { suggestPractices } from "@/server/homework/suggestions";
import { listCheckInSchedules } from "@/server/intake/checkins";
import { getPillarHistory, listClientIntakesForCoach } from "@/server/intake/coach-view";
import { listQuestionnaires } from "@/server/intake/questionnaires";
import { listClientBookings } from "@/server/scheduling/booking-queries";

/**
 * Everything the coach's client page reads, in one place so `npm run bench`
 * (bench/client-page.ts) times exactly what the page does. "Not found" for
 * another practice's client.
 */
export async function loadClientPage(practiceId: string, clientId: string) {
  const client = await getClient(practiceId, clientId);
  // Anyone active can be chosen as a partner, plus whoever is linked now (even if archived).
  const [everyone, sessions, homework, library, intakes, questionnaires, suggested, pillarHistory, schedules] = await Promise.all([
    listClients(practiceId, { includeArchived: true }),
    listClientBookings(practiceId, client.id),
    getClientAdherence(practiceId, client.id),
    listLibrary(practiceId),
    listClientIntakesForCoach(practiceId, client.id),
    listQuestionnaires(practiceId),
    client.status === "active" ? suggestPractices(practiceId, client.id) : [],
    getPillarHistory(practiceId, client.id),
    listCheckInSchedules(practiceId, client.id, client.partnerId),
  ]);
  const partner = client.partnerId ? everyone.find((c) => c.id === client.partnerId) : undefined;
  return { client, partner, everyone, sessions, homework, library, intakes, questionnaires, suggested, pillarHistory, schedules };
}
