/** Configuration read once at start-up: a missing or weak secret fails loudly and early. */
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./prisma/data.db"),
  SESSION_SECRET: z
    .string({ error: "SESSION_SECRET is not set: set it to a long random string (see README)" })
    .min(32, "SESSION_SECRET must be at least 32 characters long (see README)"),
  /** Public address of the app, used in links in emails and calendar feeds. */
  APP_URL: z.string().url().default("http://localhost:3000"),
});

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
