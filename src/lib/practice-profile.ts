// The practice profile's limits and the photo check, shared by the settings form (to say so before
// uploading), the domain (to refuse) and the schema's CHECK constraints (so the database refuses too).

export const PROFILE_PHOTO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type ProfilePhotoType = (typeof PROFILE_PHOTO_TYPES)[number];

/** 1 MB: plenty for a head-and-shoulders photo shown at 160 px, small enough to keep in a row. */
export const PROFILE_PHOTO_MAX_BYTES = 1024 * 1024;

export const PROFILE_LIMITS = { bio: 1200, credentials: 300, pageNote: 500, languages: 10, language: 40 } as const;

/**
 * What the bytes are, by their first bytes (never by the name or the type the browser claimed):
 * PNG, JPEG or WebP, else null.
 */
export function sniffPhotoType(bytes: Uint8Array): ProfilePhotoType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

/** "English, Spanish; French" → ["English", "Spanish", "French"]: trimmed, no repeats. */
export function parseLanguages(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;\n]+/)) {
    const language = part.trim().replace(/\s+/g, " ");
    if (language && !seen.has(language.toLowerCase())) {
      seen.add(language.toLowerCase());
      out.push(language);
    }
  }
  return out;
}
