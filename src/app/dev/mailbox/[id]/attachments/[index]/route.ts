import { handleRoute } from "@/server/http";
import { getMailboxAttachment } from "@/server/notifications/mailbox";

/** Downloads one attachment of a stored message. */
export const GET = handleRoute(
  async (_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) => {
    const { id, index } = await params;
    const attachment = await getMailboxAttachment(id, /^\d+$/.test(index) ? Number(index) : -1);
    const filename = attachment.filename.replace(/[^\w.\- ]+/g, "_") || "attachment";
    return new Response(attachment.content, {
      headers: {
        "content-type": attachment.contentType,
        "content-disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
