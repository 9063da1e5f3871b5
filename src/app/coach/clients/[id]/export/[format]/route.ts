import { requireCoach } from "@/server/auth/guards";
import { clientRecordDownload } from "@/server/clients/record-download";

/** GDPR export of one client's whole record, for the coach: /coach/clients/<id>/export/json or /html. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  // Outside the download's error handling, so a signed-out visitor is redirected to sign in.
  const { practiceId } = await requireCoach();
  const { id, format } = await params;
  return clientRecordDownload({ practiceId, clientId: id }, "coach", format);
}
