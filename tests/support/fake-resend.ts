import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the fake received it. */
type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  idempotencyKey: string | undefined;
  /** `POST /emails`: the message; `POST /emails/batch`: undefined (see `batch`). */
  body: ResendEmailBody | undefined;
  batch: ResendEmailBody[] | undefined;
  status: number;
  /** When it arrived (Date.now()). */
  receivedAt: number;
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
  headers?: Record<string, string>;
};

type Delivered = { id: string; idempotencyKey: string | undefined; batchKey?: string; body: ResendEmailBody };

export type FakeResend = {
  /** Pass as RESEND_BASE_URL / the transport's base URL. */
  url: string;
  /** Every request, in arrival order, including the ones answered with an error. */
  requests: RecordedRequest[];
  /** Messages accepted for delivery: one per idempotency key, like the real service. */
  delivered: Delivered[];
  /** The next `count` requests are answered with `status` (500 or 429 are retryable, 422 is not). */
  failNext(count: number, status?: 500 | 429 | 422, options?: { retryAfterSeconds?: number }): void;
  /**
   * The next `count` requests that are accepted are delivered, and then the
   * connection is cut before the answer: the sender can't know it worked.
   */
  dropAnswerAfterAccept(count: number): void;
  /**
   * Enforces `perSecond` requests a second, as Resend does per team: a token
   * bucket holding `perSecond` tokens, refilled continuously; a request
   * finding it empty gets 429 with `retry-after`. `undefined` turns it off.
   */
  setRateLimit(perSecond: number | undefined): void;
  /** How many requests were answered 429 by the rate limit. */
  throttled(): number;
  reset(): void;
  close(): Promise<void>;
};

