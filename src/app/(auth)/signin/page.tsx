import type { Metadata } from "next";
import Link from "next/link";
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

/** A client's sign-in: the welcome email's link (?as=client), or any way into the portal (?next=/portal…). */
const isClientSignIn = (as: string | undefined, next: string) => as === "client" || /^\/portal(\/|\?|$)/.test(next);

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string; as?: string }> }) {
  const { next, error, as } = await searchParams;
  const user = await currentUser();
  if (user) redirect(safeNextPath(next) || (await homePathFor(user)));
  const message = error ? (errorMessages[error] ?? "Something went wrong while signing in. Please ask for a new link.") : null;
  const wanted = safeNextPath(next);
  const forClient = isClientSignIn(as, wanted);
  return (
    <AuthCard
      title={forClient ? "Sign in to your client portal" : "Sign in to Tend"}
      footer={
        forClient ? (
          <>
            Are you a coach?{" "}
            <Link href="/signin" className="font-medium text-brand-700 underline underline-offset-4">
              Coach sign-in
            </Link>
          </>
        ) : (
          <>
            New to Tend? Enter your email all the same: after the link, you&rsquo;ll set up your practice. Seeing a coach?{" "}
            <Link href="/signin?as=client" className="font-medium text-brand-700 underline underline-offset-4">
              Client sign-in
            </Link>
          </>
        )
      }
    >
      <p className="mb-5 text-sm text-muted">
        {forClient
          ? "Use the email address your coach has for you. We’ll email you a link that opens your portal: your sessions, intake and homework. No password to remember."
          : "We’ll email you a link that signs you in. No password to remember."}
      </p>
      {message ? (
        <p role="alert" className="mb-4 rounded-lg border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
          {message}
        </p>
      ) : null}
      {/* A client's link leads to the portal, never to setting up a practice. */}
      <SignInForm next={wanted || (forClient ? "/portal" : "")} requestLink={requestSignInLink} />
    </AuthCard>
  );
}
