import { NextResponse } from "next/server";
import { handleRoute } from "@/server/http";
import { getPracticeBySlug } from "@/server/practices/queries";
import { listOpenSlots } from "@/server/scheduling/public-slots";

export const GET = handleRoute(async (request: Request, { params }: { params: Promise<{ practice: string; offering: string }> }) => {
  const startedAt = performance.now();
  const { practice: practiceSlug, offering } = await params;
  const practice = await getPracticeBySlug(practiceSlug);
  const search = new URL(request.url).searchParams;
  const result = await listOpenSlots(practice.id, offering, {
    start: search.get("start") ?? undefined,
    end: search.get("end") ?? undefined,
    timeZone: search.get("timeZone") ?? undefined,
  });
  return NextResponse.json(
    {
      timeZone: result.timeZone,
      slots: result.slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
    },
    // The time spent in the handler, for `npm run bench` and browser dev tools.
    { headers: { "server-timing": `app;dur=${(performance.now() - startedAt).toFixed(2)}` } },
  );
});
