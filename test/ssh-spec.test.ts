// Host specs, known_hosts checking, the tar writer and shell quoting (no sshd needed).
import { execFileSync } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeExecutor, resolveHosts } from "../src/exec/factory.js";
import { LocalExecutor } from "../src/exec/local.js";
import { classifySshError, SshAuthError, SshUnreachableError } from "../src/exec/ssh/errors.js";
import { fingerprint, KnownHosts, knownHostsName } from "../src/exec/ssh/known-hosts.js";
import { shq } from "../src/exec/ssh/remote-script.js";
import { DEFAULT_REMOTE_COMMAND, hostsFromConfig, parseEdaSpecs, SpecError } from "../src/exec/ssh/spec.js";
import { tarFiles } from "../src/exec/ssh/tar.js";

const keyBlob = (type: string, body: Buffer) => {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, body]);
};
const KEY_A = keyBlob("ssh-ed25519", randomBytes(36));
const KEY_B = keyBlob("ssh-ed25519", randomBytes(36));
const KEY_RSA = keyBlob("ssh-rsa", randomBytes(64));

function knownHosts(text: string): KnownHosts {
  const dir = mkdtempSync(join(tmpdir(), "llm4cov-kh-"));
  writeFileSync(join(dir, "known_hosts"), text);
  const kh = KnownHosts.load(join(dir, "known_hosts"));
  rmSync(dir, { recursive: true });
  return kh;
}
const line = (hosts: string, blob: Buffer) => `${hosts} ${blobType(blob)} ${blob.toString("base64")}\n`;
const blobType = (b: Buffer) => b.subarray(4, 4 + b.readUInt32BE(0)).toString();

describe("host specs", () => {
  it("parses ssh:// URLs with user, port, work dir and parameters", () => {
    const [h] = parseEdaSpecs(["ssh://alice@sim1.example:2222/scratch/llm4cov?slots=8&sessions=4"], {
      key: "/keys/id",
      knownHosts: "/keys/kh",
    });
    expect(h).toMatchObject({
      label: "alice@sim1.example:2222",
      host: "sim1.example",
      port: 2222,
      user: "alice",
      key: "/keys/id",
      knownHosts: "/keys/kh",
      slots: 8,
      maxSessions: 4,
      workDir: "/scratch/llm4cov",
      mode: "stdio",
      remoteCommand: DEFAULT_REMOTE_COMMAND,
    });
    const [l] = parseEdaSpecs(["ssh+legacy://bob@[::1]"], { remoteCommand: "python3 get_cov_result.py" });
    expect(l).toMatchObject({
      host: "::1",
      port: 22,
      mode: "legacy",
      remoteCommand: "python3 get_cov_result.py",
    });
    expect(parseEdaSpecs(["ssh://h/~/work"])[0]!.workDir).toBe("~/work");
  });

  it("rejects bad specs with a clear message", () => {
    expect(() => parseEdaSpecs(["http://x"])).toThrow(SpecError);
    expect(() => parseEdaSpecs(["ssh://u:pw@h"])).toThrow(/passwords are not supported/);
    expect(() => parseEdaSpecs(["ssh://h?slots=0"])).toThrow(/slots must be a positive integer/);
    expect(() => parseEdaSpecs(["ssh://h?colour=red"])).toThrow(/unknown parameter colour/);
    expect(() => parseEdaSpecs(["ssh+legacy://h"])).toThrow(/needs a remote command/);
    expect(() => parseEdaSpecs(["local", "ssh://h"])).toThrow(/cannot be combined/);
    expect(() => parseEdaSpecs(["ssh://u@h", "ssh://u@h:22"])).toThrow(/listed twice/);
    expect(parseEdaSpecs(["local"])).toEqual([]);
    expect(parseEdaSpecs(["ssh://h"], { knownHosts: "none" })[0]!.knownHosts).toBeNull();
  });

  it("reads hosts from the run config, CLI defaults winning", () => {
    const hosts = hostsFromConfig(
      {
        sshKey: "/cfg/key",
        remoteCommand: "/opt/llm4cov eda serve --stdio",
        hosts: [
          "ssh://a@h1",
          { host: "h2", user: "b", slots: 6, mode: "legacy", remoteCommand: "legacy-cov" },
        ],
      },
      { knownHosts: "/cli/kh" },
    );
    expect(hosts.map((h) => [h.label, h.key, h.knownHosts, h.slots, h.mode, h.remoteCommand])).toEqual([
      ["a@h1:22", "/cfg/key", "/cli/kh", 2, "stdio", "/opt/llm4cov eda serve --stdio"],
      ["b@h2:22", "/cfg/key", "/cli/kh", 6, "legacy", "legacy-cov"],
    ]);
    expect(resolveHosts({ eda: ["ssh://x@h3?slots=3"], config: { hosts: ["ssh://a@h1"] } })).toHaveLength(1);
  });

  it("makeExecutor returns the local pool when no host is given", async () => {
    const exec = await makeExecutor({ slots: 3 });
    expect(exec).toBeInstanceOf(LocalExecutor);
    expect(exec.stats().slots).toBe(3);
    await exec.close();
    expect(await makeExecutor({ eda: ["local"] })).toBeInstanceOf(LocalExecutor);
  });
});

