/** Configuration read once at start-up: a missing or weak secret fails loudly and early. */
import { z } from "zod";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().min(1).default("file:./prisma/data.db"),
    /** Required by the web server (see sessionSecret); command-line tools do not need it. */
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters long (see README)").optional(),
    /** Public address of the app, used in links in emails and calendar feeds. */
    APP_URL: z.string().url().default("http://localhost:3000"),
    /** e.g. smtp://user:pass@smtp.example.org:587 ; without it, emails stay in the in-app outbox. */
    SMTP_URL: z.string().url("SMTP_URL must be a URL such as smtp://user:password@smtp.example.org:587").optional(),
    /** The From address, e.g. "Riverside Rota <rota@example.org>". Needed with SMTP_URL. */
    EMAIL_FROM: z.string().min(3).optional(),
  })
  .refine((e) => !e.SMTP_URL || e.EMAIL_FROM, { path: ["EMAIL_FROM"], message: "EMAIL_FROM must be set when SMTP_URL is (the address emails come from)" });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
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
