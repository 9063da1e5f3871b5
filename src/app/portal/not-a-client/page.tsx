import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/(auth)/actions";
import { SubmitButton } from "@/components/ui/button";
import { Wordmark } from "@/components/site/wordmark";
import { currentUser, homePathFor } from "@/server/auth/guards";
import { findClosedPortalForUser } from "@/server/clients/clients";

export const metadata: Metadata = { title: "No practice found" };

export default async function NotAClientPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?next=/portal");
  // A coach may have added them since; then there is nothing to explain.
  const home = await homePathFor(user);
  if (home === "/portal" || home === "/coach") redirect(home);
  const closed = await findClosedPortalForUser(user.id);
  if (closed) return <ClosedPortal email={user.email} practiceName={closed.practiceName} contactEmail={closed.contactEmail} />;

  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Wordmark className="mb-8 text-2xl" />
      <div className="w-full max-w-lg rounded-2xl border border-line bg-white p-6 shadow-sm sm:p-8">
        <h1 className="font-serif text-2xl font-semibold text-ink">We couldn’t find your coach</h1>
        <p className="mt-3 text-ink">
          You’re signed in as <strong className="break-words font-semibold">{user.email}</strong>, but no practice on Tend has added this
          email address as a client yet.
        </p>
        <ul className="mt-4 list-disc space-y-2 pl-5 text-sm text-muted">
          <li>If your coach knows you by another email address, sign out and sign in with that one.</li>
          <li>Or ask your coach to add this address; then sign in again and your portal will be here.</li>
        </ul>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <form action={signOutAction}>
            <SubmitButton pendingLabel="Signing out…" className="w-full sm:w-auto">
              Sign out
            </SubmitButton>
          </form>
        </div>
        <div className="mt-8 border-t border-line pt-5">
          <p className="text-sm text-muted">
            Are you a coach?{" "}
            <Link href="/onboarding?as=coach" className="font-medium text-brand-700 underline underline-offset-4">
              Set up your practice
            </Link>
          </p>
        </div>
      </div>
    </main>
  );
}

/** The coach archived this client: the portal is closed, and the coach is who to ask. */
function ClosedPortal({ email, practiceName, contactEmail }: { email: string; practiceName: string; contactEmail: string }) {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Wordmark className="mb-8 text-2xl" />
      <div className="w-full max-w-lg rounded-2xl border border-line bg-white p-6 shadow-sm sm:p-8">
        <h1 className="font-serif text-2xl font-semibold text-ink">Your portal is closed</h1>
        <p className="mt-3 text-ink">
          You’re signed in as <strong className="break-words font-semibold">{email}</strong>. {practiceName} has closed your client portal, usually
          because your sessions together have ended.
        </p>
        <p className="mt-3 text-sm text-muted">
          To work together again, write to{" "}
          <a href={`mailto:${contactEmail}`} className="font-medium text-brand-700 underline underline-offset-4">
            {contactEmail}
          </a>
          .
        </p>
        <form action={signOutAction} className="mt-6">
          <SubmitButton pendingLabel="Signing out…" className="w-full sm:w-auto">
            Sign out
          </SubmitButton>
        </form>
      </div>
    </main>
  );
}
