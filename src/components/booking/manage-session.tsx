"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";
import { timeWasTaken, type ActionFailure, type ActionResult } from "@/lib/action-result";
import type { CancelDecision, PolicySnapshot, RescheduleDecision } from "@/lib/scheduling/policy";
import { describeZone, formatTimeRange, formatWhen } from "@/lib/time/format";
import { lateCancelWarning, policySentence } from "./format";
import type { SlotMonth, SlotTime } from "./slot-days";
import { SlotPicker, SlotPickerSkeleton, Spinner, type SlotQuery } from "./slot-picker";
import { useBrowserTimeZone } from "./use-browser-time-zone";

type Payload = Record<string, unknown>;
type Action<T> = (previous: ActionResult<T> | null, payload: Payload) => Promise<ActionResult<T>>;

export type ManageActions = {
  loadSlots: Action<SlotMonth>;
  reschedule: Action<{ url: string }>;
  cancel: Action<{ url: string }>;
};

type Mode = "idle" | "reschedule" | "confirm-reschedule" | "cancel";

/**
 * Reschedule and cancel for one session, with the policy's answer shown
 * before the person tries: a late cancel says so up front; inside the
 * reschedule window the button gives way to the reason and the coach's
 * address. Shared by the manage link page and the portal; `link` is what
 * identifies the booking to the actions (its id, and the token if any).
 */
