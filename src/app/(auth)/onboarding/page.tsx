import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { OnboardingForm } from "@/components/auth/onboarding-form";
import { env } from "@/lib/env";
import { homePathFor, requireUser } from "@/server/auth/guards";
import { findCoachPractice } from "@/server/practices/queries";
import { createPracticeAction } from "../actions";

export const metadata: Metadata = { title: "Set up your practice" };

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<{ as?: string }> }) {
  const user = await requireUser("/onboarding");
  if (await findCoachPractice(user.id)) redirect("/coach");
  // A client is sent to their portal; one who really means to start a practice comes with ?as=coach.
  const home = await homePathFor(user);
  if (home !== "/onboarding" && (await searchParams).as !== "coach") redirect(home);
  return (
    <AuthCard title="Set up your practice">
      <p className="mb-6 text-sm text-muted">
        A few details and your booking page is ready. You can change all of this later in Settings.
      </p>
      <OnboardingForm email={user.email} origin={env().APP_URL.replace(/\/$/, "")} createPractice={createPracticeAction} />
    </AuthCard>
  );
}
