/**
 * Configuration read once at start-up: anything missing, weak or unsafe for a real installation
 * fails loudly and early with a message that says what to set.
 */
import { z } from "zod";

/** The secret `npm run demo` uses; published in the README, so never good enough for real data. */
export const DEMO_SESSION_SECRET = "demo-only-session-secret-change-me-for-real-use";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** "Riverside Rota <rota@example.org>" or "rota@example.org": a display name is optional, an address is not. */
export function emailAddressOf(from: string): string | null {
  const match = /^\s*(?:"?([^"<>]*)"?\s*)?<([^<>\s]+)>\s*$/.exec(from) ?? /^\s*()([^<>\s]+)\s*$/.exec(from);
  const address = match?.[2];
  return address && z.email().safeParse(address).success ? address : null;
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** "demo" for `npm run demo`: its published secret and a localhost address are allowed. */
    APP_MODE: z.enum(["demo"]).optional(),
    DATABASE_URL: z.string().min(1).default("file:./prisma/data.db"),
    /** Required by the web server (see sessionSecret); command-line tools do not need it. */
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters long (see README)").optional(),
    /** Public address of the app, used in every link in emails and calendar feeds. */
    APP_URL: z.string().url("APP_URL must be the app's public address, like https://rota.example.org").optional(),
    /** e.g. smtp://user:pass@smtp.example.org:587 ; without it, emails stay in the in-app outbox. */
    SMTP_URL: z.string().url("SMTP_URL must be a URL such as smtp://user:password@smtp.example.org:587").optional(),
    /** The From address, e.g. "Riverside Rota <rota@example.org>". Needed with SMTP_URL. */
    EMAIL_FROM: z
      .string()
      .optional()
      .refine((from) => from === undefined || emailAddressOf(from) !== null, {
        message: "EMAIL_FROM must be an email address, optionally with a name: Riverside Rota <rota@example.org>",
      }),
  })
  .superRefine((e, ctx) => {
    if (e.SMTP_URL && !e.EMAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["EMAIL_FROM"], message: "EMAIL_FROM must be set when SMTP_URL is (the address emails come from)" });
    }
    const real = e.NODE_ENV === "production" && e.APP_MODE !== "demo";
    // Links in emails must point at the real address, not at whoever sent a request.
    if ((real || e.SMTP_URL) && !e.APP_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "APP_URL must be set to the app's public address, like https://rota.example.org: every link in emails and calendars is built from it" });
    }
    if (real && e.APP_URL) {
      const url = new URL(e.APP_URL);
      if (url.protocol !== "https:" && !LOCAL_HOSTS.has(url.hostname)) {
        ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "APP_URL must start with https:// (sign-in cookies are only kept secure over https)" });
      }
    }
    if (real && e.SESSION_SECRET === DEMO_SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "SESSION_SECRET is the demo's published secret: set your own, e.g. with openssl rand -hex 32" });
    }
    if (e.SESSION_SECRET && new Set(e.SESSION_SECRET).size < 8) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "SESSION_SECRET is too simple: use a random string, e.g. from openssl rand -hex 32" });
    }
  })
  .transform((e) => ({ ...e, APP_URL: (e.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "") }));

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable is an unset one.
  const result = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Configuration is not valid:\n${problems.join("\n")}`);
  }
  cached = result.data;
  return cached;
}

export function sessionSecret(): string {
  const secret = env().SESSION_SECRET;
  if (!secret) throw new Error("SESSION_SECRET is not set: set it to a random string of at least 32 characters (see README)");
  return secret;
}

/** An absolute link to a path of the app, always from APP_URL. */
export function appLink(path: string): string {
  return `${env().APP_URL}${path}`;
}
