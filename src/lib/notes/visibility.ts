/** Who reads a session note: only the coach, or also the client (both partners of a couple). */
export const NOTE_VISIBILITIES = ["private", "shared"] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** The longest note the coach can write (characters). */
export const NOTE_MAX_LENGTH = 20_000;
