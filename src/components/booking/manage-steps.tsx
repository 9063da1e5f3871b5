"use client";

// The steps of ManageSession (manage-session.tsx): what a person sees before choosing, and the
// two confirmations. Presentational: the state and the server calls stay in ManageSession.
import { useId } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";
import type { CancelDecision, PolicySnapshot, RescheduleDecision } from "@/lib/scheduling/policy";
import { describeZone, formatTimeRange, formatWhen } from "@/lib/time/format";
import { lateCancelWarning, policySentence } from "./format";
import type { SlotTime } from "./slot-days";
import { Spinner } from "./slot-picker";

/** A failure, focused when it appears so keyboards and screen readers land on it. */
export function ErrorBox({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <div role="alert" data-autofocus tabIndex={-1} className="rounded-xl border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
      {error}
    </div>
  );
}

/** A confirmation's two buttons: go ahead (a spinner and `busy` while it runs), or step back. */
function ConfirmButtons(props: {
  variant: "primary" | "danger";
  confirm: string;
  busy: string;
  back: string;
  pending: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { pending } = props;
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <button type="button" className={buttonClass(props.variant)} onClick={props.onConfirm} disabled={pending} aria-busy={pending}>
        {pending ? (
          <>
            <Spinner /> {props.busy}
          </>
        ) : (
          props.confirm
        )}
      </button>
      <button type="button" className={buttonClass("secondary")} onClick={props.onBack} disabled={pending}>
        {props.back}
      </button>
    </div>
  );
}

function LateCancelNote({ policy, className = "" }: { policy: PolicySnapshot; className?: string }) {
  return (
    <p className={`rounded-xl border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600 ${className}`} role="note">
      {lateCancelWarning(policy)}
    </p>
  );
}

/** Why the policy says no, and who to ask instead. */
function Refusal({ reason, practiceName, contactEmail }: { reason: string; practiceName: string; contactEmail: string }) {
  return (
    <div className="mt-2 rounded-xl bg-paper px-4 py-3 text-sm text-ink" role="note">
      <p>{reason}</p>
      <p className="mt-1">
        You can reach {practiceName} at{" "}
        <a href={`mailto:${contactEmail}`} className="font-medium text-brand-700 underline underline-offset-4">
          {contactEmail}
        </a>
        .
      </p>
    </div>
  );
}

/** Before choosing: the policy in a sentence, and what rescheduling and cancelling would mean now. */
export function ManageOverview(props: {
  error: string | null;
  policy: PolicySnapshot;
  cancel: CancelDecision;
  reschedule: RescheduleDecision;
  practiceName: string;
  contactEmail: string;
  onReschedule: () => void;
  onCancel: () => void;
}) {
  const { cancel, reschedule, practiceName, contactEmail } = props;
  return (
    <div className="space-y-6">
      <ErrorBox error={props.error} />
      <p className="text-sm text-muted">{policySentence(props.policy)}</p>

      <div>
        <h3 className="font-medium text-ink">Reschedule</h3>
        {reschedule.allowed ? (
          <>
            <p className="mt-1 text-sm text-muted">Pick another time that suits you. {practiceName} will be told.</p>
            <button type="button" className={buttonClass("secondary", "mt-3 w-full sm:w-auto")} onClick={props.onReschedule}>
              Choose a new time
            </button>
          </>
        ) : (
          <Refusal reason={reschedule.reason} practiceName={practiceName} contactEmail={contactEmail} />
        )}
      </div>

      <div>
        <h3 className="font-medium text-ink">Cancel</h3>
        {cancel.allowed ? (
          <>
            {cancel.late ? (
              <LateCancelNote policy={props.policy} className="mt-1" />
            ) : (
              <p className="mt-1 text-sm text-muted">
                {cancel.grace
                  ? "You booked this a few minutes ago, so you can still cancel free of charge, as an undo."
                  : "You can cancel free of charge now."}
              </p>
            )}
            <button type="button" className={buttonClass("danger", "mt-3 w-full sm:w-auto")} onClick={props.onCancel}>
              Cancel session…
            </button>
          </>
        ) : (
          <Refusal reason={cancel.reason} practiceName={practiceName} contactEmail={contactEmail} />
        )}
      </div>
    </div>
  );
}

const confirmHeading = "scroll-mt-4 font-serif text-lg font-semibold text-ink focus:outline-none";

/** The old time struck through, the new one, and the button that moves the session. */
export function ConfirmMove(props: {
  fromIso: string;
  to: SlotTime;
  timeZone: string;
  practiceName: string;
  error: string | null;
  pending: boolean;
  onConfirm: () => void;
  onChooseAnother: () => void;
}) {
  const { to, timeZone } = props;
  return (
    <div className="space-y-4">
      <h3 data-autofocus tabIndex={-1} className={confirmHeading}>
        Move your session?
      </h3>
      <ErrorBox error={props.error} />
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div className="rounded-xl bg-paper px-4 py-3">
          <dt className="text-xs text-muted">From</dt>
          <dd className="mt-0.5 text-muted line-through">{formatWhen(props.fromIso, timeZone)}</dd>
        </div>
        <div className="rounded-xl bg-brand-50 px-4 py-3">
          <dt className="text-xs text-brand-800">To</dt>
          <dd className="mt-0.5 font-semibold text-brand-800">{formatWhen(to.start, timeZone)}</dd>
          <dd className="text-brand-800">
            {formatTimeRange(to.start, to.end, timeZone)} · {describeZone(timeZone, new Date(to.start))}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-muted">We’ll email you (and {props.practiceName}) an updated invite.</p>
      <ConfirmButtons
        variant="primary"
        confirm="Confirm new time"
        busy="Moving…"
        back="Choose another time"
        pending={props.pending}
        onConfirm={props.onConfirm}
        onBack={props.onChooseAnother}
      />
    </div>
  );
}

/** The cancel step: what it costs now, an optional note for the coach, and the button. */
export function ConfirmCancel(props: {
  late: boolean;
  policy: PolicySnapshot;
  practiceName: string;
  error: string | null;
  pending: boolean;
  /** The note as typed; kept by ManageSession, so stepping back and forth loses nothing. */
  reason: string;
  onReasonChange: (reason: string) => void;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const reasonId = useId();
  return (
    <div className="space-y-4">
      <h3 data-autofocus={!props.error ? true : undefined} tabIndex={-1} className={confirmHeading}>
        Cancel this session?
      </h3>
      <ErrorBox error={props.error} />
      {props.late ? <LateCancelNote policy={props.policy} /> : <p className="text-sm text-muted">It’s free to cancel now. The time will be offered to others.</p>}
      <div className="space-y-1.5">
        <label htmlFor={reasonId} className="block text-sm font-medium text-ink">
          Anything you’d like {props.practiceName} to know? (optional)
        </label>
        <textarea id={reasonId} rows={3} maxLength={1000} value={props.reason} onChange={(e) => props.onReasonChange(e.target.value)} className={inputClass} />
        <p className="text-xs text-muted">Only your coach will see this.</p>
      </div>
      <ConfirmButtons
        variant="danger"
        confirm="Yes, cancel my session"
        busy="Cancelling…"
        back="Keep my session"
        pending={props.pending}
        onConfirm={props.onConfirm}
        onBack={props.onKeep}
      />
    </div>
  );
}
