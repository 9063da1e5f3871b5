import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireClient } from "@/server/auth/guards";
import { openBillingPortal } from "@/server/billing/plan-checkout";
import { AppError } from "@/server/errors";

export const metadata: Metadata = { title: "Manage plan" };

/**
 * The link in the "payment failed" email: a Billing Portal session is short-lived,
 * so the email links here and a fresh one is made for the signed-in client (only
 * for their own plan; anything else goes back to the payments page, which says so).
 */
export default async function ManagePlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { practiceId, clientId } = await requireClient();
  const { id } = await params;
  const url = await openBillingPortal(practiceId, clientId, id).catch((error: unknown) => {
    if (error instanceof AppError) return "/portal/payments?manage=unavailable";
    throw error;
  });
  redirect(url);
}
