import type { Metadata } from "next";
import { IntakeStatusBadge } from "@/components/intake/intake-status";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { formatLongDate } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getClient, partnerCandidates } from "@/server/clients/clients";
import { loadClientPage } from "./load";
import { ClientTimeline } from "@/components/clients/client-timeline";
import { DeleteClient } from "../delete-client";
import { updateClientAction } from "../actions";
import { ClientForm } from "../client-form";
import { PartnerForm, StatusForm } from "../client-panels";
import { AssignForm } from "@/components/homework/assign-form";
import { ClientHomework } from "@/components/homework/client-homework";
import { now } from "@/server/clock";
import { IntakeSuggestions } from "@/components/homework/intake-suggestions";
import { libraryViewOf } from "../../homework/library-view";
import { assignPracticeAction, changeAssignmentAction } from "../../homework/actions";
import { AssignQuestionnaireForm, CheckInForm, CheckInScheduleRow } from "../intake-panels";
import { PillarHistory } from "@/components/intake/pillar-history";
import { formatWhen } from "@/lib/time/format";
import { ClientPackagesCard } from "./package-card";
import { ClientPlanCard } from "./plan-card";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { practiceId } = await requireCoach();
  const { id } = await params;
  const client = await getClient(practiceId, id).catch(() => null);
  return { title: client?.name ?? "Client not found" };
}

