// One quick connection attempt before the long-lived (ever-reconnecting) clients start, so a
// wrong password or an unreachable server is one clear line instead of an endless retry loop.
import { Redis } from "ioredis";
import { redactText, redisOptions, type QueueSpec } from "./spec.js";
import { NETWORK_ERROR_CODES } from "../network-codes.js";

export class QueueConnectError extends Error {
  constructor(
    message: string,
    /** auth: the server refused the credentials (a configuration error); unreachable: retry later. */
    readonly kind: "auth" | "unreachable" | "other",
  ) {
    super(message);
    this.name = "QueueConnectError";
  }
}

const TLS_CODES = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Maps an ioredis error to a one-line QueueConnectError naming the redacted URL. */
export function classifyRedisError(spec: QueueSpec, err: unknown): QueueConnectError {
  const e = err as Error & { code?: string };
  const msg = redactText(e?.message ?? String(err), spec).split("\n")[0]!;
  // Redis error replies start with an error code word (WRONGPASS, NOAUTH, NOPERM, ...).
  const code = /^[A-Z]+/.exec(msg)?.[0] ?? "";
  const who = spec.username ? `user '${spec.username}'` : "the default user";
  if (code === "WRONGPASS")
    return new QueueConnectError(
      `Redis at ${spec.label} refused the password for ${who} (WRONGPASS); check the URL's password or --redis-password-env`,
      "auth",
    );
  if (code === "NOAUTH")
    return new QueueConnectError(
      `Redis at ${spec.label} requires a password (NOAUTH); give it as redis://user:password@host:port or --redis-password-env`,
      "auth",
    );
  if (code === "NOPERM")
    return new QueueConnectError(
      `Redis at ${spec.label}: ${who} lacks a permission the queue needs (${msg}); see docs/queue.md for the ACL`,
      "auth",
    );
  if (e?.code && TLS_CODES.has(e.code))
    return new QueueConnectError(
      `Redis at ${spec.label}: the server's TLS certificate is not trusted (${e.code}); pass its CA with --redis-ca`,
      "auth",
    );
  if (e?.code && NETWORK_ERROR_CODES.has(e.code))
    return new QueueConnectError(`cannot reach Redis at ${spec.label} (${e.code})`, "unreachable");
  return new QueueConnectError(`cannot use Redis at ${spec.label}: ${msg}`, "other");
}

/** Connects once, PINGs, disconnects; throws QueueConnectError. Resolves with the server version. */
export async function probeRedis(spec: QueueSpec, timeoutMs = 10_000): Promise<string> {
  const client = new Redis(
    redisOptions(spec, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
      connectTimeout: timeoutMs,
    }),
  );
  let last: unknown;
  client.on("error", (e) => (last = e));
  try {
    await client.connect();
    await client.ping();
    const info = await client.info("server");
    return /redis_version:(\S+)/.exec(info)?.[1] ?? "unknown";
  } catch (err) {
    const e = (last ?? err) as Error & { code?: string };
    if (!last && /Connection is closed/.test(e.message))
      throw new QueueConnectError(`cannot reach Redis at ${spec.label} (connection closed)`, "unreachable");
    throw classifyRedisError(spec, e);
  } finally {
    client.disconnect();
  }
}
