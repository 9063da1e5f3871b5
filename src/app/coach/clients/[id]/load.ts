import "server-only";
import { clientCredits } from "@/server/billing/credits";
import { getClient, listClients } from "@/server/clients/clients";
import { describeDeletionOf } from "@/server/clients/deletion";
import { timelineOf } from "@/server/clients/timeline";
import { listLibrary } from "@/server/homework/library";
import { getClientAdherence } from "@/server/homework/queries";
import { suggestPractices } from "@/server/homework/suggestions";
import { listCheckInSchedules } from "@/server/intake/checkins";
import { getPillarHistory, listClientIntakesForCoach } from "@/server/intake/coach-view";
import { listQuestionnaires } from "@/server/intake/questionnaires";

/**
 * Everything the coach's client page reads, in one place so `npm run bench`
 * (bench/client-page.ts) times exactly what the page does. "Not found" for
 * another practice's client. The client row is read once, here, and handed to
 * the timeline and the deletion preview rather than each reading it again.
 */
export async function loadClientPage(practiceId: string, clientId: string, options: { before?: string } = {}) {
  const client = await getClient(practiceId, clientId);
  // Anyone active can be chosen as a partner, plus whoever is linked now (even if archived).
  const [everyone, timeline, deletion, homework, library, intakes, questionnaires, suggested, pillarHistory, schedules, credits] = await Promise.all([
    listClients(practiceId, { includeArchived: true }),
    // The record's timeline, from the "Show older" cursor when one is given.
    timelineOf(practiceId, client, { before: options.before }),
    describeDeletionOf(practiceId, client),
    getClientAdherence(practiceId, client.id),
    listLibrary(practiceId),
    listClientIntakesForCoach(practiceId, client.id),
    listQuestionnaires(practiceId),
    client.status === "active" ? suggestPractices(practiceId, client.id) : [],
    getPillarHistory(practiceId, client.id),
    listCheckInSchedules(practiceId, client.id, client.partnerId),
    clientCredits(practiceId, client.id),
  ]);
  const partner = client.partnerId ? everyone.find((c) => c.id === client.partnerId) : undefined;
  return { client, partner, everyone, timeline, deletion, homework, library, intakes, questionnaires, suggested, pillarHistory, schedules, credits };
}
