// Protocol v1 framing: JSON lines over a byte stream (stdin/stdout of `llm4cov eda serve --stdio`,
// or an SSH channel). Many jobs in flight, matched by id. See docs/protocol.md.
import { z } from "zod";
import { PROTOCOL_VERSION, SimRequest, SimResult } from "../core/protocol.js";

const Sha = z.string().regex(/^[0-9a-f]{64}$/);

export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), protocol: z.number().int() }),
  z.object({ type: z.literal("sim"), id: z.string().min(1), request: SimRequest }),
  z.object({ type: z.literal("put"), blobs: z.array(z.object({ sha256: Sha, content: z.string() })) }),
  z.object({ type: z.literal("cancel"), id: z.string().min(1) }),
  z.object({ type: z.literal("shutdown") }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hello"),
    protocol: z.literal(PROTOCOL_VERSION),
    server: z.string(),
    simulators: z.record(z.string(), z.string().nullable()),
    slots: z.number().int().positive(),
  }),
  z.object({ type: z.literal("result"), id: z.string(), result: SimResult }),
  z.object({ type: z.literal("need"), id: z.string(), sha256: z.array(Sha) }),
  z.object({ type: z.literal("error"), id: z.string().optional(), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
