import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/safe-next";
import { currentUser, homePathFor } from "@/server/auth/guards";
import { requestSignInLink } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends people back here with ?error=… when a link can't be used.
const errorMessages: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Enter your email for a fresh one.",
  AccessDenied: "That account can't sign in. Contact your coach or support.",
  Configuration: "Sign-in is not available right now. Please try again shortly.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const { next, error } = await searchParams;
  const user = await currentUser();
  if (user) redirect(safeNextPath(next) || (await homePathFor(user)));
  const message = error ? (errorMessages[error] ?? "Something went wrong while signing in. Please ask for a new link.") : null;
  return (
    <AuthCard
      title="Sign in to Tend"
      footer={<>New to Tend? Enter your email all the same: after the link, you&rsquo;ll set up your practice.</>}
    >
      <p className="mb-5 text-sm text-muted">We&rsquo;ll email you a link that signs you in. No password to remember.</p>
      {message ? (
        <p role="alert" className="mb-4 rounded-lg border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
          {message}
        </p>
      ) : null}
      <SignInForm next={safeNextPath(next)} requestLink={requestSignInLink} />
    </AuthCard>
  );
}