export default async function ClientPage({ params, searchParams }: Props) {
  const { practiceId, practice } = await requireCoach();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  // The timeline's "Show older" cursor (a garbled one reads as the newest page).
  const before = typeof query.before === "string" ? query.before : undefined;
  const { client, partner, timeline, deletion, homework, library, intakes, questionnaires, suggested, pillarHistory, schedules, everyone, credits } = await orNotFound(
    loadClientPage(practiceId, id, { before }),
  );
  const checkIn = questionnaires.find((q) => q.kind === "checkin") ?? questionnaires[0];
  const candidates = partnerCandidates(client, everyone);

  return (
    <>
      <PageHeader
        title={client.name}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm [&>span+span]:before:mr-2 [&>span+span]:before:text-muted/60 [&>span+span]:before:content-['·'_/_'']">
            {client.status === "archived" ? <Badge>Archived</Badge> : <Badge tone="brand">Active</Badge>}
            {partner ? (
              <span>
                Partner:{" "}
                <Link href={`/coach/clients/${partner.id}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
                  {partner.name}
                </Link>
              </span>
            ) : null}
            <span>{client.userId ? "Has signed in to the portal" : "Hasn’t signed in to the portal yet"}</span>
          </span>
        }
        back={<BackLink href="/coach/clients">All clients</BackLink>}
        actions={
          client.status === "active" ? (
            <Link href={`/coach/calendar/new?client=${client.id}`} className={buttonClass("primary")}>
              Book a session
            </Link>
          ) : null
        }
      />

      {query.added ? (
        <Notice>
          Client added.{query.welcomed ? " A welcome email with a portal link is on its way." : ""} For a couple, link the partner below.
        </Notice>
      ) : null}
      {query.saved ? <Notice>Changes saved.</Notice> : null}
      {client.deletionRequestedAt ? (
        <Notice tone="info">
          {client.name} asked on {formatLongDate(localDateOf(client.deletionRequestedAt, practice.timeZone))} for their account to be deleted.{" "}
          <a href="#delete-heading" className="font-medium text-brand-700 underline underline-offset-2">
            Delete their record
          </a>{" "}
          (download it first if you need a copy).
        </Notice>
      ) : null}

      <div className="max-w-3xl space-y-6">
        <Card aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-5 font-serif text-lg font-semibold text-ink">
            Details
          </h2>
          <ClientForm
            action={updateClientAction}
            initial={{ id: client.id, name: client.name, email: client.email, phone: client.phone ?? "", timeZone: client.timeZone }}
            isNew={false}
            cancelHref="/coach/clients"
            hasPortalAccount={!!client.userId}
          />
        </Card>
        <Card aria-labelledby="record-heading">
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="record-heading" className="font-serif text-lg font-semibold text-ink">
              Record
            </h2>
            <p className="flex flex-wrap gap-3 text-sm">
              <span className="text-muted">Download:</span>
              <a href={`/coach/clients/${client.id}/export/html`} className="font-medium text-brand-700 underline underline-offset-2" download>
                Readable page (HTML)
              </a>
              <a href={`/coach/clients/${client.id}/export/json`} className="font-medium text-brand-700 underline underline-offset-2" download>
                Data (JSON)
              </a>
            </p>
          </div>
          <ClientTimeline
            page={timeline}
            clientId={client.id}
            timeZone={practice.timeZone}
            olderHref={timeline.older ? `/coach/clients/${client.id}?before=${encodeURIComponent(timeline.older)}#record-heading` : null}
            newestHref={before ? `/coach/clients/${client.id}#record-heading` : null}
          />
        </Card>
        <ClientPackagesCard practiceId={practiceId} clientId={client.id} timeZone={practice.timeZone} credits={credits} />
        <ClientPlanCard practiceId={practiceId} clientId={client.id} timeZone={practice.timeZone} />
        <Card aria-labelledby="homework-heading">
          <h2 id="homework-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
            Homework
          </h2>
          <ClientHomework view={homework} clientId={client.id} timeZone={practice.timeZone} change={changeAssignmentAction} />
          <IntakeSuggestions people={suggested} assign={assignPracticeAction} />
          {client.status === "active" ? (
            <details className="mt-6 border-t border-line pt-4">
              <summary className="cursor-pointer font-medium text-brand-700">Assign a practice</summary>
              <div className="mt-4">
                <AssignForm
                  clientId={client.id}
                  hasPartner={!!client.partnerId}
                  library={library.map(libraryViewOf)}
                  today={localDateOf(now(), client.timeZone)}
                  assign={assignPracticeAction}
                />
              </div>
            </details>
          ) : null}
        </Card>
        <Card aria-labelledby="intake-heading">
          <h2 id="intake-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
            Intake
          </h2>
          {intakes.length ? (
            <ul className="mb-5 divide-y divide-line">
              {intakes.map((intake) => (
                <li key={intake.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2.5 text-sm">
                  <Link href={`/coach/clients/${client.id}/intake/${intake.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {intake.name}
                  </Link>
                  <IntakeStatusBadge status={intake.status} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-5 text-sm text-muted">No questionnaire yet. Booking an offering assigns its intake; you can also assign one here.</p>
          )}
          <AssignQuestionnaireForm clientId={client.id} questionnaires={questionnaires.map((q) => ({ id: q.id, name: q.name }))} />
        </Card>
        <Card aria-labelledby="pillars-heading">
          <h2 id="pillars-heading" className="mb-1 font-serif text-lg font-semibold text-ink">
            Pillars over time
          </h2>
          <p className="mb-4 text-sm text-muted">Each rating from 1 (hardly there) to 5 (strong and steady), from every intake and check-in {client.name} submitted; dates in {practice.timeZone}.</p>
          <PillarHistory assessments={pillarHistory} timeZone={practice.timeZone} />
          {schedules.length ? (
            <ul aria-label="Recurring check-ins" className="mt-5 divide-y divide-line border-t border-line">
              {schedules.map((s) => (
                <CheckInScheduleRow
                  key={s.id}
                  schedule={{
                    id: s.id,
                    questionnaireName: s.questionnaireName,
                    everyWeeks: s.everyWeeks,
                    status: s.status,
                    pausedReason: s.pausedReason,
                    next: formatWhen(s.nextDueAt, practice.timeZone),
                    from: s.clientId === client.id ? null : (partner?.name ?? null),
                  }}
                />
              ))}
            </ul>
          ) : null}
          {client.status === "active" && checkIn ? (
            <details className="mt-6 border-t border-line pt-4">
              <summary className="cursor-pointer font-medium text-brand-700">Send a check-in</summary>
              <div className="mt-4">
                <CheckInForm
                  clientId={client.id}
                  questionnaires={questionnaires.map((q) => ({ id: q.id, name: q.name }))}
                  defaultId={checkIn.id}
                  couple={!!partner && partner.status === "active"}
                />
              </div>
            </details>
          ) : null}
        </Card>
        <Card aria-labelledby="partner-heading">
          <h2 id="partner-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
            Couple
          </h2>
          <PartnerForm
            clientId={client.id}
            partnerId={client.partnerId}
            candidates={candidates.map((c) => ({ id: c.id, name: c.name, email: c.email }))}
          />
        </Card>
        <Card aria-labelledby="status-heading">
          <h2 id="status-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
            {client.status === "archived" ? "Archived" : "Archive"}
          </h2>
          <StatusForm clientId={client.id} status={client.status} />
        </Card>
        <Card aria-labelledby="delete-heading">
          <h2 id="delete-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
            Delete
          </h2>
          <DeleteClient clientId={client.id} preview={deletion} />
        </Card>
      </div>
    </>
  );
}
