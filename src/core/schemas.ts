// JSON Schemas generated from the zod sources, for docs/ and for users' editors.
import { z } from "zod";
import { NativeRow } from "./repository.js";
import { SimRequest, SimResult } from "./protocol.js";
import { ClientMessage, ServerMessage } from "../exec/stdio-protocol.js";

export const PUBLISHED_SCHEMAS: Record<string, z.ZodType> = {
  "sim-request": SimRequest,
  "sim-result": SimResult,
  "protocol-client-message": ClientMessage,
  "protocol-server-message": ServerMessage,
  "dataset-row": NativeRow,
};

export function jsonSchemaFor(name: string): string {
  const schema = PUBLISHED_SCHEMAS[name];
  if (!schema) throw new Error(`unknown schema ${name}`);
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return (
    JSON.stringify({ $id: `https://llm4cov.dev/schema/${name}.json`, title: name, ...json }, null, 2) + "\n"
  );
}
