import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Sessions" };

export default async function PortalSessionsPage() {
  const { client, practice } = await requireClient();
  const firstName = client.name.trim().split(/\s+/)[0];
  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description={`This is your private space with ${practice.name}.`} />
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
          Your sessions
        </h2>
        <EmptyState
          title="No sessions booked yet"
          action={
            <Link href={`/book/${practice.slug}`} className={buttonClass("secondary")}>
              See the sessions on offer
            </Link>
          }
        >
          When you have a session booked, its date, time and how to join will appear here, in your own time zone.
        </EmptyState>
      </section>
    </>
  );
}
