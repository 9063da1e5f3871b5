import http from "node:http";

/**
 * Plain HTTP against the production server, for what a browser can't do:
 * forge Host or X-Forwarded-* headers, leave Origin out, or name another
 * site's Origin. (fetch() won't send a Host of our choosing.)
 */
export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; setCookies: string[] };

export function rawRequest(
  url: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  // Lower-case names, so a caller's "Host" replaces the default instead of adding a second one.
  const sent: Record<string, string> = { host: target.host };
  for (const [name, value] of Object.entries(headers)) sent[name.toLowerCase()] = value;
  if (body !== undefined) sent["content-length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    // The server listens on 127.0.0.1 whatever name the URL uses.
    const request = http.request(
      { host: "127.0.0.1", port: target.port, path: target.pathname + target.search, method, headers: sent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            setCookies: response.headers["set-cookie"] ?? [],
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`${method} ${url} timed out`)));
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** `name=value; …` for a Cookie header, from Set-Cookie lines. */
function cookieHeader(setCookies: string[]): string {
  return setCookies.map((line) => line.split(";")[0]).join("; ");
}

const decodeEntities = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The hidden fields of the first POST form on a page: for a server-action
 * form these are Next.js's `$ACTION_…` fields, which is all a browser
 * without JavaScript sends besides the visible inputs.
 */
export function hiddenFieldsOfForm(html: string): Record<string, string> {
  const form = /<form[^>]*method="POST"[^>]*>([\s\S]*?)<\/form>/i.exec(html)?.[1];
  if (!form) throw new Error("The page has no POST form.");
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[decodeEntities(name)] = decodeEntities(/value="([^"]*)"/.exec(input[0])?.[1] ?? "");
  }
  return fields;
}

/** Submits a server-action form as a browser without JavaScript would: multipart, to the page's own URL. */
export async function submitForm(pageUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Request("http://encode.invalid/", { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  return rawRequest(pageUrl, { method: "POST", headers: { "content-type": encoded.headers.get("content-type")!, ...headers }, body });
}

/** Message ids in the dev mailbox for one address, newest first. */
export async function mailboxIds(baseUrl: string, to: string): Promise<string[]> {
  const page = await rawRequest(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(to)}`);
  if (page.status !== 200) throw new Error(`The dev mailbox answered ${page.status}.`);
  return [...page.body.matchAll(/href="\/dev\/mailbox\/([0-9a-f-]{36})"/g)].map((match) => match[1]!);
}

/**
 * The sign-in link in the first magic-link email to `to` that is not among
 * `seen` (ids from mailboxIds() taken before asking for it). Waits a little.
 */
export async function newMagicLink(baseUrl: string, to: string, seen: string[]): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const fresh = (await mailboxIds(baseUrl, to)).filter((id) => !seen.includes(id));
    for (const id of fresh) {
      const message = await rawRequest(`${baseUrl}/dev/mailbox/${id}`);
      const link = /href="([^"]*\/api\/auth\/callback\/email[^"]*)"/.exec(message.body)?.[1];
      if (link) return decodeEntities(link);
    }
    if (Date.now() > deadline) throw new Error(`No new sign-in email to ${to} arrived in the dev mailbox.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Asks Auth.js's own endpoint for a magic link (it wants its CSRF token and cookie first). */
export async function requestLinkFromAuthJs(
  baseUrl: string,
  email: string,
  { headers = {}, callbackUrl = "/home" }: { headers?: Record<string, string>; callbackUrl?: string } = {},
): Promise<RawResponse> {
  const csrf = await rawRequest(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return rawRequest(`${baseUrl}/api/auth/signin/email`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.setCookies), ...headers },
    body: new URLSearchParams({ csrfToken, email, callbackUrl }).toString(),
  });
}

/** Signs in over HTTP alone (Auth.js endpoint, dev mailbox, link) and returns the Cookie header of the session. */
export async function signInOverHttp(baseUrl: string, email: string): Promise<string> {
  const seen = await mailboxIds(baseUrl, email);
  const asked = await requestLinkFromAuthJs(baseUrl, email);
  if (asked.status !== 302) throw new Error(`Asking for a sign-in link answered ${asked.status}.`);
  const landed = await rawRequest(await newMagicLink(baseUrl, email, seen));
  const session = landed.setCookies.filter((line) => /authjs\.session-token=/.test(line));
  if (session.length === 0) throw new Error(`Following the sign-in link set no session cookie (status ${landed.status}).`);
  return cookieHeader(session);
}
