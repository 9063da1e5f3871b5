"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { timeWasTaken, type ActionFailure, type ServerAction } from "@/lib/action-result";
import type { CancelDecision, PolicySnapshot, RescheduleDecision } from "@/lib/scheduling/policy";
import { ConfirmCancel, ConfirmMove, ErrorBox, ManageOverview } from "./manage-steps";
import type { SlotMonth, SlotTime } from "./slot-days";
import { useBookerTimeZone, useSlotLoader } from "./slot-hooks";
import { SlotPicker, SlotPickerSkeleton } from "./slot-picker";

type Payload = Record<string, unknown>;

export type ManageActions = {
  loadSlots: ServerAction<SlotMonth, Payload>;
  reschedule: ServerAction<{ url: string }, Payload>;
  cancel: ServerAction<{ url: string }, Payload>;
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
  const [timeZone, setChosenZone] = useBookerTimeZone();

  const [mode, setMode] = useState<Mode>("idle");
  const [choice, setChoice] = useState<SlotTime | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [pending, startTransition] = useTransition();
  const panelRef = useRef<HTMLDivElement>(null);

  const loadSlots = useSlotLoader(actions.loadSlots, link);

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

  return (
    <div ref={panelRef}>
      {mode === "idle" ? (
        <ManageOverview
          error={error}
          policy={policy}
          cancel={cancel}
          reschedule={reschedule}
          practiceName={practiceName}
          contactEmail={contactEmail}
          onReschedule={() => setMode("reschedule")}
          onCancel={() => setMode("cancel")}
        />
      ) : null}

      <div hidden={mode !== "reschedule"}>
        <h3 data-autofocus={mode === "reschedule" && !error ? true : undefined} tabIndex={-1} className="scroll-mt-4 font-serif text-lg font-semibold text-ink focus:outline-none">
          Choose a new time
        </h3>
        <p className="mt-1 text-sm text-muted">Your current time stays booked until you confirm a new one.</p>
        {error && mode === "reschedule" ? (
          <div className="mt-3">
            <ErrorBox error={error} />
          </div>
        ) : null}
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
        <ConfirmMove
          fromIso={startIso}
          to={choice}
          timeZone={timeZone ?? fallbackTimeZone}
          practiceName={practiceName}
          error={error}
          pending={pending}
          onConfirm={confirmReschedule}
          onChooseAnother={() => setMode("reschedule")}
        />
      ) : null}

      {mode === "cancel" && cancel.allowed ? (
        <ConfirmCancel
          late={cancel.late}
          policy={policy}
          practiceName={practiceName}
          error={error}
          pending={pending}
          reason={reason}
          onReasonChange={setReason}
          onConfirm={confirmCancel}
          onKeep={back}
        />
      ) : null}
    </div>
  );
}
