// Host specs: `--eda ssh://user@host:port[/workdir][?slots=4&mode=legacy&sessions=10]` on the
// command line, or host entries in the run config (YAML). See docs/ssh.md.
import { existsSync } from "node:fs";
import { homedir, userInfo } from "node:os";
import { join } from "node:path";
import { z } from "zod";

export const DEFAULT_REMOTE_COMMAND = "llm4cov eda serve --stdio";

/** One host entry of the run config (YAML); `url` may carry what the other fields say. */
export const SshHostConfig = z.object({
  url: z.string().optional().describe("ssh://user@host:port[/workdir][?slots=N&mode=legacy]"),
  host: z.string().optional(),
  port: z.number().int().positive().optional(),
  user: z.string().optional(),
  key: z
    .string()
    .optional()
    .describe("private key file (default: ~/.ssh/id_ed25519, id_ecdsa, id_rsa, agent)"),
  knownHosts: z
    .string()
    .optional()
    .describe("known_hosts file (default ~/.ssh/known_hosts); 'none' disables"),
  slots: z.number().int().positive().optional().describe("concurrent jobs on this host (default 2)"),
  remoteCommand: z.string().optional().describe(`starts the server (default: ${DEFAULT_REMOTE_COMMAND})`),
  workDir: z.string().optional().describe("remote work directory (default: $TMPDIR/llm4cov-<uid>)"),
  mode: z.enum(["stdio", "legacy"]).optional().describe("legacy: a get_cov_result-style CLI"),
  maxSessions: z.number().int().positive().optional().describe("channels per connection (sshd MaxSessions)"),
});
export type SshHostConfig = z.infer<typeof SshHostConfig>;

/** The `eda:` section of a run config: `hosts` as URLs or objects, plus shared defaults. */
export const EdaConfig = z.object({
  hosts: z.array(z.union([z.string(), SshHostConfig])).default([]),
  sshKey: z.string().optional(),
  knownHosts: z.string().optional(),
  remoteCommand: z.string().optional(),
});
export type EdaConfig = z.infer<typeof EdaConfig>;

export interface SshHostSpec {
  /** user@host:port, used in messages and stats. */
  label: string;
  host: string;
  port: number;
  user: string;
  /** Private key file; null: the defaults, then the agent. */
  key: string | null;
  /** known_hosts file; null disables host key checking (not recommended). */
  knownHosts: string | null;
  slots: number;
  remoteCommand: string;
  /** Remote work directory; null: `${TMPDIR:-/tmp}/llm4cov-$(id -u)` on the host. */
  workDir: string | null;
  mode: "stdio" | "legacy";
  maxSessions: number;
}

/** Options shared by all hosts (the CLI's --ssh-key, --known-hosts, --remote-command). */
export interface SshDefaults {
  key?: string;
  knownHosts?: string;
  remoteCommand?: string;
  slots?: number;
}

export class SpecError extends Error {}

const expandHome = (p: string) =>
  p === "~" ? homedir() : p.startsWith("~/") ? join(homedir(), p.slice(2)) : p;

function defaultUser(): string {
  try {
    return process.env.USER ?? userInfo().username;
  } catch {
    return "root";
  }
}

/** Parses `ssh://[user@]host[:port][/workdir][?slots=N&mode=legacy&sessions=N]` (or `ssh+legacy://`). */
export function parseSshUrl(url: string): SshHostConfig {
  const m = /^(ssh|ssh\+legacy):\/\//.exec(url);
  if (!m) throw new SpecError(`not an ssh:// host spec: ${url}`);
  let u: URL;
  try {
    u = new URL(url.replace(/^ssh\+legacy:/, "ssh:"));
  } catch {
    throw new SpecError(`cannot parse host spec ${url}`);
  }
  if (!u.hostname) throw new SpecError(`host spec ${url} has no host`);
  const out: SshHostConfig = { host: u.hostname.replace(/^\[(.*)\]$/, "$1") };
  if (u.username) out.user = decodeURIComponent(u.username);
  if (u.password) throw new SpecError(`host spec ${url}: passwords are not supported; use a key`);
  if (u.port) out.port = Number(u.port);
  if (u.pathname && u.pathname !== "/") out.workDir = decodeURIComponent(u.pathname).replace(/^\/~\//, "~/");
  if (m[1] === "ssh+legacy") out.mode = "legacy";
  for (const [k, v] of u.searchParams) {
    const int = () => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0)
        throw new SpecError(`host spec ${url}: ${k} must be a positive integer`);
      return n;
    };
    if (k === "slots") out.slots = int();
    else if (k === "sessions" || k === "maxSessions") out.maxSessions = int();
    else if (k === "mode") out.mode = SshHostConfig.shape.mode.unwrap().parse(v);
    else if (k === "key") out.key = v;
    else if (k === "knownHosts" || k === "known_hosts") out.knownHosts = v;
    else if (k === "command" || k === "remoteCommand") out.remoteCommand = v;
    else throw new SpecError(`host spec ${url}: unknown parameter ${k}`);
  }
  return out;
}

