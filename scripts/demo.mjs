/**
 * `npm run demo`: an embedded SQLite database with a believable centre in it, served on
 * PORT (default 3000). Safe to run again: demo data is only added to an empty database.
 */
import { build, migrate, run, serve } from "./run.mjs";

process.env.DATABASE_URL ??= "file:./prisma/demo.db";
// A fixed secret is fine for demo data on your own machine; `npm start` insists on a real one.
process.env.SESSION_SECRET ??= "demo-only-session-secret-change-me-for-real-use";
process.env.NODE_ENV = "production";
process.env.APP_MODE = "demo";
process.env.APP_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;

migrate();
run("node_modules/.bin/tsx", ["scripts/seed-demo.ts"]);
build({ ifStale: true });
console.log(`\nDemo running at http://localhost:${process.env.PORT ?? 3000} (sign-ins are in the README)\n`);
serve();
