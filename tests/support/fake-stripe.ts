import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Obj = Record<string, unknown>;

/** One request as the fake received it. */
type RecordedRequest = { method: string; path: string; account: string | undefined; idempotencyKey: string | undefined; body: Obj };

type Session = {
  id: string;
  object: "checkout.session";
  url: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  payment_intent: string | null;
  expires_at: number;
  client_reference_id: string | null;
  metadata: Obj;
  success_url: string;
  cancel_url: string;
  customer_email: string | null;
  account: string | undefined;
};

type Refund = { id: string; object: "refund"; amount: number; currency: string; payment_intent: string; status: "succeeded" | "pending"; reason: string | null; metadata: Obj };

export type FakeStripe = {
  /** Pass as STRIPE_API_BASE. */
  url: string;
  requests: RecordedRequest[];
  sessions: Map<string, Session>;
  refunds: Refund[];
  accounts: Map<string, Obj>;
  /** The payer pays a session (optionally a different amount or currency); returns its payment intent id. */
  pay(sessionId: string, paid?: { amount?: number; currency?: string; pending?: boolean }): string;
  /** A pending (async) payment settles. */
  settle(sessionId: string): void;
  expire(sessionId: string): void;
  /** A refund made in Stripe's own dashboard. */
  refundFromDashboard(paymentIntent: string, amount: number): Refund;
  setAccount(id: string, fields: Obj): void;
  /** An event as Stripe would send it, and the signed headers for it. */
  event(type: string, object: Obj, options?: { account?: string; id?: string }): { id: string; payload: string };
  sign(payload: string, secret: string): string;
  /** The next `count` refund requests fail with 500 (retryable). */
  failRefunds(count: number): void;
  close(): Promise<void>;
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/**
 * A stand-in for api.stripe.com on 127.0.0.1, reached through STRIPE_API_BASE, so
 * the real `stripe` SDK runs end to end: Checkout Sessions (create, retrieve,
 * expire; Stripe's 30-minute to 24-hour `expires_at` rule), refunds (create,
 * list by payment intent), accounts and account links. Idempotency keys are
 * honoured per account: a repeated key answers the first response without
 * doing anything again. `Stripe-Account` is recorded on every request.
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Session>();
  const refunds: Refund[] = [];
  const accounts = new Map<string, Obj>();
  const intents = new Map<string, { amount: number; currency: string; account: string | undefined }>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  let refundFailures = 0;
  let base = "";

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    const body = parseForm(req.method === "GET" ? url.search.slice(1) : Buffer.concat(chunks).toString("utf8"));
    const account = header(req, "stripe-account");
    const idempotencyKey = header(req, "idempotency-key");
    requests.push({ method: req.method ?? "", path: url.pathname, account, idempotencyKey, body });
    if (!header(req, "authorization")?.startsWith("Bearer sk_")) return send(res, 401, error("Invalid API key provided."));
    const cacheKey = idempotencyKey && req.method === "POST" ? `${account ?? ""}:${idempotencyKey}` : undefined;
    const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
    if (cached) return send(res, cached.status, cached.body, { "idempotent-replayed": "true" });
    const [status, payload] = route(req.method ?? "GET", url.pathname, body, account);
    if (cacheKey && status < 500) idempotent.set(cacheKey, { status, body: payload });
    send(res, status, payload);
  });

  function route(method: string, path: string, body: Obj, account: string | undefined): [number, unknown] {
    const parts = path.split("/").filter(Boolean);
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const item = ((body.line_items as Obj[] | undefined)?.[0]?.price_data ?? {}) as Obj;
      const expiresAt = Number(body.expires_at ?? Math.floor(Date.now() / 1000) + 86_400);
      const nowS = Math.floor(Date.now() / 1000);
      if (expiresAt < nowS + 30 * 60 || expiresAt > nowS + 24 * 3600) {
        return [400, error("The `expires_at` timestamp must be between 30 minutes and 24 hours from creation.", "expires_at")];
      }
      const session: Session = {
        id: id("cs_test"),
        object: "checkout.session",
        url: "",
        status: "open",
        payment_status: "unpaid",
        amount_total: Number(item.unit_amount),
        currency: String(item.currency),
        payment_intent: null,
        expires_at: expiresAt,
        client_reference_id: (body.client_reference_id as string) ?? null,
        metadata: (body.metadata as Obj) ?? {},
        success_url: String(body.success_url),
        cancel_url: String(body.cancel_url),
        customer_email: (body.customer_email as string) ?? null,
        account,
      };
      session.url = `${base}/pay/${session.id}`;
      sessions.set(session.id, session);
      return [200, session];
    }
    if (parts[1] === "checkout" && parts[2] === "sessions" && parts[3]) {
      const session = sessions.get(parts[3]);
      if (!session || session.account !== account) return [404, error(`No such checkout.session: '${parts[3]}'`)];
      if (method === "GET") return [200, session];
      if (method === "POST" && parts[4] === "expire") {
        if (session.status !== "open") return [400, error("Only open sessions can be expired.")];
        session.status = "expired";
        return [200, session];
      }
    }
    if (method === "POST" && path === "/v1/refunds") {
      if (refundFailures > 0) {
        refundFailures--;
        return [500, error("Forced failure.")];
      }
      const intent = intents.get(String(body.payment_intent));
      if (!intent || intent.account !== account) return [404, error(`No such payment_intent: '${String(body.payment_intent)}'`)];
      const already = refunds.filter((r) => r.payment_intent === body.payment_intent).reduce((sum, r) => sum + r.amount, 0);
      const amount = body.amount === undefined ? intent.amount - already : Number(body.amount);
      if (amount <= 0 || already + amount > intent.amount) return [400, error("Refund amount is greater than unrefunded amount on charge.", "amount")];
      return [200, addRefund(String(body.payment_intent), amount, intent.currency, (body.metadata as Obj) ?? {})];
    }
    if (method === "GET" && path === "/v1/refunds") {
      const data = refunds.filter((r) => r.payment_intent === body.payment_intent && intents.get(r.payment_intent)?.account === account);
      return [200, { object: "list", data, has_more: false, url: "/v1/refunds" }];
    }
    if (method === "POST" && path === "/v1/accounts") {
      const created = { id: id("acct"), object: "account", email: body.email ?? null, charges_enabled: false, details_submitted: false, metadata: body.metadata ?? {} };
      accounts.set(created.id, created);
      return [200, created];
    }
    if (method === "GET" && parts[1] === "accounts" && parts[2]) {
      const found = accounts.get(parts[2]);
      return found ? [200, found] : [404, error(`No such account: '${parts[2]}'`)];
    }
    if (method === "POST" && path === "/v1/account_links") {
      if (!accounts.has(String(body.account))) return [400, error("No such account.", "account")];
      return [200, { object: "account_link", url: `${base}/onboard/${String(body.account)}`, expires_at: Math.floor(Date.now() / 1000) + 300, created: Math.floor(Date.now() / 1000) }];
    }
    return [404, error(`Unrecognized request URL (${method}: ${path}).`)];
  }

  function addRefund(paymentIntent: string, amount: number, currency: string, metadata: Obj): Refund {
    const refund: Refund = { id: id("re"), object: "refund", amount, currency, payment_intent: paymentIntent, status: "succeeded", reason: null, metadata };
    refunds.push(refund);
    return refund;
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signer = new Stripe("sk_test_fake_signer");

  return {
    url: base,
    requests,
    sessions,
    refunds,
    accounts,
    pay(sessionId, paid = {}) {
      const session = sessions.get(sessionId)!;
      const intent = id("pi");
      session.status = "complete";
      session.payment_status = paid.pending ? "unpaid" : "paid";
      session.payment_intent = intent;
      if (paid.amount !== undefined) session.amount_total = paid.amount;
      if (paid.currency !== undefined) session.currency = paid.currency;
      intents.set(intent, { amount: session.amount_total, currency: session.currency, account: session.account });
      return intent;
    },
    settle(sessionId) {
      sessions.get(sessionId)!.payment_status = "paid";
    },
    expire(sessionId) {
      sessions.get(sessionId)!.status = "expired";
    },
    refundFromDashboard(paymentIntent, amount) {
      return addRefund(paymentIntent, amount, intents.get(paymentIntent)!.currency, {});
    },
    setAccount(accountId, fields) {
      accounts.set(accountId, { ...accounts.get(accountId), id: accountId, object: "account", ...fields });
    },
    event(type, object, options = {}) {
      const eventId = options.id ?? id("evt");
      const payload = JSON.stringify({
        id: eventId,
        object: "event",
        type,
        api_version: "2025-01-01",
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        ...(options.account ? { account: options.account } : {}),
        data: { object },
      });
      return { id: eventId, payload };
    },
    sign: (payload, secret) => signer.webhooks.generateTestHeaderString({ payload, secret }),
    failRefunds(count) {
      refundFailures += count;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

const error = (message: string, param?: string) => ({ error: { type: "invalid_request_error", message, ...(param ? { param } : {}) } });

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "request-id": id("req"), ...headers });
  res.end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Stripe's form encoding (`a[b][0][c]=v`) back into nested objects and arrays. */
function parseForm(raw: string): Obj {
  const out: Obj = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Obj = out;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]!);
      if (last) node[segment] = value;
      else node = (node[segment] ??= nextIsIndex ? [] : {}) as Obj;
    });
  }
  return out;
}