describe("known_hosts", () => {
  it("accepts the recorded key, by plain name or [host]:port", () => {
    const kh = knownHosts(line("sim1,10.0.0.5", KEY_A) + line("[sim1]:2222", KEY_B));
    expect(kh.verify("sim1", 22, KEY_A)).toEqual({ ok: true });
    expect(kh.verify("10.0.0.5", 22, KEY_A)).toEqual({ ok: true });
    expect(kh.verify("sim1", 2222, KEY_B)).toEqual({ ok: true });
    expect(knownHostsName("sim1", 2222)).toBe("[sim1]:2222");
  });

  it("matches hashed names, wildcards and negations", () => {
    const salt = randomBytes(20);
    const hash = createHmac("sha1", salt).update("[sim2]:2200").digest("base64");
    const kh = knownHosts(
      line(`|1|${salt.toString("base64")}|${hash}`, KEY_A) + line("*.farm,!bad.farm", KEY_B),
    );
    expect(kh.verify("sim2", 2200, KEY_A).ok).toBe(true);
    expect(kh.verify("sim2", 22, KEY_A).ok).toBe(false);
    expect(kh.verify("n1.farm", 22, KEY_B).ok).toBe(true);
    expect(kh.verify("bad.farm", 22, KEY_B)).toMatchObject({ ok: false, kind: "unknown" });
  });

  it("tells unknown, changed and revoked keys apart", () => {
    const kh = knownHosts(line("sim1", KEY_A) + `@revoked * ssh-ed25519 ${KEY_B.toString("base64")}\n`);
    const unknown = kh.verify("sim9", 22, KEY_A);
    expect(unknown).toMatchObject({ ok: false, kind: "unknown" });
    expect(!unknown.ok && unknown.detail).toContain(fingerprint(KEY_A));
    expect(!unknown.ok && unknown.detail).toMatch(/ssh-keyscan -p 22 sim9/);
    const changed = kh.verify("sim1", 22, keyBlob("ssh-ed25519", randomBytes(36)));
    expect(changed).toMatchObject({ ok: false, kind: "mismatch" });
    expect(!changed.ok && changed.detail).toMatch(/HOST KEY CHANGED/);
    expect(kh.verify("sim1", 22, KEY_B)).toMatchObject({ ok: false, kind: "revoked" });
    // Only another key type recorded: unknown, and the message says which types are known.
    const other = kh.verify("sim1", 22, KEY_RSA);
    expect(other).toMatchObject({ ok: false, kind: "unknown" });
    expect(!other.ok && other.detail).toMatch(/only ssh-ed25519 keys are recorded/);
    expect(kh.keyTypes("sim1", 22)).toEqual(["ssh-ed25519"]);
  });

  it("classifies connection errors", () => {
    const auth = Object.assign(new Error("All configured authentication methods failed"), {
      level: "client-authentication",
    });
    expect(classifySshError("h", auth)).toBeInstanceOf(SshAuthError);
    expect(classifySshError("h", auth).permanent).toBe(true);
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(classifySshError("h", refused)).toBeInstanceOf(SshUnreachableError);
    expect(classifySshError("h", refused).permanent).toBe(false);
  });
});

describe("remote plumbing", () => {
  it("writes tar archives that tar extracts byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-tar-"));
    const long = `${"deep/".repeat(25)}file.sv`;
    const files = [
      { name: ".blobs/abc", content: "module m; endmodule\n" },
      { name: "tb/t b.sv", content: "no newline at end" },
      { name: long, content: "x".repeat(1025) },
      { name: "empty.sv", content: "" },
    ];
    execFileSync("tar", ["-xf", "-", "-C", dir], { input: tarFiles(files) });
    for (const f of files) expect(readFileSync(join(dir, f.name), "utf8")).toBe(f.content);
    rmSync(dir, { recursive: true });
  });

  it("quotes any string for sh", () => {
    for (const s of ["plain", "it's", "a b\tc", "$(rm -rf /)", '"; echo x', "'", ""])
      expect(execFileSync("sh", ["-c", `printf %s ${shq(s)}`], { encoding: "utf8" })).toBe(s);
  });
});
