import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The dependency rules of docs/architecture.md, as `npm run lint` enforces them
// (import/no-restricted-paths in eslint.config.mjs). Each case lints a made-up file at a real path.

const eslint = new ESLint({ cwd: path.resolve(__dirname, "../..") });

async function boundaryErrors(filePath: string, code: string, rule = "import/no-restricted-paths"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe("import boundaries", { timeout: 120_000 }, () => {
  it("components import nothing from src/app or src/server, types included", async () => {
    const code = [
      'import type { TokenBooking } from "@/server/scheduling/booking-by-token";',
      'import { signOutAction } from "@/app/(auth)/actions";',
      'import { now } from "../../server/clock";',
      'import { formatTime } from "@/lib/time/format";',
      "export const probe = [signOutAction, now, formatTime] as unknown as TokenBooking;",
    ].join("\n");
    const errors = await boundaryErrors("src/components/booking/probe.tsx", code);
    expect(errors).toHaveLength(3);
    expect(errors.join("\n")).toMatch(/@\/server\/scheduling\/booking-by-token/);
    expect(errors.join("\n")).toMatch(/@\/app\/\(auth\)\/actions/);
    expect(errors.join("\n")).toMatch(/\.\.\/\.\.\/server\/clock/);
  });

  it("email templates import nothing from src/server", async () => {
    const errors = await boundaryErrors("emails/probe.tsx", 'import { buildInvite } from "@/server/scheduling/ics";\nexport const probe = buildInvite;');
    expect(errors).toHaveLength(1);
  });

  it("src/lib imports nothing from src/server, src/app or components", async () => {
    const code = [
      'import { now } from "@/server/clock";',
      'import { Badge } from "@/components/ui/badge";',
      'import { localDateOf } from "./time/zones";',
      "export const probe = [now, Badge, localDateOf];",
    ].join("\n");
    expect(await boundaryErrors("src/lib/probe.ts", code)).toHaveLength(2);
  });

  it("src/server imports nothing from src/app or components, and may use src/lib", async () => {
    const code = [
      'import type { SessionPageProps } from "@/components/booking/session-page";',
      'import { bookSessionAction } from "@/app/book/[practice]/[offering]/actions";',
      'import { localDateOf } from "@/lib/time/zones";',
      "export const probe = [bookSessionAction, localDateOf] as unknown as SessionPageProps;",
    ].join("\n");
    expect(await boundaryErrors("src/server/scheduling/probe.ts", code)).toHaveLength(2);
  });

  it("code the browser runs imports no zod or luxon (the booking page's JavaScript budget)", async () => {
    const code = ['import { z } from "zod";', 'import { DateTime } from "luxon";', "export const probe = [z, DateTime];"].join("\n");
    for (const file of ["src/components/booking/probe.tsx", "src/lib/time/probe.ts"]) {
      expect(await boundaryErrors(file, code, "no-restricted-imports")).toHaveLength(2);
    }
    expect(await boundaryErrors("src/lib/probe.ts", code, "no-restricted-imports")).toEqual([]);
    // zod under its jitless alias is zod all the same; the policy module is read by the booking page's code.
    const aliased = ['import { z } from "@/lib/zod";', "export const probe = z;"].join("\n");
    for (const file of ["src/components/booking/probe.tsx", "src/lib/scheduling/policy.ts"]) {
      expect(await boundaryErrors(file, aliased, "no-restricted-imports")).toHaveLength(1);
    }
  });

  it("routes may import from anywhere below them", async () => {
    const code = [
      'import { SessionPage } from "@/components/booking/session-page";',
      'import { sessionView } from "@/server/scheduling/session-view";',
      'import { formatWhen } from "@/lib/time/format";',
      "export const probe = [SessionPage, sessionView, formatWhen];",
    ].join("\n");
    expect(await boundaryErrors("src/app/portal/probe.tsx", code)).toEqual([]);
  });
});
