// Where the queue lives: `redis://[user:pass@]host:port[/db][?queue=sim&prefix=llm4cov]` or
// `rediss://` (TLS, with CA / client certificate files), from --eda/--queue or the run config's
// `eda: { queue: ... }`. Passwords never reach a message: every label is the redacted URL.
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import type { RedisOptions } from "ioredis";
import { z } from "zod";

export const DEFAULT_QUEUE = "sim";
export const DEFAULT_PREFIX = "llm4cov";

/** The run config's `eda: { queue: ... }`: a URL, or an object with the URL and TLS files. */
export const QueueConfig = z.union([
  z.string(),
  z.object({
    url: z.string().describe("redis://[user:pass@]host:port[/db] or rediss://..."),
    name: z.string().optional().describe(`queue name (default ${DEFAULT_QUEUE})`),
    prefix: z.string().optional().describe(`key prefix (default ${DEFAULT_PREFIX})`),
    passwordEnv: z.string().optional().describe("environment variable holding the password"),
    ca: z.string().optional().describe("CA certificate file (PEM) for rediss://"),
    cert: z.string().optional().describe("client certificate file (PEM) for rediss://"),
    key: z.string().optional().describe("client key file (PEM) for rediss://"),
    queueTimeoutMs: z.number().int().positive().optional().describe("no worker alive this long: infra_error"),
  }),
]);
export type QueueConfig = z.infer<typeof QueueConfig>;

/** TLS files and a password source given apart from the URL (CLI flags). */
export interface QueueTlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
  passwordEnv?: string;
}

export interface QueueSpec {
  /** The redacted URL: safe for messages, logs and status output. */
  label: string;
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  files: QueueTlsFiles;
  queue: string;
  prefix: string;
}

export class QueueSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueueSpecError";
  }
}

export const isQueueUrl = (s: string): boolean => /^rediss?:\/\//i.test(s);

/** The URL with its password replaced by ***; also for URLs that do not parse. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
  }
}

/** Replaces every occurrence of the spec's password (raw or URL-encoded) in a message. */
export function redactText(text: string, spec?: { password?: string }): string {
  const pw = spec?.password;
  if (!pw) return text;
  let out = text.split(pw).join("***");
  const enc = encodeURIComponent(pw);
  if (enc !== pw) out = out.split(enc).join("***");
  return out;
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export function parseQueueUrl(url: string, files: QueueTlsFiles = {}, env = process.env): QueueSpec {
  const shown = redactUrl(url);
  if (!isQueueUrl(url)) throw new QueueSpecError(`not a redis:// or rediss:// URL: ${shown}`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QueueSpecError(`cannot parse queue URL ${shown}`);
  }
  if (!u.hostname) throw new QueueSpecError(`queue URL ${shown} has no host`);
  const port = u.port ? Number(u.port) : 6379;
  const dbText = u.pathname.replace(/^\//, "") || "0";
  if (!/^\d{1,2}$/.test(dbText))
    throw new QueueSpecError(`queue URL ${shown}: the database must be a number`);
  const spec: QueueSpec = {
    label: shown,
    host: u.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    db: Number(dbText),
    tls: u.protocol === "rediss:",
    files: { ...files },
    queue: DEFAULT_QUEUE,
    prefix: DEFAULT_PREFIX,
  };
  if (u.username) spec.username = decodeURIComponent(u.username);
  if (u.password) spec.password = decodeURIComponent(u.password);
  for (const [k, v] of u.searchParams) {
    if (k === "queue" || k === "prefix") {
      if (!NAME.test(v)) throw new QueueSpecError(`queue URL ${shown}: ${k} must match ${NAME.source}`);
      spec[k] = v;
    } else if (k === "ca" || k === "cert" || k === "key") spec.files[k] ??= v;
    else if (k === "passwordEnv" || k === "password_env") spec.files.passwordEnv ??= v;
    else throw new QueueSpecError(`queue URL ${shown}: unknown parameter ${k}`);
  }
  const envName = spec.files.passwordEnv;
  if (envName) {
    const pw = env[envName];
    if (!pw) throw new QueueSpecError(`queue URL ${shown}: environment variable ${envName} is not set`);
    spec.password = pw;
  }
  if (!spec.tls && (spec.files.ca || spec.files.cert || spec.files.key))
    throw new QueueSpecError(`queue URL ${shown}: CA/certificate files need rediss:// (TLS)`);
  return spec;
}

/** The spec named by a run config's `eda.queue`, with CLI files taking precedence. */
export function queueFromConfig(
  entry: unknown,
  files: QueueTlsFiles = {},
): QueueSpec & { queueTimeoutMs?: number } {
  const cfg = QueueConfig.parse(entry);
  if (typeof cfg === "string") return parseQueueUrl(cfg, files);
  const spec = parseQueueUrl(cfg.url, {
    ca: files.ca ?? cfg.ca,
    cert: files.cert ?? cfg.cert,
    key: files.key ?? cfg.key,
    passwordEnv: files.passwordEnv ?? cfg.passwordEnv,
  });
  if (cfg.name) spec.queue = cfg.name;
  if (cfg.prefix) spec.prefix = cfg.prefix;
  return { ...spec, queueTimeoutMs: cfg.queueTimeoutMs };
}

function readPem(what: string, file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (err) {
    throw new QueueSpecError(
      `cannot read the ${what} file ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
}

/** ioredis options for this spec. Commands wait through reconnects (the callers bound the wait). */
export function redisOptions(spec: QueueSpec, extra: RedisOptions = {}): RedisOptions {
  const opts: RedisOptions = {
    host: spec.host,
    port: spec.port,
    db: spec.db,
    username: spec.username,
    password: spec.password,
    connectTimeout: 10_000,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    ...extra,
  };
  if (spec.tls)
    opts.tls = {
      servername: isIP(spec.host) ? undefined : spec.host, // SNI takes names only (RFC 6066)
      ca: readPem("CA", spec.files.ca),
      cert: readPem("client certificate", spec.files.cert),
      key: readPem("client key", spec.files.key),
    };
  return opts;
}

/**
 * The queue named by `--eda` values or the run config's `eda:` section, if any. A queue is the
 * only place simulations run when named: it cannot be combined with ssh:// hosts or `local`.
 */
export function queueSpecFrom(
  eda: string[] | undefined,
  config: unknown,
  files: QueueTlsFiles = {},
): (QueueSpec & { queueTimeoutMs?: number }) | undefined {
  const urls = (eda ?? []).filter(isQueueUrl);
  if (urls.length) {
    if (urls.length > 1)
      throw new QueueSpecError("give one redis:// queue; workers join it, not the other way round");
    if (eda!.length > 1)
      throw new QueueSpecError(`--eda ${redactUrl(urls[0]!)} cannot be combined with other --eda values`);
    return parseQueueUrl(urls[0]!, files);
  }
  if (eda?.length) return undefined;
  const section = config as { queue?: unknown; hosts?: unknown[] } | undefined;
  if (!section || typeof section !== "object" || section.queue === undefined) return undefined;
  if (section.hosts?.length)
    throw new QueueSpecError("the eda: section names both a queue and hosts; keep one");
  return queueFromConfig(section.queue, files);
}
