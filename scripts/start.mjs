/** `npm start`: the production server on DATABASE_URL, with pending migrations applied first. */
import { build, migrate, serve } from "./run.mjs";

if (!process.env.SESSION_SECRET || process.env.SESSION_SECRET.length < 32) {
  console.error("SESSION_SECRET must be set to a random string of at least 32 characters (see README).");
  process.exit(1);
}
process.env.NODE_ENV = "production";
migrate();
build({ ifMissing: true });
serve();