const errorNames: Record<number, string> = {
  401: "missing_api_key",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

type Forced = { status: number; retryAfterSeconds?: number };

/**
 * A stand-in for api.resend.com on 127.0.0.1, so the real `resend` SDK can
 * be exercised end to end. It serves `POST /emails` and `POST /emails/batch`
 * (up to 100 messages, no attachments; `x-batch-validation: permissive`
 * reports invalid messages by index and delivers the rest), remembers
 * idempotency keys for both (the same key and body again returns the first
 * answer without a second delivery; the same key with another body is a 409,
 * as Resend documents), can enforce a rate limit, fail on demand, and drop
 * its answer after accepting.
 */
export async function startFakeResend(options: { keepContent?: boolean } = {}): Promise<FakeResend> {
  // A benchmark sends thousands of messages: it keeps who got what, not every body.
  const keep = (body: ResendEmailBody): ResendEmailBody =>
    options.keepContent === false ? { from: body.from, to: body.to, subject: body.subject, attachments: body.attachments?.map((a) => ({ ...a, content: "" })) } : body;
  const requests: RecordedRequest[] = [];
  const delivered: Delivered[] = [];
  const byKey = new Map<string, { body: string; answer: unknown }>();
  const failures: Forced[] = [];
  let drops = 0;
  let limit: { perSecond: number; tokens: number; at: number } | undefined;
  let throttled = 0;

  const takeToken = (): number | undefined => {
    if (!limit) return undefined;
    const t = Date.now();
    limit.tokens = Math.min(limit.perSecond, limit.tokens + ((t - limit.at) / 1000) * limit.perSecond);
    limit.at = t;
    if (limit.tokens >= 1) {
      limit.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - limit.tokens) / limit.perSecond));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const parsed = raw ? (JSON.parse(raw) as unknown) : undefined;
    const idempotencyKey = header(req, "idempotency-key");
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const isBatch = path === "/emails/batch";
    const record = (status: number) =>
      requests.push({
        method: req.method ?? "",
        path,
        headers: req.headers,
        idempotencyKey,
        body: isBatch || !parsed ? undefined : keep(parsed as ResendEmailBody),
        batch: isBatch && Array.isArray(parsed) ? (parsed as ResendEmailBody[]).map(keep) : undefined,
        status,
        receivedAt: Date.now(),
      });
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record(status);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    const fail = (status: number, message: string, headers?: Record<string, string>) =>
      reply(status, { statusCode: status, name: errorNames[status] ?? "application_error", message }, headers);
    const accept = (payload: unknown) => {
      if (drops > 0) {
        drops--;
        record(200);
        res.socket?.destroy();
        return;
      }
      reply(200, payload);
    };

    if (req.method !== "POST" || (path !== "/emails" && !isBatch)) return fail(404, `No route for ${req.method} ${path}.`);
    if (!header(req, "authorization")?.startsWith("Bearer ")) return fail(401, "Missing API key in the authorization header.");
    const wait = takeToken();
    if (wait !== undefined) {
      throttled++;
      return fail(429, "Too many requests. You can only make 2 requests per second.", { "retry-after": String(wait) });
    }
    const forced = failures.shift();
    if (forced) {
      const retryAfter = forced.retryAfterSeconds ?? (forced.status === 429 ? 1 : undefined);
      return fail(forced.status, `Forced failure (${forced.status}).`, retryAfter === undefined ? {} : { "retry-after": String(retryAfter) });
    }

    const keyed = idempotencyKey ? `${path} ${idempotencyKey}` : undefined;
    const known = keyed ? byKey.get(keyed) : undefined;
    if (known) {
      if (known.body !== digest(raw)) return fail(409, "Same idempotency key used with a different request payload.");
      return accept(known.answer);
    }
    const remember = (answer: unknown) => {
      if (keyed) byKey.set(keyed, { body: digest(raw), answer });
      accept(answer);
    };

    if (!isBatch) {
      const body = parsed as ResendEmailBody | undefined;
      if (!body || invalid(body)) return fail(422, "Missing `from`, `to` or `subject`.");
      const id = randomUUID();
      delivered.push({ id, idempotencyKey, body: keep(body) });
      return remember({ id });
    }

    const batch = parsed as ResendEmailBody[];
    if (!Array.isArray(batch) || batch.length === 0 || batch.length > 100) return fail(422, "A batch holds 1 to 100 emails.");
    if (batch.some((b) => b.attachments?.length)) return fail(422, "Attachments are not supported in batch emails.");
    const problems = batch.flatMap((body, index) => (invalid(body) ? [{ index, message: "Missing `from`, `to` or `subject`." }] : []));
    const permissive = header(req, "x-batch-validation") === "permissive";
    if (problems.length > 0 && !permissive) return fail(422, `Email ${problems[0]!.index}: ${problems[0]!.message}`);
    const data = batch.flatMap((body, index) => {
      if (problems.some((p) => p.index === index)) return [];
      const id = randomUUID();
      delivered.push({ id, idempotencyKey: undefined, batchKey: idempotencyKey, body: keep(body) });
      return [{ id }];
    });
    return remember(permissive ? { data, errors: problems } : { data });
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    handle(req, res, Buffer.concat(chunks).toString("utf8"));
  });

  // Node closes idle keep-alive connections after 5 s, and a client reusing
  // one at that moment sees a reset; the real service keeps them far longer,
  // and a dispatcher rendering a large batch may sit idle that long.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    failNext(count, status = 500, options = {}) {
      for (let i = 0; i < count; i++) failures.push({ status, retryAfterSeconds: options.retryAfterSeconds });
    },
    dropAnswerAfterAccept(count) {
      drops += count;
    },
    setRateLimit(perSecond) {
      limit = perSecond === undefined ? undefined : { perSecond, tokens: perSecond, at: Date.now() };
    },
    throttled: () => throttled,
    reset() {
      requests.length = 0;
      delivered.length = 0;
      failures.length = 0;
      drops = 0;
      limit = undefined;
      throttled = 0;
      byKey.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const digest = (raw: string) => createHash("sha256").update(raw).digest("hex");

function invalid(body: ResendEmailBody): boolean {
  return !body?.from || !body.to || !body.subject;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
