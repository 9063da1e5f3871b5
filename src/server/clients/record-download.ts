import "server-only";
import { z } from "zod";
import { slugify } from "@/lib/slugify";
import { notFound } from "@/server/errors";
import { handleRoute } from "@/server/http";
import { exportClientRecord, type RecordAudience } from "./record";
import { renderClientRecordHtml } from "./record-html";

const formatSchema = z.enum(["json", "html"]);

/**
 * The export as a download (Content-Disposition: attachment), JSON or a standalone HTML page.
 * An unknown format, or a foreign or deleted client, answers 404. Never cached.
 */
export function clientRecordDownload(scope: { practiceId: string; clientId: string }, audience: RecordAudience, format: string) {
  return handleRoute(async () => {
    const chosen = formatSchema.safeParse(format);
    if (!chosen.success) throw notFound("That export");
    const record = await exportClientRecord(scope, audience);
    const name = `client-record-${slugify(record.client.name) || "client"}-${record.exportedAt.toISOString().slice(0, 10)}`;
    const body = chosen.data === "json" ? JSON.stringify(record, null, 2) : renderClientRecordHtml(record);
    return new Response(body, {
      headers: {
        "Content-Type": chosen.data === "json" ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.${chosen.data}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  })();
}
