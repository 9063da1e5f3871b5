import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { isDevMailboxEnabled } from "@/server/notifications/mailbox";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  // Whether the mailbox is open depends on the running server's settings, not the build's.
  await connection();
  const devMailbox = await isDevMailboxEnabled();
  return (
    <AuthCard title="Check your email" footer={<Link href="/signin" className="text-brand-700 underline">Use a different email</Link>}>
      <div role="status" className="space-y-3 text-sm text-muted">
        <p>We sent you a sign-in link. It works once and expires in 30 minutes.</p>
        <p>Nothing there? Look in your spam folder, or ask for a new link.</p>
        {devMailbox ? (
          <p className="rounded-lg bg-brand-50 p-3 text-brand-800">
            This server keeps its email in the{" "}
            <Link href="/dev/mailbox" className="font-medium underline">
              dev mailbox
            </Link>{" "}
            instead of sending it.
          </p>
        ) : null}
      </div>
    </AuthCard>
  );
}
