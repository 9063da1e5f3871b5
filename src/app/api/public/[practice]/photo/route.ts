import { handleRoute } from "@/server/http";
import { notFound } from "@/server/errors";
import { getPracticePhoto } from "@/server/practices/profile";

/**
 * The practice's profile photo. Its URL carries the photo's version (`?v=3`), so a URL that names
 * the current version can be cached for a year; any other (or none) for five minutes.
 */
export const GET = handleRoute(async (request: Request, { params }: { params: Promise<{ practice: string }> }) => {
  const photo = await getPracticePhoto((await params).practice);
  if (!photo) throw notFound("That photo");
  const current = new URL(request.url).searchParams.get("v") === String(photo.version);
  const etag = `"photo-${photo.version}"`;
  const headers = {
    "Content-Type": photo.type,
    "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(photo.bytes), { headers: { ...headers, "Content-Length": String(photo.bytes.length) } });
});