export function ManageSession({
  startIso,
  nowIso,
  horizonDays,
  fallbackTimeZone,
  practiceName,
  contactEmail,
  policy,
  cancel,
  reschedule,
  actions,
  link,
}: {
  startIso: string;
  nowIso: string;
  horizonDays: number;
  /** The zone the session was booked in, until the device tells us its own. */
  fallbackTimeZone: string;
  practiceName: string;
  contactEmail: string;
  policy: PolicySnapshot;
  cancel: CancelDecision;
  reschedule: RescheduleDecision;
  actions: ManageActions;
  link: Record<string, string>;
}) {
  const router = useRouter();
  const detected = useBrowserTimeZone();
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const timeZone = chosenZone ?? detected;

  const [mode, setMode] = useState<Mode>("idle");
  const [choice, setChoice] = useState<SlotTime | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [pending, startTransition] = useTransition();
  const reasonId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  const { loadSlots: loadSlotsAction } = actions;
  // `link` is a fresh object on each render; its values are what matter (a new function refetches).
  const linkKey = JSON.stringify(link);
  const loadSlots = useCallback(
    async (query: SlotQuery) => {
      const result = await loadSlotsAction(null, { ...(JSON.parse(linkKey) as Payload), ...query });
      return result.ok ? { ok: true as const, data: result.data } : { ok: false as const, error: result.error };
    },
    [loadSlotsAction, linkKey],
  );

  // Each step starts at its heading (or its message), for keyboards, screen readers and small screens.
  useEffect(() => {
    if (mode === "idle" && !error) return;
    const target = panelRef.current?.querySelector<HTMLElement>("[data-autofocus]");
    target?.focus();
    target?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [mode, error]);

  function go(url: string) {
    if (url === `${window.location.pathname}${window.location.search}`) router.refresh();
    else router.replace(url, { scroll: true });
  }

  function handleFailure(result: ActionFailure) {
    if (timeWasTaken(result)) {
      setError(`${result.error} The times below are up to date.`);
      setChoice(null);
      setRefreshKey((k) => k + 1);
      setMode("reschedule");
      return;
    }
    setError(result.error);
    // The policy or the session may have changed meanwhile (a window passed, a cancel elsewhere).
    if (result.code === "forbidden" || result.code === "conflict") router.refresh();
  }

  function confirmReschedule() {
    if (!choice) return;
    setError(null);
    startTransition(async () => {
      const result = await actions.reschedule(null, { ...link, start: choice.start });
      if (result.ok) go(result.data.url);
      else handleFailure(result);
    });
  }

  function confirmCancel() {
    setError(null);
    startTransition(async () => {
      const result = await actions.cancel(null, { ...link, reason });
      if (result.ok) go(result.data.url);
      else handleFailure(result);
    });
  }

  function back() {
    setMode("idle");
    setChoice(null);
    setError(null);
  }

  const errorBox = error ? (
    <div role="alert" data-autofocus tabIndex={-1} className="rounded-xl border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600">
      {error}
    </div>
  ) : null;

  const contact = (
    <a href={`mailto:${contactEmail}`} className="font-medium text-brand-700 underline underline-offset-4">
      {contactEmail}
    </a>
  );

  return (
    <div ref={panelRef}>
      {mode === "idle" ? (
        <div className="space-y-6">
          {errorBox}
          <p className="text-sm text-muted">{policySentence(policy)}</p>

          <div>
            <h3 className="font-medium text-ink">Reschedule</h3>
            {reschedule.allowed ? (
              <>
                <p className="mt-1 text-sm text-muted">Pick another time that suits you. {practiceName} will be told.</p>
                <button type="button" className={buttonClass("secondary", "mt-3 w-full sm:w-auto")} onClick={() => setMode("reschedule")}>
                  Choose a new time
                </button>
              </>
            ) : (
              <div className="mt-2 rounded-xl bg-paper px-4 py-3 text-sm text-ink" role="note">
                <p>{reschedule.reason}</p>
                <p className="mt-1">You can reach {practiceName} at {contact}.</p>
              </div>
            )}
          </div>

          <div>
            <h3 className="font-medium text-ink">Cancel</h3>
            {cancel.allowed ? (
              <>
                {cancel.late ? (
                  <p className="mt-1 rounded-xl border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600" role="note">
                    {lateCancelWarning(policy)}
                  </p>
                ) : (
                  <p className="mt-1 text-sm text-muted">You can cancel free of charge now.</p>
                )}
                <button type="button" className={buttonClass("danger", "mt-3 w-full sm:w-auto")} onClick={() => setMode("cancel")}>
                  Cancel session…
                </button>
              </>
            ) : (
              <div className="mt-2 rounded-xl bg-paper px-4 py-3 text-sm text-ink" role="note">
                <p>{cancel.reason}</p>
                <p className="mt-1">You can reach {practiceName} at {contact}.</p>
              </div>
            )}
          </div>
        </div>
      ) : null}

      <div hidden={mode !== "reschedule"}>
        <h3 data-autofocus={mode === "reschedule" && !error ? true : undefined} tabIndex={-1} className="scroll-mt-4 font-serif text-lg font-semibold text-ink focus:outline-none">
          Choose a new time
        </h3>
        <p className="mt-1 text-sm text-muted">Your current time stays booked until you confirm a new one.</p>
        {error && mode === "reschedule" ? <div className="mt-3">{errorBox}</div> : null}
        <div className="mt-5">
          {mode === "reschedule" || mode === "confirm-reschedule" ? (
            timeZone ? (
              <SlotPicker
                nowIso={nowIso}
                horizonDays={horizonDays}
                timeZone={timeZone}
                onTimeZoneChange={setChosenZone}
                loadSlots={loadSlots}
                refreshKey={refreshKey}
                selectedStart={choice?.start ?? startIso}
                currentStart={startIso}
                onSelect={(slot) => {
                  setChoice(slot);
                  setError(null);
                  setMode("confirm-reschedule");
                }}
              />
            ) : (
              <SlotPickerSkeleton />
            )
          ) : null}
        </div>
        <button type="button" className={buttonClass("ghost", "mt-5 -ml-4")} onClick={back}>
          Keep my current time
        </button>
      </div>

      {mode === "confirm-reschedule" && choice ? (
        <div className="space-y-4">
          <h3 data-autofocus tabIndex={-1} className="scroll-mt-4 font-serif text-lg font-semibold text-ink focus:outline-none">
            Move your session?
          </h3>
          {errorBox}
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div className="rounded-xl bg-paper px-4 py-3">
              <dt className="text-xs text-muted">From</dt>
              <dd className="mt-0.5 text-muted line-through">{formatWhen(startIso, timeZone ?? fallbackTimeZone)}</dd>
            </div>
            <div className="rounded-xl bg-brand-50 px-4 py-3">
              <dt className="text-xs text-brand-800">To</dt>
              <dd className="mt-0.5 font-semibold text-brand-800">{formatWhen(choice.start, timeZone ?? fallbackTimeZone)}</dd>
              <dd className="text-brand-800">
                {formatTimeRange(choice.start, choice.end, timeZone ?? fallbackTimeZone)} · {describeZone(timeZone ?? fallbackTimeZone, new Date(choice.start))}
              </dd>
            </div>
          </dl>
          <p className="text-sm text-muted">We’ll email you (and {practiceName}) an updated invite.</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <button type="button" className={buttonClass("primary")} onClick={confirmReschedule} disabled={pending} aria-busy={pending}>
              {pending ? (
                <>
                  <Spinner /> Moving…
                </>
              ) : (
                "Confirm new time"
              )}
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={() => setMode("reschedule")} disabled={pending}>
              Choose another time
            </button>
          </div>
        </div>
      ) : null}

      {mode === "cancel" && cancel.allowed ? (
        <div className="space-y-4">
          <h3 data-autofocus={!error ? true : undefined} tabIndex={-1} className="scroll-mt-4 font-serif text-lg font-semibold text-ink focus:outline-none">
            Cancel this session?
          </h3>
          {errorBox}
          {cancel.late ? (
            <p className="rounded-xl border border-clay-600/30 bg-clay-100 px-4 py-3 text-sm text-clay-600" role="note">
              {lateCancelWarning(policy)}
            </p>
          ) : (
            <p className="text-sm text-muted">It’s free to cancel now. The time will be offered to others.</p>
          )}
          <div className="space-y-1.5">
            <label htmlFor={reasonId} className="block text-sm font-medium text-ink">
              Anything you’d like {practiceName} to know? (optional)
            </label>
            <textarea id={reasonId} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} />
            <p className="text-xs text-muted">Only your coach will see this.</p>
          </div>
          <div className="flex flex-col gap-2 sm:flex-row">
            <button type="button" className={buttonClass("danger")} onClick={confirmCancel} disabled={pending} aria-busy={pending}>
              {pending ? (
                <>
                  <Spinner /> Cancelling…
                </>
              ) : (
                "Yes, cancel my session"
              )}
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={back} disabled={pending}>
              Keep my session
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