/** Resolves one host (URL or config object) against the shared defaults. */
export function resolveHost(entry: string | SshHostConfig, defaults: SshDefaults = {}): SshHostSpec {
  const cfg = typeof entry === "string" ? parseSshUrl(entry) : SshHostConfig.parse(entry);
  const fromUrl = cfg.url ? parseSshUrl(cfg.url) : {};
  const c: SshHostConfig = { ...fromUrl, ...stripUndefined(cfg) };
  if (!c.host) throw new SpecError(`host entry needs host or url: ${JSON.stringify(entry)}`);
  const mode = c.mode ?? "stdio";
  const remoteCommand = c.remoteCommand ?? defaults.remoteCommand;
  if (mode === "legacy" && !remoteCommand)
    throw new SpecError(
      `legacy host ${c.host} needs a remote command (--remote-command "<get_cov_result cli>")`,
    );
  const knownHosts = c.knownHosts ?? defaults.knownHosts ?? join(homedir(), ".ssh", "known_hosts");
  const port = c.port ?? 22;
  const key = c.key ?? defaults.key;
  const user = c.user ?? defaultUser();
  return {
    label: `${user}@${c.host}:${port}`,
    host: c.host,
    port,
    user,
    key: key ? expandHome(key) : null,
    knownHosts: knownHosts === "none" || knownHosts === "off" ? null : expandHome(knownHosts),
    slots: c.slots ?? defaults.slots ?? 2,
    remoteCommand: remoteCommand ?? DEFAULT_REMOTE_COMMAND,
    workDir: c.workDir ?? null,
    mode,
    maxSessions: c.maxSessions ?? 10,
  };
}

/** `--eda` values: `local` or ssh URLs. Returns the SSH hosts; `local` alone means none. */
export function parseEdaSpecs(specs: string[], defaults: SshDefaults = {}): SshHostSpec[] {
  const hosts: SshHostSpec[] = [];
  let local = false;
  for (const s of specs) {
    if (s === "local") local = true;
    else hosts.push(resolveHost(s, defaults));
  }
  if (local && hosts.length)
    throw new SpecError("--eda local cannot be combined with ssh:// hosts; list only remote hosts");
  return checkDuplicates(hosts);
}

function checkDuplicates(hosts: SshHostSpec[]): SshHostSpec[] {
  const seen = new Set<string>();
  for (const h of hosts) {
    if (seen.has(h.label)) throw new SpecError(`host ${h.label} is listed twice; raise its slots instead`);
    seen.add(h.label);
  }
  return hosts;
}

/** Hosts from the run config's `eda:` section, with CLI defaults overriding the section's. */
export function hostsFromConfig(section: unknown, defaults: SshDefaults = {}): SshHostSpec[] {
  const eda = EdaConfig.parse(section ?? {});
  const merged: SshDefaults = {
    key: defaults.key ?? eda.sshKey,
    knownHosts: defaults.knownHosts ?? eda.knownHosts,
    remoteCommand: defaults.remoteCommand ?? eda.remoteCommand,
    slots: defaults.slots,
  };
  return checkDuplicates(eda.hosts.map((h) => resolveHost(h, merged)));
}

/** The key files tried when none is given, in OpenSSH's order. */
export function defaultKeyFiles(): string[] {
  return ["id_ed25519", "id_ecdsa", "id_rsa"]
    .map((f) => join(homedir(), ".ssh", f))
    .filter((f) => existsSync(f));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
