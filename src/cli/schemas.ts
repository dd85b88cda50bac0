// The JSON Schemas published under docs/schema/ (scripts/gen-schemas.ts writes them, a test
// checks they are current). Collected here, at the top, because they come from every layer.
import type { z } from "zod";
import { NativeRow } from "../core/repository.js";
import { SimRequest, SimResult } from "../core/protocol.js";
import { jsonSchemaText } from "../core/schemas.js";
import { ClientMessage, ServerMessage } from "../exec/stdio-protocol.js";
import { ServeEvalPlanInput } from "../serve/plan.js";

export const PUBLISHED_SCHEMAS: Record<string, z.ZodType> = {
  "sim-request": SimRequest,
  "sim-result": SimResult,
  "protocol-client-message": ClientMessage,
  "protocol-server-message": ServerMessage,
  "dataset-row": NativeRow,
  "serve-eval-plan": ServeEvalPlanInput,
};

export function jsonSchemaFor(name: string): string {
  const schema = PUBLISHED_SCHEMAS[name];
  if (!schema) throw new Error(`unknown schema ${name}`);
  return jsonSchemaText(name, schema);
}
