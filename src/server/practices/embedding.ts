import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { practices } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { embedSettingsInput, type EmbedSettingsInput } from "./schemas";
import { looksLikeSlug } from "./queries";

/** Which websites may show this practice's booking pages in a frame (empty list: any). */
export async function setEmbedOrigins(practiceId: string, input: EmbedSettingsInput): Promise<string[]> {
  const { embedOrigins } = parseInput(embedSettingsInput, input);
  const [row] = await getDb()
    .update(practices)
    .set({ embedOrigins })
    .where(eq(practices.id, practiceId))
    .returning({ embedOrigins: practices.embedOrigins });
  if (!row) throw notFound("That practice");
  return row.embedOrigins;
}

/**
 * The websites that may frame a practice's booking pages, found by slug
 * (for proxy.ts, which knows only the path): its list (empty: any website),
 * or null when no practice has that slug.
 */
export async function embedOriginsForSlug(slug: string): Promise<string[] | null> {
  if (!looksLikeSlug(slug)) return null;
  const [row] = await getDb()
    .select({ embedOrigins: practices.embedOrigins })
    .from(practices)
    .where(eq(practices.slug, slug.toLowerCase()))
    .limit(1);
  return row ? row.embedOrigins : null;
}
