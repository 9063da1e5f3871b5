import type { Cadence } from "@/lib/homework/cadence";
import type { Progress } from "@/lib/homework/occurrences";

/** "3-day streak · 75% done (6 of 8)": streaks count days for daily practices, weeks otherwise. */
export function ProgressLine({ progress, cadence, className = "" }: { progress: Progress; cadence: Cadence; className?: string }) {
  const unit = cadence.kind === "daily" ? "day" : "week";
  const parts = [];
  if (cadence.kind !== "once") parts.push(progress.streak ? `${progress.streak}-${unit} streak` : "No streak yet");
  parts.push(progress.rate === null ? "Nothing due yet" : `${Math.round(progress.rate * 100)}% done (${progress.done} of ${progress.counted})`);
  return <p className={`text-sm text-muted ${className}`}>{parts.join(" · ")}</p>;
}
