import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSchemaFor, PUBLISHED_SCHEMAS } from "../src/cli/schemas.js";

describe("published JSON Schemas", () => {
  for (const name of Object.keys(PUBLISHED_SCHEMAS)) {
    it(`docs/schema/${name}.json matches the zod source (regenerate: npm run schemas)`, () => {
      const onDisk = readFileSync(join(import.meta.dirname, "..", "docs", "schema", `${name}.json`), "utf8");
      expect(onDisk).toBe(jsonSchemaFor(name));
    });
  }
});
