// Writes docs/schema/*.json from the zod sources. `--check` exits 1 when a file is stale.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jsonSchemaFor, PUBLISHED_SCHEMAS } from "../src/cli/schemas.js";

const dir = join(import.meta.dirname, "..", "docs", "schema");
const check = process.argv.includes("--check");
let stale = 0;
for (const name of Object.keys(PUBLISHED_SCHEMAS)) {
  const path = join(dir, `${name}.json`);
  const text = jsonSchemaFor(name);
  const current = await readFile(path, "utf8").catch(() => "");
  if (current === text) continue;
  if (check) {
    console.error(`stale: ${path}`);
    stale++;
  } else await writeFile(path, text);
}
process.exitCode = stale ? 1 : 0;
