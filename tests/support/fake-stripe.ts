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
  mode: "payment" | "subscription";
  /** Subscription mode: the price bought, the customer, and the subscription once paid. */
  customer: string | null;
  subscription: string | null;
  price?: string;
  subscription_metadata?: Obj;
};

type Price = { id: string; object: "price"; product: string; unit_amount: number; currency: string; recurring: Obj | null; metadata: Obj; account: string | undefined };

type Subscription = {
  id: string;
  object: "subscription";
  status: "active" | "past_due" | "canceled" | "unpaid" | "incomplete";
  customer: string;
  cancel_at_period_end: boolean;
  ended_at: number | null;
  metadata: Obj;
  items: { object: "list"; data: { id: string; price: Price; current_period_start: number; current_period_end: number }[] };
  latest_invoice: string | null;
  account: string | undefined;
};

type Invoice = {
  id: string;
  object: "invoice";
  status: "paid" | "open";
  amount_due: number;
  amount_paid: number;
  currency: string;
  customer: string;
  hosted_invoice_url: string;
  period_start: number;
  period_end: number;
  parent: { type: "subscription_details"; subscription_details: { subscription: string; metadata: Obj } };
  lines: { object: "list"; data: { id: string; amount: number; period: { start: number; end: number } }[] };
  /** Stripe's invoice payments (sent here always; Stripe sends them with `expand: ['payments']`): the paid one names its payment intent, which refunds can target. */
  payments: { object: "list"; data: InvoicePayment[] };
  account: string | undefined;
};

type InvoicePayment = { id: string; object: "invoice_payment"; status: "paid"; amount_paid: number; payment: { type: "payment_intent"; payment_intent: string } };

type Refund = { id: string; object: "refund"; amount: number; currency: string; payment_intent: string; status: "succeeded" | "pending"; reason: string | null; metadata: Obj };

