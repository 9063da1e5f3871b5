import { handleRoute } from "@/server/http";
import { buildCalendarFeedForToken } from "@/server/scheduling/calendar-feed";

// Served as /api/calendar/<token>.ics: calendar apps like the extension.
export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const token = (await params).token.replace(/\.ics$/, "");
  const body = await buildCalendarFeedForToken(token);
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="tend.ics"',
      "cache-control": "private, max-age=300",
    },
  });
});
