import { NextResponse } from "next/server";
import { handleStripeWebhook } from "@/server/billing/webhook";
import { handleRoute } from "@/server/http";

/**
 * Stripe's events (platform and connected accounts). The body is read as raw
 * text: the signature covers the exact bytes. Bad or missing signature → 400.
 */
export const POST = handleRoute(async (request: Request) => {
  const outcome = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
  return NextResponse.json(outcome);
});
