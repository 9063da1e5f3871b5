import { ImageResponse } from "next/og";
import { notFound } from "@/server/errors";
import { handleRoute } from "@/server/http";
import { getPracticePhoto } from "@/server/practices/profile";
import { findPracticeBySlug } from "@/server/practices/queries";

const SIZE = { width: 1200, height: 630 };

/**
 * The link preview of a practice's booking pages (Open Graph and Twitter): the practice's name,
 * "Book a session", and the coach's photo when there is one. Drawn by next/og from the database's
 * bytes (no fetch); its URL carries the photo's version, so a new photo makes a new preview.
 */
export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ practice: string }> }) => {
  const slug = (await params).practice;
  const practice = await findPracticeBySlug(slug);
  if (!practice) throw notFound("That practice");
  const photo = await getPracticePhoto(slug);
  // The renderer draws PNG and JPEG; a WebP photo shows the initials instead.
  const photoSrc = photo && photo.type !== "image/webp" ? `data:${photo.type};base64,${photo.bytes.toString("base64")}` : null;
  const initials = practice.name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");

  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", background: "#faf8f5", padding: "72px", gap: "64px" }}>
        {photoSrc ? (
          // eslint-disable-next-line @next/next/no-img-element -- next/og draws plain img elements
          <img src={photoSrc} alt="" width={320} height={320} style={{ borderRadius: "9999px", objectFit: "cover", border: "8px solid #d5ecea" }} />
        ) : (
          <div
            style={{
              width: 320,
              height: 320,
              borderRadius: "9999px",
              background: "#1f6f6a",
              color: "#ffffff",
              display: "flex",
              alignItems: "center",
              justifyContent: "center",
              fontSize: 120,
            }}
          >
            {initials || "T"}
          </div>
        )}
        <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
          <div style={{ fontSize: 34, color: "#175955", letterSpacing: "0.04em", textTransform: "uppercase" }}>Book a session</div>
          <div style={{ fontSize: 68, color: "#1f2933", lineHeight: 1.1, marginTop: 18 }}>{practice.name}</div>
          <div style={{ fontSize: 28, color: "#5f6b76", marginTop: 36 }}>Pick a time that suits you · on Tend</div>
        </div>
      </div>
    ),
    { ...SIZE, headers: { "Cache-Control": "public, max-age=3600" } },
  );
});
