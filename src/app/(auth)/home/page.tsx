import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/safe-next";
import { homePathFor, requireUser } from "@/server/auth/guards";

/** Where a magic link lands: on to `next`, or to the dashboard, portal or onboarding. */
export default async function AfterSignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const user = await requireUser();
  const home = await homePathFor(user);
  const wanted = safeNextPath(next);
  // Onboarding comes before anything else a practice-less user asked for, except the portal:
  // someone who signed in as a client is told there whether a coach knows them (/portal/not-a-client).
  const forPortal = /^\/portal(\/|\?|$)/.test(wanted);
  redirect((home === "/onboarding" && !forPortal) || !wanted ? home : wanted);
}
