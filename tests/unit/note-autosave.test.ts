import { describe, expect, it } from "vitest";
import { autosaveLabels, autosaveReducer, initialAutosave, needsSave, saveDelayMs, type AutosaveEvent, type AutosaveState } from "@/lib/notes/autosave";

const run = (state: AutosaveState, ...events: AutosaveEvent[]) => events.reduce(autosaveReducer, state);
const label = (s: AutosaveState) => autosaveLabels[s.status];

describe("note autosave", () => {
  it("a loaded note is saved; typing makes it wait for a pause, then save", () => {
    const loaded = initialAutosave("Hello");
    expect(label(loaded)).toBe("Saved");
    expect(needsSave(loaded)).toBe(false);
    const typed = run(loaded, { type: "edit", text: "Hello there" });
    expect(label(typed)).toBe("Saving…");
    expect(needsSave(typed)).toBe(true);
    expect(saveDelayMs(typed, 800)).toBe(800);
    const done = run(typed, { type: "save_started" }, { type: "save_succeeded" });
    expect(done).toMatchObject({ status: "saved", savedText: "Hello there", text: "Hello there" });
  });

  it("typing back to the saved text needs no save", () => {
    expect(run(initialAutosave("a"), { type: "edit", text: "ab" }, { type: "edit", text: "a" }).status).toBe("saved");
  });

  it("text typed during a save is saved after it, not lost", () => {
    const s = run(initialAutosave(""), { type: "edit", text: "one" }, { type: "save_started" }, { type: "edit", text: "one two" });
    expect(s.status).toBe("saving");
    expect(s.inFlight).toBe("one");
    const after = run(s, { type: "save_succeeded" });
    expect(after).toMatchObject({ savedText: "one", text: "one two", status: "pending" });
    expect(needsSave(after)).toBe(true);
  });

  it("a failed save keeps the text, says so, retries with a growing back-off, and recovers", () => {
    let s = run(initialAutosave(""), { type: "edit", text: "keep me" }, { type: "save_started" }, { type: "save_failed" });
    expect(label(s)).toBe("Not saved — retrying");
    expect(s).toMatchObject({ text: "keep me", savedText: "", failures: 1, refusal: null });
    expect(needsSave(s)).toBe(true);
    const first = saveDelayMs(s);
    s = run(s, { type: "edit", text: "keep me too" });
    expect(label(s)).toBe("Not saved — retrying");
    s = run(s, { type: "save_started" }, { type: "save_failed", refusal: "Keep the note shorter." });
    expect(s.refusal).toBe("Keep the note shorter.");
    expect(saveDelayMs(s)).toBeGreaterThan(first);
    for (let i = 0; i < 10; i++) s = run(s, { type: "save_started" }, { type: "save_failed" });
    expect(saveDelayMs(s)).toBeLessThanOrEqual(30_000);
    s = run(s, { type: "save_started" }, { type: "save_succeeded" });
    expect(s).toMatchObject({ status: "saved", savedText: "keep me too", failures: 0, refusal: null });
  });
});
