import type { LibraryPracticeView } from "@/lib/homework/view";
import type { listLibrary } from "@/server/homework/library";

/** A library row as the screens show it (no timestamps or practice id). */
export function libraryViewOf(row: Awaited<ReturnType<typeof listLibrary>>[number]): LibraryPracticeView {
  return {
    id: row.id,
    frameworkKey: row.frameworkKey,
    title: row.title,
    instructions: row.instructions,
    reflectionPrompt: row.reflectionPrompt,
    cadenceKind: row.cadenceKind,
    timesPerWeek: row.timesPerWeek,
    retired: row.retiredAt !== null,
  };
}
