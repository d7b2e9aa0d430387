import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Our machines cannot download Prisma's native engines, so the CLI runs the bundled
// WebAssembly schema engine through the better-sqlite3 driver adapter (see README).

// The wasm schema engine replays migrations into its shadow database (":memory:") with
// executeRaw, which better-sqlite3 limits to one statement; send multi-statement scripts
// through executeScript instead. Without this, `prisma migrate dev` fails with P3006.
function withScriptAwareShadow(factory: PrismaBetterSQLite3) {
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) =>
      query.args.length === 0 && /;\s*\S/.test(query.sql)
        ? (await shadow.executeScript(query.sql), 0)
        : executeRaw(query);
    return shadow;
  };
  return factory;
}

// The schema's `url = env("DATABASE_URL")` must resolve even for `prisma generate`: when it
// does not, Prisma cannot read the generator's engineType, falls back to the native query
// engine and tries (and fails) to download it.
process.env.DATABASE_URL ??= "file:./prisma/data.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return withScriptAwareShadow(
      new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
    );
  },
});
