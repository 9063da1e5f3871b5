"use client";

import Link from "next/link";
import { useActionState } from "react";
import { describeCadence } from "@/lib/homework/cadence";
import type { AdherenceView, ReflectionView } from "@/lib/homework/view";
import type { ServerAction } from "@/lib/action-result";
import { formatDayParts, formatLongDate } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { ProgressLine } from "./progress-line";

type Assignment = AdherenceView["assignments"][number];
type ChangeAction = ServerAction<{ change: string }>;

/**
 * The client page's homework: each practice's rate and last four weeks, for a couple both
 * partners side by side (and their shared practices), then the reflections since the last session.
 */
export function ClientHomework({ view, clientId, timeZone, change }: { view: AdherenceView; clientId: string; timeZone: string; change: ChangeAction }) {
  const columns = [
    ...view.people.map((p) => ({ key: p.id, heading: p.name, rows: view.assignments.filter((a) => a.assignment.clientId === p.id && !a.assignment.shared) })),
    { key: "shared", heading: "Together", rows: view.assignments.filter((a) => a.assignment.shared) },
  ].filter((c) => c.rows.length > 0);
  return (
    <div className="space-y-6">
      {columns.length === 0 ? (
        <p className="text-sm text-muted">No practices assigned yet. Choose one from the library below.</p>
      ) : (
        <div className={`grid gap-4 ${columns.length > 1 ? "md:grid-cols-2" : ""}`}>
          {columns.map((column) => (
            <section key={column.key} aria-label={`${column.heading}'s practices`}>
              {view.people.length > 1 || column.key === "shared" ? <h3 className="mb-2 text-sm font-semibold text-ink">{column.heading}</h3> : null}
              <ul className="space-y-3">
                {column.rows.map((row) => (
                  <AssignmentRow key={row.assignment.id} row={row} clientId={clientId} change={change} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <Reflections
        heading={view.since ? `Reflections since the last session (${formatLongDate(localDateOf(view.since, timeZone), { year: false })})` : "Reflections"}
        empty={view.since ? "Nothing marked done since the last session." : "Nothing marked done yet."}
        reflections={view.reflections}
      />
    </div>
  );
}

function AssignmentRow({ row, clientId, change }: { row: Assignment; clientId: string; change: ChangeAction }) {
  const { assignment, progress, weeks } = row;
  const [state, action] = useActionState(change, null);
  return (
    <li className="rounded-xl border border-line p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium text-ink">{assignment.title}</p>
        <span className="flex items-center gap-2 text-xs text-muted">
          {describeCadence(assignment.cadence)}
          {assignment.status !== "active" ? <Badge tone={assignment.status === "paused" ? "clay" : "neutral"}>{assignment.status}</Badge> : null}
        </span>
      </div>
      <ProgressLine progress={progress} cadence={assignment.cadence} className="mt-1" />
      <table className="mt-3 w-full max-w-sm table-fixed text-center text-xs">
        <caption className="sr-only">{assignment.title}: the last four weeks</caption>
        <thead>
          <tr>
            {weeks.map((w) => {
              const { day, month } = formatDayParts(w.monday);
              return (
                <th key={w.monday} scope="col" className="font-normal text-muted">
                  {month} {day}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          <tr>
            {weeks.map((w) => (
              <td key={w.monday} className="p-1">
                <span
                  className={`block rounded-md py-1.5 ${
                    w.due === 0 ? "bg-paper text-muted" : w.done >= w.due ? "bg-brand-600 text-white" : w.done > 0 ? "bg-brand-100 text-brand-800" : "bg-clay-100 text-clay-600"
                  }`}
                >
                  {w.due === 0 ? "–" : `${w.done}/${w.due}`}
                </span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {assignment.status !== "ended" ? (
        <form action={action} className="mt-3 flex flex-wrap items-center gap-2">
          <input type="hidden" name="id" value={assignment.id} />
          <input type="hidden" name="clientId" value={clientId} />
          {assignment.status === "active" ? (
            <SubmitButton variant="secondary" name="change" value="pause" pendingLabel="Saving…">
              Pause
            </SubmitButton>
          ) : (
            <SubmitButton variant="secondary" name="change" value="resume" pendingLabel="Saving…">
              Resume
            </SubmitButton>
          )}
          <SubmitButton variant="secondary" name="change" value="end" pendingLabel="Saving…">
            End
          </SubmitButton>
          <FormMessage state={state && !state.ok ? state : null} />
        </form>
      ) : null}
    </li>
  );
}

/** Reflections, newest first: since the last session on a client's page, since yesterday on Today. */
export function Reflections({ heading, empty, reflections, linkToClient = false }: { heading: string; empty: string; reflections: ReflectionView[]; linkToClient?: boolean }) {
  return (
    <section aria-label={heading}>
      <h3 className="mb-2 text-sm font-semibold text-ink">{heading}</h3>
      {reflections.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ul className="space-y-3">
          {reflections.map((r) => (
            <li key={r.id} className="text-sm">
              <p className="text-muted">
                {linkToClient ? (
                  <Link href={`/coach/clients/${r.clientId}`} className="font-medium text-brand-800 underline-offset-4 hover:underline">
                    {r.clientName}
                  </Link>
                ) : (
                  <span className="font-medium text-ink">{r.clientName}</span>
                )}{" "}
                · {r.title} · {formatLongDate(r.occurrenceDate, { year: false })}
                {r.rating ? ` · ${r.rating}/5` : ""}
              </p>
              {r.reflection ? <blockquote className="mt-1 whitespace-pre-line border-l-2 border-brand-600/40 pl-3 text-ink/90">{r.reflection}</blockquote> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
