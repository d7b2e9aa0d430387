/**
 * Check the configuration before starting (`npm start` runs this first): says clearly what is
 * missing or unsafe, and exits 1, instead of failing later or starting insecurely.
 */
import { env, sessionSecret } from "~/env.server";

try {
  env();
  if (process.env.NODE_ENV === "production") sessionSecret();
  console.log("Configuration checked.");
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