export type FakeStripe = {
  /** Pass as STRIPE_API_BASE. */
  url: string;
  requests: RecordedRequest[];
  sessions: Map<string, Session>;
  refunds: Refund[];
  accounts: Map<string, Obj>;
  products: Map<string, Obj>;
  prices: Map<string, Price>;
  subscriptions: Map<string, Subscription>;
  invoices: Map<string, Invoice>;
  /** Billing Portal sessions opened (customer, return_url). */
  portalSessions: Obj[];
  /** The payer completes a subscription-mode session: a customer, an active subscription for a month from now, its first invoice paid. */
  subscribe(sessionId: string): { subscription: Subscription; invoice: Invoice };
  /** The next period starts: a new invoice, paid, or open with the payment failed (the subscription goes past_due). */
  renew(subscriptionId: string, options?: { fail?: boolean }): Invoice;
  /** An open invoice is paid after all (a retry, a new card): the subscription is active again. */
  payInvoice(invoiceId: string): Invoice;
  /** Changes a subscription as Stripe's dashboard or Billing Portal would (cancel_at_period_end, status…). */
  updateSubscription(subscriptionId: string, fields: Partial<Subscription>): Subscription;
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
 * expire; Stripe's 30-minute to 24-hour `expires_at` rule; payment or
 * subscription mode), refunds (create, list by payment intent), accounts and
 * account links, products and monthly prices, subscriptions (retrieve, update
 * cancel_at_period_end, cancel) with their invoices, and Billing Portal sessions. Idempotency keys are
 * honoured per account: a repeated key answers the first response without
 * doing anything again. `Stripe-Account` is recorded on every request.
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Session>();
  const refunds: Refund[] = [];
  const accounts = new Map<string, Obj>();
  const products = new Map<string, Obj>();
  const prices = new Map<string, Price>();
  const subscriptions = new Map<string, Subscription>();
  const invoices = new Map<string, Invoice>();
  const portalSessions: Obj[] = [];
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
      const line = ((body.line_items as Obj[] | undefined)?.[0] ?? {}) as Obj;
      const price = line.price ? prices.get(String(line.price)) : undefined;
      if (line.price && (!price || price.account !== account)) return [400, error(`No such price: '${String(line.price)}'`, "line_items")];
      const item = (price ?? line.price_data ?? {}) as Obj;
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
        mode: body.mode === "subscription" ? "subscription" : "payment",
        customer: (body.customer as string) ?? null,
        subscription: null,
        ...(price ? { price: price.id, subscription_metadata: ((body.subscription_data as Obj | undefined)?.metadata as Obj) ?? {} } : {}),
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
    if (method === "POST" && path === "/v1/products") {
      const product = { id: id("prod"), object: "product", name: body.name, metadata: body.metadata ?? {}, account };
      products.set(product.id, product);
      return [200, product];
    }
    const productPath = path.match(/^\/v1\/products\/([^/]+)$/);
    if (method === "POST" && productPath) {
      const product = products.get(productPath[1]!);
      if (!product || product.account !== account) return [404, error(`No such product: '${productPath[1]}'`, "id")];
      if (body.name !== undefined) product.name = body.name;
      return [200, product];
    }
    if (method === "POST" && path === "/v1/prices") {
      const product = products.get(String(body.product));
      if (!product || product.account !== account) return [400, error(`No such product: '${String(body.product)}'`, "product")];
      const price: Price = {
        id: id("price"),
        object: "price",
        product: String(body.product),
        unit_amount: Number(body.unit_amount),
        currency: String(body.currency),
        recurring: (body.recurring as Obj) ?? null,
        metadata: (body.metadata as Obj) ?? {},
        account,
      };
      prices.set(price.id, price);
      return [200, price];
    }
    if (parts[1] === "subscriptions" && parts[2]) {
      const sub = subscriptions.get(parts[2]);
      if (!sub || sub.account !== account) return [404, error(`No such subscription: '${parts[2]}'`)];
      if (method === "GET") return [200, sub];
      if (method === "POST") {
        if (body.cancel_at_period_end !== undefined) sub.cancel_at_period_end = body.cancel_at_period_end === "true";
        return [200, sub];
      }
      if (method === "DELETE") {
        sub.status = "canceled";
        sub.ended_at = Math.floor(Date.now() / 1000);
        return [200, sub];
      }
    }
    if (method === "GET" && parts[1] === "invoices" && parts[2]) {
      const invoice = invoices.get(parts[2]);
      return invoice && invoice.account === account ? [200, invoice] : [404, error(`No such invoice: '${parts[2]}'`)];
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      if (!body.customer) return [400, error("Missing required param: customer.", "customer")];
      const portal = { id: id("bps"), object: "billing_portal.session", customer: body.customer, return_url: body.return_url ?? null, url: "", account };
      portal.url = `${base}/portal/${portal.id}`;
      portalSessions.push(portal);
      return [200, portal];
    }
    return [404, error(`Unrecognized request URL (${method}: ${path}).`)];
  }

  const monthLater = (seconds: number) => {
    const d = new Date(seconds * 1000);
    return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) / 1000);
  };

  function addInvoice(sub: Subscription, period: { start: number; end: number }, paid: boolean): Invoice {
    const price = sub.items.data[0]!.price;
    const invoice: Invoice = {
      id: id("in"),
      object: "invoice",
      status: paid ? "paid" : "open",
      amount_due: price.unit_amount,
      amount_paid: paid ? price.unit_amount : 0,
      currency: price.currency,
      customer: sub.customer,
      hosted_invoice_url: "",
      // Stripe's invoice-level period is the one before; the line carries the period billed.
      period_start: period.start,
      period_end: period.start,
      parent: { type: "subscription_details", subscription_details: { subscription: sub.id, metadata: sub.metadata } },
      lines: { object: "list", data: [{ id: id("il"), amount: price.unit_amount, period }] },
      payments: { object: "list", data: [] },
      account: sub.account,
    };
    if (paid) chargeInvoice(invoice);
    invoice.hosted_invoice_url = `${base}/invoice/${invoice.id}`;
    invoices.set(invoice.id, invoice);
    sub.latest_invoice = invoice.id;
    return invoice;
  }

  /** The invoice is charged: a payment intent (refundable like a Checkout payment) as its paid invoice payment. */
  function chargeInvoice(invoice: Invoice) {
    const intent = id("pi");
    intents.set(intent, { amount: invoice.amount_due, currency: invoice.currency, account: invoice.account });
    invoice.payments.data.push({ id: id("inpay"), object: "invoice_payment", status: "paid", amount_paid: invoice.amount_due, payment: { type: "payment_intent", payment_intent: intent } });
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
    products,
    prices,
    subscriptions,
    invoices,
    portalSessions,
    subscribe(sessionId) {
      const session = sessions.get(sessionId)!;
      const price = prices.get(session.price!)!;
      const start = Math.floor(Date.now() / 1000);
      const sub: Subscription = {
        id: id("sub"),
        object: "subscription",
        status: "active",
        customer: session.customer ?? id("cus"),
        cancel_at_period_end: false,
        ended_at: null,
        metadata: session.subscription_metadata ?? {},
        items: { object: "list", data: [{ id: id("si"), price, current_period_start: start, current_period_end: monthLater(start) }] },
        latest_invoice: null,
        account: session.account,
      };
      subscriptions.set(sub.id, sub);
      const invoice = addInvoice(sub, { start, end: monthLater(start) }, true);
      session.status = "complete";
      session.payment_status = "paid";
      session.subscription = sub.id;
      session.customer = sub.customer;
      return { subscription: sub, invoice };
    },
    renew(subscriptionId, options = {}) {
      const sub = subscriptions.get(subscriptionId)!;
      const item = sub.items.data[0]!;
      const period = { start: item.current_period_end, end: monthLater(item.current_period_end) };
      item.current_period_start = period.start;
      item.current_period_end = period.end;
      sub.status = options.fail ? "past_due" : "active";
      return addInvoice(sub, period, !options.fail);
    },
    payInvoice(invoiceId) {
      const invoice = invoices.get(invoiceId)!;
      invoice.status = "paid";
      invoice.amount_paid = invoice.amount_due;
      chargeInvoice(invoice);
      subscriptions.get(invoice.parent.subscription_details.subscription)!.status = "active";
      return invoice;
    },
    updateSubscription(subscriptionId, fields) {
      return Object.assign(subscriptions.get(subscriptionId)!, fields);
    },
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
