import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { closeBrowser, newPage, signInAs, visible } from "./support/browser";
import { expectAccessible } from "./support/axe";
import { startProductionServer, type RunningServer } from "./support/server";

/**
 * Joining from the portal, black-box. The server's clock is the test clock
 * (TEND_TEST_CLOCK), which runs from where it starts; to stand ten minutes
 * before a session booked days ahead, the same database is opened by a
 * second server whose clock starts five minutes before the session.
 * The demo practice (Mon–Fri 09:00–17:00 Los Angeles) uses automatic links.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const DATA = path.join(".data", `e2e-video-${randomBytes(6).toString("hex")}`);
const SAM = "sam@demo.tend.test";
/** Monday 11 January 2027, 10:00 in Los Angeles. */
const START = "2027-01-11T18:00:00.000Z";
let server: RunningServer | undefined;

afterAll(async () => {
  await closeBrowser();
  await server?.stop();
  rmSync(path.join(root, DATA), { recursive: true, force: true });
});

const ROOM = /^https:\/\/meet\.jit\.si\/Tend-[a-z2-7]{32}$/;
let room = "";

describe("joining from the portal", () => {
  it("shows the session's own link days before, with Join not open yet", async () => {
    // Friday 8 January 2027, 09:00 in Los Angeles.
    server = await startProductionServer({ TEND_TEST_CLOCK: "2027-01-08T17:00:00Z", PGLITE_DIR: DATA });
    const booked = await fetch(`${server.baseUrl}/api/public/demo/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ offering: "one-on-one", start: START, name: "Sam Rivera", email: SAM, timeZone: "America/New_York" }),
    });
    expect(booked.status).toBe(201);
    const { booking } = (await booked.json()) as { booking: { id: string; manageUrl: string } };

    const manage = new URL(booking.manageUrl);
    const json = await fetch(`${server.baseUrl}/api/public/demo/bookings/${booking.id}${manage.search}`);
    const { location } = ((await json.json()) as { booking: { location: { kind: string; url: string } } }).booking;
    expect(location.kind).toBe("video");
    expect(location.url).toMatch(ROOM);
    room = location.url;

    const sam = await newPage({ server: server.baseUrl });
    await signInAs(sam, SAM);
    expect(new URL(sam.url()).pathname).toBe("/portal");
    await visible(sam.getByRole("link", { name: new RegExp(room.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) }).first());
    await visible(sam.getByText("Join opens 10 minutes before").first());
    expect(await sam.getByRole("link", { name: /Join the video call/ }).count()).toBe(0);
    await expectAccessible(sam);
    await server.stop();
    server = undefined;
  });

  it("offers Join five minutes before the start, on the portal's home and the session page", async () => {
    expect(room).not.toBe("");
    // The same database, the clock at 09:55 Los Angeles on the Monday.
    server = await startProductionServer({ TEND_TEST_CLOCK: "2027-01-11T17:55:00Z", PGLITE_DIR: DATA });
    const sam = await newPage({ server: server.baseUrl });
    await signInAs(sam, SAM);
    expect(new URL(sam.url()).pathname).toBe("/portal");

    const join = await visible(sam.getByRole("link", { name: /Join the video call/ }).first());
    expect(await join.getAttribute("href")).toBe(room);
    expect(await join.getAttribute("target")).toBe("_blank");
    await expectAccessible(sam);

    await sam.getByRole("link", { name: /One-on-One Coaching/ }).first().click();
    await sam.waitForURL((url) => url.pathname.startsWith("/portal/sessions/"));
    await visible(sam.getByRole("heading", { name: "Your session is about to start" }));
    expect(await sam.getByRole("link", { name: /Join the video call/ }).getAttribute("href")).toBe(room);
    await expectAccessible(sam);
  });
});
