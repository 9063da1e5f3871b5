import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the fake received it. */
type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  idempotencyKey: string | undefined;
  body: ResendEmailBody | undefined;
  status: number;
};

/** The JSON body of Resend's `POST /emails` (snake_case, attachments base64). */
type ResendEmailBody = {
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  reply_to?: string | string[];
  tags?: { name: string; value: string }[];
  attachments?: { filename: string; content: string; content_type?: string }[];
};

export type FakeResend = {
  /** Pass as RESEND_BASE_URL / the transport's base URL. */
  url: string;
  /** Every request, in arrival order, including the ones answered with an error. */
  requests: RecordedRequest[];
  /** Messages accepted for delivery: one per idempotency key, like the real service. */
  delivered: { id: string; idempotencyKey: string | undefined; body: ResendEmailBody }[];
  /** The next `count` sends are answered with `status` (500 or 429 are retryable, 422 is not). */
  failNext(count: number, status?: 500 | 429 | 422): void;
  reset(): void;
  close(): Promise<void>;
};

const errorNames: Record<number, string> = {
  401: "missing_api_key",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

/**
 * A stand-in for api.resend.com on 127.0.0.1, so the real `resend` SDK can
 * be exercised end to end: it answers `POST /emails` with `{ id }`,
 * remembers idempotency keys (a repeat returns the first id without a
 * second delivery), and can be told to fail.
 */
export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const delivered: FakeResend["delivered"] = [];
  const byKey = new Map<string, string>();
  const failures: number[] = [];

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body = raw ? (JSON.parse(raw) as ResendEmailBody) : undefined;
    const idempotencyKey = header(req, "idempotency-key");
    const path = new URL(req.url ?? "/", "http://fake").pathname;

    const reply = (status: number, payload: unknown) => {
      requests.push({ method: req.method ?? "", path, headers: req.headers, idempotencyKey, body, status });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    const fail = (status: number, message: string) =>
      reply(status, { statusCode: status, name: errorNames[status] ?? "application_error", message });

    if (req.method !== "POST" || path !== "/emails") return fail(404, `No route for ${req.method} ${path}.`);
    if (!header(req, "authorization")?.startsWith("Bearer ")) return fail(401, "Missing API key in the authorization header.");
    const forced = failures.shift();
    if (forced) return fail(forced, `Forced failure (${forced}).`);
    if (!body?.from || !body.to || !body.subject) return fail(422, "Missing `from`, `to` or `subject`.");

    const known = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    if (known) return reply(200, { id: known });
    const id = randomUUID();
    if (idempotencyKey) byKey.set(idempotencyKey, id);
    delivered.push({ id, idempotencyKey, body });
    return reply(200, { id });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    failNext(count, status = 500) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    reset() {
      requests.length = 0;
      delivered.length = 0;
      failures.length = 0;
      byKey.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
