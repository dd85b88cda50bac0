// `llm4cov eda serve --stdio`: the EDA server a host runs. Reads ClientMessages (JSON lines) on
// one stream, writes ServerMessages on another; stdout carries protocol only, logs go to stderr.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { availableParallelism } from "node:os";
import PQueue from "p-queue";
import { z } from "zod";
import { PROTOCOL_VERSION } from "../core/protocol.js";
import { BlobStore } from "../eda/blob-store.js";
import { evaluate, getSimulator, MissingBlobsError } from "../eda/evaluate.js";
import { ClientMessage, type ServerMessage } from "./stdio-protocol.js";

export interface StdioServerOptions {
  input: Readable;
  output: Writable;
  slots?: number;
  workRoot?: string;
  blobBytes?: number;
  log?: (line: string) => void;
}

async function toolVersion(name: string): Promise<string | null> {
  try {
    return await getSimulator(name).version();
  } catch {
    return null;
  }
}

/** Serves until the input ends or a shutdown message arrives; resolves when all jobs finished. */
export async function serveStdio(opts: StdioServerOptions): Promise<void> {
  const slots = opts.slots ?? availableParallelism();
  const queue = new PQueue({ concurrency: slots });
  const blobs = new BlobStore(opts.blobBytes);
  const running = new Map<string, AbortController>();
  const send = (msg: ServerMessage) => opts.output.write(JSON.stringify(msg) + "\n");
  const log = opts.log ?? (() => undefined);

  send({
    type: "hello",
    protocol: PROTOCOL_VERSION,
    server: "llm4cov",
    simulators: { verilator: await toolVersion("verilator"), icarus: await toolVersion("icarus") },
    slots,
  });

  const lines = createInterface({ input: opts.input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let msg: ClientMessage;
    try {
      msg = ClientMessage.parse(JSON.parse(line));
    } catch (err) {
      const id = safeId(line);
      const message =
        err instanceof z.ZodError
          ? `invalid message: ${z.prettifyError(err)}`
          : `invalid JSON: ${(err as Error).message}`;
      send({ type: "error", id, message });
      continue;
    }
    if (msg.type === "shutdown") break;
    if (msg.type === "hello") continue;
    if (msg.type === "put") {
      for (const b of msg.blobs) {
        try {
          blobs.put(b.content, b.sha256);
        } catch (err) {
          // Not stored: a job naming this hash gets "need" and the client sends the real file.
          send({ type: "error", message: `put refused: ${(err as Error).message}` });
        }
      }
      continue;
    }
    if (msg.type === "cancel") {
      running.get(msg.id)?.abort();
      continue;
    }
    const { id, request } = msg;
    const controller = new AbortController();
    running.set(id, controller);
    void queue
      .add(async () => {
        try {
          const result = await evaluate(
            { ...request, id },
            { workRoot: opts.workRoot, blobs, signal: controller.signal },
          );
          send({ type: "result", id, result });
        } catch (err) {
          if (err instanceof MissingBlobsError) send({ type: "need", id, sha256: err.hashes });
          else send({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
        } finally {
          running.delete(id);
        }
      })
      .catch((err) => log(`job ${id} failed: ${String(err)}`));
  }
  await queue.onIdle();
}

function safeId(line: string): string | undefined {
  try {
    const v = JSON.parse(line) as { id?: unknown };
    return typeof v.id === "string" ? v.id : undefined;
  } catch {
    return undefined;
  }
}
