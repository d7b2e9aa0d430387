/**
 * `npm start`: the production server on DATABASE_URL. Checks the configuration first (a real
 * secret, APP_URL over https, a valid EMAIL_FROM), applies pending migrations, works out stored
 * standing a migration left stale (scripts/refresh-standing.ts), then serves.
 */
import { build, migrate, run, serve } from "./run.mjs";

process.env.NODE_ENV = "production";
run("node_modules/.bin/tsx", ["scripts/check-config.ts"]);
migrate();
run("node_modules/.bin/tsx", ["scripts/refresh-standing.ts"]);
build({ ifMissing: true });
serve();
