import { NextResponse } from "next/server";
import { AppError } from "@/server/errors";
import { handleRoute } from "@/server/http";
import { authorizeCron } from "@/server/notifications/cron-auth";
import { drainDueEmails } from "@/server/notifications/dispatcher";
import { runPeriodicWork } from "@/server/periodic-work";

const CRON_BUDGET_MS = 45_000;

/**
 * Runs the periodic jobs (src/server/periodic-work.ts: payment holds past
 * their time, homework emails, calendar feeds; each idempotent), then sends
 * due emails, for hosts where no server process stays up to run the
 * in-process loop (serverless). Call with `Authorization: Bearer $CRON_SECRET`.
 */
export const POST = handleRoute(async (request: Request) => {
  const access = authorizeCron(request.headers.get("authorization"));
  if (access === "not_configured") {
    return NextResponse.json(
      {
        error: {
          code: "not_configured",
          message: "The cron endpoint is off: set CRON_SECRET on the server and send it as `Authorization: Bearer <CRON_SECRET>`.",
        },
      },
      { status: 503 },
    );
  }
  if (access === "unauthorized") throw new AppError("unauthorized", "A valid `Authorization: Bearer <CRON_SECRET>` header is required.");
  // At the provider's pace a backlog can take longer than a serverless
  // function may run: start no new request after CRON_BUDGET_MS; the next call carries on.
  const until = Date.now() + CRON_BUDGET_MS;
  // A failing job is logged and must not hold up mail; the next call tries it again.
  // The answer stays the dispatcher's counts; what the jobs wrote is in the outbox.
  await runPeriodicWork();
  return NextResponse.json(await drainDueEmails({ until }));
});

// Vercel Cron calls its paths with GET (and the same Bearer header).
export const GET = POST;
