import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { getDb } from "@/server/db/client";
import { devMailbox } from "@/server/db/schema";
import { sendMagicLink } from "@/server/notifications/magic-link";
import {
  createDevMailboxTransport,
  createResendTransport,
  EmailDeliveryError,
  getTransport,
  type OutgoingEmail,
} from "@/server/notifications/transport";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

let fake: FakeResend;

beforeAll(async () => {
  // Never reach the real service from a test, whatever the shell exports.
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvCache();
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvCache();
});

const invite = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Session – café\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

function message(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to: "client@example.test",
    from: "Tend <hello@tend.test>",
    subject: "Your session is confirmed",
    html: "<p>See you <strong>soon</strong></p>",
    text: "See you soon",
    idempotencyKey: `test:${Math.random().toString(36).slice(2)}`,
    template: "booking-confirmed",
    ...overrides,
  };
}

describe("Resend transport (real SDK against a local fake of the API)", () => {
  it("posts the message with its attachments and the idempotency key", async () => {
    const transport = createResendTransport("re_test_key", `${fake.url}/`);
    const sent = message({
      replyTo: "coach@example.test",
      attachments: [{ filename: "session.ics", contentType: "text/calendar; method=REQUEST", content: invite }],
    });

    const { id } = await transport.send(sent);

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.headers.authorization).toBe("Bearer re_test_key");
    expect(request.idempotencyKey).toBe(sent.idempotencyKey);
    expect(request.body).toMatchObject({
      from: sent.from,
      to: sent.to,
      subject: sent.subject,
      html: sent.html,
      text: sent.text,
      reply_to: "coach@example.test",
      tags: [{ name: "template", value: "booking-confirmed" }],
    });
    const [attachment] = request.body!.attachments!;
    expect(attachment!.filename).toBe("session.ics");
    expect(attachment!.content_type).toBe("text/calendar; method=REQUEST");
    // Resend takes base64: the file must arrive byte for byte, accents included.
    expect(Buffer.from(attachment!.content, "base64").toString("utf8")).toBe(invite);
    expect(id).toBe(fake.delivered[0]!.id);
  });

  it("delivers a repeated message once: the idempotency key reaches the service", async () => {
    const transport = createResendTransport("re_test_key", fake.url);
    const sent = message();
    const first = await transport.send(sent);
    const second = await transport.send(sent);
    expect(second.id).toBe(first.id);
    expect(fake.requests).toHaveLength(2);
    expect(fake.delivered).toHaveLength(1);
  });

  it("reports server errors and rate limits as retryable, validation errors as permanent", async () => {
    const transport = createResendTransport("re_test_key", fake.url);
    fake.failNext(1, 500);
    fake.failNext(1, 429);
    fake.failNext(1, 422);

    const serverError = await transport.send(message()).catch((e: unknown) => e);
    const rateLimited = await transport.send(message()).catch((e: unknown) => e);
    const invalid = await transport.send(message()).catch((e: unknown) => e);

    expect(serverError).toBeInstanceOf(EmailDeliveryError);
    expect((serverError as EmailDeliveryError).permanent).toBe(false);
    expect((serverError as Error).message).toContain("500");
    expect((rateLimited as EmailDeliveryError).permanent).toBe(false);
    expect((rateLimited as Error).message).toContain("rate_limit_exceeded");
    expect((invalid as EmailDeliveryError).permanent).toBe(true);
    expect(fake.delivered).toHaveLength(0);
  });

  it("treats an unreachable service as retryable", async () => {
    const closed = await startFakeResend();
    const url = closed.url;
    await closed.close();
    const error = await createResendTransport("re_test_key", url)
      .send(message())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).permanent).toBe(false);
  });
});

describe("choosing the transport", () => {
  it("uses Resend at RESEND_BASE_URL when RESEND_API_KEY is set", async () => {
    process.env.RESEND_API_KEY = "re_from_env";
    process.env.RESEND_BASE_URL = fake.url;
    resetEnvCache();

    const transport = getTransport();
    expect(transport.name).toBe("resend");
    await transport.send(message());
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer re_from_env");
  });

  it("uses the dev mailbox without a key", () => {
    expect(getTransport().name).toBe("dev-mailbox");
  });
});

describe("dev mailbox transport", () => {
  it("stores the message, once per idempotency key", async () => {
    const transport = createDevMailboxTransport();
    const sent = message({
      attachments: [{ filename: "session.ics", contentType: "text/calendar", content: invite }],
    });
    const first = await transport.send(sent);
    const again = await transport.send({ ...sent, subject: "changed" });
    expect(again.id).toBe(first.id);

    const rows = await getDb().select().from(devMailbox).where(eq(devMailbox.idempotencyKey, sent.idempotencyKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: first.id,
      recipient: sent.to,
      sender: sent.from,
      subject: sent.subject,
      html: sent.html,
      text: sent.text,
      template: "booking-confirmed",
      attachments: [{ filename: "session.ics", contentType: "text/calendar", content: invite }],
    });
  });
});

describe("sendMagicLink", () => {
  const url = "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fhome&token=tok-123&email=c%40example.test";

  it("sends the rendered link straight away, keyed by the token's hash", async () => {
    await sendMagicLink("c@example.test", url);
    await sendMagicLink("c@example.test", url); // a double submit of the same link

    const key = `magic-link:${createHash("sha256").update("tok-123").digest("hex").slice(0, 32)}`;
    const rows = await getDb().select().from(devMailbox).where(eq(devMailbox.recipient, "c@example.test"));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idempotencyKey).toBe(key);
    expect(rows[0]!.template).toBe("magic-link");
    expect(rows[0]!.subject).toBe("Your sign-in link for localhost:3000");
    expect(rows[0]!.text).toContain(url);
    expect(rows[0]!.text).toContain("expires in 30 minutes");
    // The secret token itself is not what names the message.
    expect(rows[0]!.idempotencyKey).not.toContain("tok-123");
  });

  it("goes through Resend when it is configured, and a refusal reaches the caller", async () => {
    const transport = createResendTransport("re_test_key", fake.url);
    await sendMagicLink("d@example.test", url.replace("tok-123", "tok-456"), { transport, expiresInMinutes: 10 });
    expect(fake.delivered).toHaveLength(1);
    expect(fake.delivered[0]!.body.to).toBe("d@example.test");
    expect(fake.delivered[0]!.body.text).toContain("expires in 10 minutes");

    fake.failNext(1, 500);
    await expect(sendMagicLink("d@example.test", url.replace("tok-123", "tok-789"), { transport })).rejects.toThrow(EmailDeliveryError);
  });
});
