// Readiness of an OpenAI-compatible server: GET <base_url>/models answering 2xx. Refused
// connections and 502/503/504 mean "still loading"; the process exiting means it failed.
import { z } from "zod";
import type { ServerProcess } from "./process.js";

const ModelList = z.object({ data: z.array(z.object({ id: z.string() })) });

const LOADING = new Set([502, 503, 504]);

export class NotReadyError extends Error {
  override name = "NotReadyError";
}

type Probe = { kind: "down" } | { kind: "loading"; status: number } | { kind: "up"; models: string[] };

/** One GET /models; network errors (refused, reset, timeout) are "down", never thrown. */
export async function probeModels(baseUrl: string, apiKey: string | null, timeoutMs: number): Promise<Probe> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/models`, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: "down" };
  }
  const body = await res.text().catch(() => "");
  if (LOADING.has(res.status)) return { kind: "loading", status: res.status };
  if (!res.ok)
    throw new NotReadyError(`GET ${baseUrl}/models answered HTTP ${res.status}: ${body.slice(0, 200)}`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new NotReadyError(`GET ${baseUrl}/models answered 2xx but not JSON: ${body.slice(0, 200)}`);
  }
  const list = ModelList.safeParse(json);
  if (!list.success) throw new NotReadyError(`GET ${baseUrl}/models: no model list ({data: [{id}]})`);
  return { kind: "up", models: list.data.data.map((m) => m.id) };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((res) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      res();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/** Waits until the server answers; returns the models it lists. */
export async function waitReady(opts: {
  baseUrl: string;
  apiKey: string | null;
  proc: ServerProcess;
  timeoutMs: number;
  pollMs?: number;
  signal?: AbortSignal;
}): Promise<string[]> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = "no answer";
  for (;;) {
    if (opts.signal?.aborted) throw new NotReadyError("interrupted while waiting for the server");
    const exit = opts.proc.exit;
    if (exit) {
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      throw new NotReadyError(`server ${how} before it was ready`);
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new NotReadyError(`not ready after ${opts.timeoutMs / 1000} s (last: ${last})`);
    const p = await probeModels(opts.baseUrl, opts.apiKey, Math.min(5000, Math.max(200, left)));
    if (p.kind === "up") return p.models;
    last = p.kind === "down" ? "connection failed" : `HTTP ${p.status}`;
    // Whichever comes first: the poll interval, the process exiting, or an interrupt.
    await Promise.race([sleep(opts.pollMs ?? 250, opts.signal), opts.proc.exited]);
  }
}
