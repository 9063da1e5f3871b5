import { handleRoute } from "@/server/http";
import { getMailboxHtmlForFrame } from "@/server/notifications/mailbox";

/** A stored message's HTML, for the iframe on its mailbox page. */
export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const html = await getMailboxHtmlForFrame(id);
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // Email HTML never needs scripts, and only our own page may frame it.
      "content-security-policy": "script-src 'none'; object-src 'none'; frame-ancestors 'self'",
      "x-content-type-options": "nosniff",
    },
  });
});
