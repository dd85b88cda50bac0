// `llm4cov eda check` for remote hosts: reachability, the server's tools and slots per host.
import type { HostState } from "./host.js";
import { SshHost, type HostOptions } from "./host.js";
import type { SshHostSpec } from "./spec.js";

export interface HostCheck {
  host: string;
  mode: "stdio" | "legacy";
  ok: boolean;
  state: HostState;
  /** Server name and protocol from its hello (legacy: "legacy", null). */
  server: string | null;
  protocol: number | null;
  /** Tool versions from the hello (null: missing on the host). */
  simulators: Record<string, string | null>;
  /** Slots we use on the host, and what the server reports. */
  slots: number;
  serverSlots: number | null;
  connectMs: number;
  /** Why the host is unusable or degraded (auth, host key, missing command or simulator). */
  problems: string[];
  errorKind: string | null;
}

/** Connects to each host (in parallel), reads its hello, disconnects. Never throws. */
export async function checkHosts(hosts: SshHostSpec[], opts: HostOptions = {}): Promise<HostCheck[]> {
  return Promise.all(
    hosts.map(async (spec) => {
      const host = new SshHost(spec, opts);
      const t0 = performance.now();
      await host.connect();
      const connectMs = Math.round(performance.now() - t0);
      const info = host.info;
      const problems: string[] = [];
      if (!host.ready && host.lastError) problems.push(host.lastError.message);
      if (info && info.server !== "legacy")
        for (const [tool, version] of Object.entries(info.simulators))
          if (version === null) problems.push(`${tool} is missing on the host`);
      const check: HostCheck = {
        host: spec.label,
        mode: spec.mode,
        ok: host.ready && (info?.server === "legacy" || info?.simulators.verilator != null),
        state: host.state,
        server: info?.server ?? null,
        protocol: info?.protocol ?? null,
        simulators: info?.simulators ?? {},
        slots: spec.slots,
        serverSlots: info?.slots ?? null,
        connectMs,
        problems,
        errorKind: host.ready ? null : (host.lastError?.name ?? null),
      };
      await host.close();
      return check;
    }),
  );
}

/** One line per host, for the terminal. */
export function formatHostChecks(checks: HostCheck[]): string {
  return checks
    .map((c) => {
      const tools = Object.entries(c.simulators)
        .map(([t, v]) => `${t} ${v ?? "MISSING"}`)
        .join(", ");
      const head = `${c.ok ? "ok  " : "FAIL"} ${c.host} (${c.mode})`;
      const body = c.server ? ` ${c.server} protocol ${c.protocol ?? "-"}; ${tools}; slots ${c.slots}` : "";
      const tail = c.problems.length ? `\n     ${c.problems.join("\n     ")}` : "";
      return `${head}${body}; ${c.connectMs} ms${tail}`;
    })
    .join("\n");
}
