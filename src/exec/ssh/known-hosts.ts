// OpenSSH known_hosts checking: plain and hashed (|1|salt|hmac) host names, [host]:port for
// other ports, wildcards and negation, @revoked. (@cert-authority lines are ignored.)
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

interface Entry {
  marker: "" | "@revoked" | "@cert-authority";
  patterns: string[];
  keyType: string;
  blob: Buffer;
}

export type HostKeyVerdict =
  { ok: true } | { ok: false; kind: "unknown" | "mismatch" | "revoked"; detail: string };

/** The name OpenSSH looks up: `host`, or `[host]:port` when the port is not 22. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `SHA256:<base64>` as `ssh-keygen -l` prints it. */
export function fingerprint(blob: Buffer): string {
  return "SHA256:" + createHash("sha256").update(blob).digest("base64").replace(/=+$/, "");
}

/** The key type named inside an SSH public key blob (e.g. ssh-ed25519). */
export function blobKeyType(blob: Buffer): string {
  if (blob.length < 4) return "unknown";
  const n = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + n).toString("latin1");
}

export function parseKnownHosts(text: string): Entry[] {
  const out: Entry[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const f = line.split(/\s+/);
    let marker: Entry["marker"] = "";
    if (f[0] === "@revoked" || f[0] === "@cert-authority") marker = f.shift() as Entry["marker"];
    if (f.length < 3) continue;
    out.push({
      marker,
      patterns: f[0]!.split(","),
      keyType: f[1]!,
      blob: Buffer.from(f[2]!, "base64"),
    });
  }
  return out;
}

function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`, "i").test(name);
}

function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith("|1|")) {
    const [, , salt, hash] = pattern.split("|");
    if (!salt || !hash) return false;
    const h = createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64");
    return h === hash;
  }
  return globMatch(pattern, name);
}

/** OpenSSH semantics: some pattern matches and no negated pattern does. */
function entryMatches(e: Entry, name: string): boolean {
  let hit = false;
  for (const p of e.patterns) {
    if (p.startsWith("!")) {
      if (patternMatches(p.slice(1), name)) return false;
    } else if (patternMatches(p, name)) hit = true;
  }
  return hit;
}

export class KnownHosts {
  private constructor(
    private readonly entries: Entry[],
    readonly file: string,
  ) {}

  static load(file: string): KnownHosts {
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    return new KnownHosts(parseKnownHosts(text), file);
  }

  /** Key types recorded for this host (to offer them first, as OpenSSH does). */
  keyTypes(host: string, port: number): string[] {
    const name = knownHostsName(host, port);
    return [...new Set(this.entries.filter((e) => !e.marker && entryMatches(e, name)).map((e) => e.keyType))];
  }

  verify(host: string, port: number, blob: Buffer): HostKeyVerdict {
    const name = knownHostsName(host, port);
    if (this.entries.some((e) => e.marker === "@revoked" && e.blob.equals(blob)))
      return {
        ok: false,
        kind: "revoked",
        detail: `the host key of ${name} is marked @revoked in ${this.file}`,
      };
    const mine = this.entries.filter((e) => !e.marker && entryMatches(e, name));
    if (mine.some((e) => e.blob.equals(blob))) return { ok: true };
    const type = blobKeyType(blob);
    if (mine.some((e) => e.keyType === type))
      return {
        ok: false,
        kind: "mismatch",
        detail:
          `HOST KEY CHANGED: ${name} presented ${type} ${fingerprint(blob)}, which differs from the key ` +
          `recorded in ${this.file}; if the host was reinstalled, remove the old line (ssh-keygen -R '${name}')`,
      };
    return {
      ok: false,
      kind: "unknown",
      detail:
        `unknown host key: ${name} (${type} ${fingerprint(blob)}) is not in ${this.file}` +
        (mine.length ? ` (only ${mine.map((e) => e.keyType).join(", ")} keys are recorded)` : "") +
        `; verify the fingerprint, then add it, e.g. ssh-keyscan -p ${port} ${host} >> ${this.file}`,
    };
  }
}
