import { requireClient } from "@/server/auth/guards";
import { clientRecordDownload } from "@/server/clients/record-download";

/** "Download my data": the signed-in client's own record (never a partner's private data). */
export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }) {
  const { practiceId, clientId } = await requireClient();
  const { format } = await params;
  return clientRecordDownload({ practiceId, clientId }, "client", format);
}
