// JSON Schema text from a zod source, for docs/ and for users' editors. Which schemas are
// published is decided at the top (src/cli/schemas.ts), since they come from every layer.
import { z } from "zod";

export function jsonSchemaText(name: string, schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return (
    JSON.stringify({ $id: `https://llm4cov.dev/schema/${name}.json`, title: name, ...json }, null, 2) + "\n"
  );
}
