import { NextResponse } from "next/server";
import { AppError } from "@/server/errors";
import { handleRoute } from "@/server/http";
import { authorizeCron } from "@/server/notifications/cron-auth";
import { readOutboxHealth } from "@/server/notifications/health";

// Always answered fresh: a cached "ok" would hide an outage.
export const dynamic = "force-dynamic";

/**
 * `{ status: "ok" }` for anyone (a load balancer's probe). With
 * `Authorization: Bearer $CRON_SECRET`, also how the outbox is doing: counts
 * by status, the oldest due message's age, the provider's last error. A
 * wrong or unusable secret is refused rather than quietly answered with less.
 */
export const GET = handleRoute(async (request: Request) => {
  const authorization = request.headers.get("authorization");
  if (authorization === null) return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  if (authorizeCron(authorization) !== "ok") {
    throw new AppError("unauthorized", "The outbox details need `Authorization: Bearer <CRON_SECRET>` with the server's CRON_SECRET.");
  }
  return NextResponse.json({ status: "ok", ...(await readOutboxHealth()) }, { headers: { "cache-control": "no-store" } });
});
