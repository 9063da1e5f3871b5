/**
 * The autosave of a note, as a pure reducer the editor drives: the text the coach sees, the last
 * text the server confirmed, and whether a save is waiting, running or being retried. Nothing
 * typed is dropped: a failed save keeps the text and is retried, and text typed during a save is
 * saved after it.
 */
export type AutosaveStatus = "saved" | "pending" | "saving" | "retrying";

export type AutosaveState = {
  text: string;
  /** What the server holds (as far as this editor knows). */
  savedText: string;
  status: AutosaveStatus;
  /** The text being sent, while a save runs. */
  inFlight: string | null;
  /** Failed attempts in a row (for the retry's back-off). */
  failures: number;
  /** The server's reason when it refused the last save (too long, say); null after a network error. */
  refusal: string | null;
};

export type AutosaveEvent =
  | { type: "edit"; text: string }
  | { type: "save_started" }
  | { type: "save_succeeded" }
  | { type: "save_failed"; refusal?: string };

export function initialAutosave(text: string): AutosaveState {
  return { text, savedText: text, status: "saved", inFlight: null, failures: 0, refusal: null };
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "edit":
      if (event.text === state.text) return state;
      // While a save runs (or waits to be retried), keep that status: the new text follows it.
      if (state.status === "saving" || state.status === "retrying") return { ...state, text: event.text };
      return { ...state, text: event.text, status: event.text === state.savedText ? "saved" : "pending" };
    case "save_started":
      return { ...state, status: "saving", inFlight: state.text };
    case "save_succeeded": {
      const savedText = state.inFlight ?? state.savedText;
      return { ...state, savedText, inFlight: null, failures: 0, refusal: null, status: state.text === savedText ? "saved" : "pending" };
    }
    case "save_failed":
      return { ...state, inFlight: null, failures: state.failures + 1, refusal: event.refusal ?? null, status: "retrying" };
  }
}

/** Whether the editor should start a save now (after its debounce or back-off). */
export function needsSave(state: AutosaveState): boolean {
  return state.status === "pending" || state.status === "retrying";
}

/** How long to wait before saving: a pause in typing, or a growing back-off after failures (≤ 30 s). */
export function saveDelayMs(state: AutosaveState, debounceMs = 800): number {
  if (state.status !== "retrying") return debounceMs;
  return Math.min(30_000, 1000 * 2 ** Math.min(state.failures - 1, 5));
}

export const autosaveLabels: Record<AutosaveStatus, string> = {
  saved: "Saved",
  pending: "Saving…",
  saving: "Saving…",
  retrying: "Not saved — retrying",
};
