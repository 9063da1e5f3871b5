import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { listClients } from "@/server/clients/clients";
import { clientSearch } from "@/server/clients/schemas";

export const metadata: Metadata = { title: "Clients" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ClientsPage({ searchParams }: { searchParams: SearchParams }) {
  const { practiceId } = await requireCoach();
  const params = await searchParams;
  // An over-long or odd search is simply ignored rather than shown as an error.
  const parsed = clientSearch.safeParse(typeof params.q === "string" ? params.q : undefined);
  const search = parsed.success ? parsed.data : undefined;
  const includeArchived = params.archived === "1";

  const [clients, everyone] = await Promise.all([
    listClients(practiceId, { search, includeArchived }),
    listClients(practiceId, { includeArchived: true }),
  ]);
  // Partners are named even when the list is filtered or the partner is archived.
  const names = new Map(everyone.map((c) => [c.id, c.name]));
  const filtering = !!search;

  return (
    <>
      <PageHeader
        title="Clients"
        description="The people and couples you work with."
        actions={
          <Link href="/coach/clients/new" className={buttonClass("primary")}>
            Add client
          </Link>
        }
      />

      {params.deleted === "1" ? <Notice>Client deleted. Their payments stay in your accounts under “Deleted client”.</Notice> : null}

      <form method="get" role="search" aria-label="Clients" className="mb-6 flex flex-col gap-3 rounded-2xl border border-line bg-white p-4 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <label htmlFor="client-search" className="block text-sm font-medium text-ink">
            Search by name or email
          </label>
          <input id="client-search" type="search" name="q" defaultValue={search ?? ""} maxLength={120} className={inputClass} />
        </div>
        <label className="flex min-h-10 items-center gap-2 text-sm text-ink">
          <input type="checkbox" name="archived" value="1" defaultChecked={includeArchived} className="h-5 w-5 rounded border-line accent-brand-600" />
          Show archived
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>

      {clients.length === 0 ? (
        filtering ? (
          <EmptyState
            title="No clients match your search"
            action={
              <Link href="/coach/clients" className={buttonClass("secondary")}>
                Clear search
              </Link>
            }
          >
            Nobody{includeArchived ? "" : " active"} has a name or email containing “{search}”.
            {includeArchived ? null : " Archived clients are hidden unless you tick “Show archived”."}
          </EmptyState>
        ) : (
          <EmptyState
            title={everyone.length ? "No active clients" : "No clients yet"}
            action={
              <Link href="/coach/clients/new" className={buttonClass("primary")}>
                Add your first client
              </Link>
            }
          >
            {everyone.length
              ? "Everyone you have worked with is archived. Tick “Show archived” to see them."
              : "Add the people you coach so you can send them questionnaires, homework and reminders. For a couple, add each partner and link them."}
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-3 text-sm text-muted" aria-live="polite">
            {clients.length === 1 ? "1 client" : `${clients.length} clients`}
            {filtering ? ` matching “${search}”` : ""}
            {includeArchived ? ", including archived" : ""}
          </p>
          <ul className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white shadow-sm">
            {clients.map((client) => (
              <li key={client.id}>
                <Link
                  href={`/coach/clients/${client.id}`}
                  className="flex flex-col gap-1 px-5 py-4 transition-colors hover:bg-paper focus-visible:bg-paper sm:flex-row sm:items-center sm:justify-between sm:gap-4"
                >
                  <span className="min-w-0">
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-ink">{client.name}</span>
                      {client.status === "archived" ? <Badge>Archived</Badge> : null}
                    </span>
                    <span className="block truncate text-sm text-muted">
                      {client.email}
                      {client.phone ? ` · ${client.phone}` : ""}
                    </span>
                  </span>
                  {client.partnerId ? (
                    <span className="shrink-0 text-sm text-muted">
                      Partner: <span className="text-ink">{names.get(client.partnerId) ?? "linked"}</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
