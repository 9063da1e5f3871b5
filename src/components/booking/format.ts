// The booking policy in words (server and client render the same).
import type { PolicySnapshot } from "@/lib/scheduling/policy";
import { formatHours } from "@/lib/time/format";

/** The booking policy as a person would say it: "Free to cancel or reschedule up to 24 hours before." */
export function policySentence(policy: PolicySnapshot): string {
  const cancel = policy.cancellationWindowHours;
  const move = policy.rescheduleWindowHours;
  if (cancel === 0 && move === 0) return "Free to cancel or reschedule any time before the session.";
  if (cancel === move) return `Free to cancel or reschedule up to ${formatHours(cancel, { days: true })} before.`;
  const cancelPart = cancel === 0 ? "Free to cancel any time before the session" : `Free to cancel up to ${formatHours(cancel, { days: true })} before`;
  const movePart = move === 0 ? "reschedule online any time before it" : `reschedule online up to ${formatHours(move, { days: true })} before`;
  return `${cancelPart}; ${movePart}.`;
}

/** The late-cancel warning, in the words shown before the person confirms. */
export function lateCancelWarning(policy: PolicySnapshot): string {
  return `Cancelling now counts as a late cancellation, because the session starts in less than ${formatHours(policy.cancellationWindowHours, { days: true })}. Your coach may keep the session fee.`;
}
