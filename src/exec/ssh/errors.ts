// Errors of the SSH executor. `permanent` ones (auth, host key, configuration, remote command)
// stop a host for the executor's lifetime; the others are retried with backoff.
import { NETWORK_ERROR_CODES } from "../network-codes.js";

export class SshError extends Error {
  /** A configuration problem that retrying cannot fix. */
  readonly permanent: boolean = false;
  constructor(
    readonly host: string,
    message: string,
  ) {
    super(`${host}: ${message}`);
    this.name = new.target.name;
  }
}

/** The host cannot be reached now (refused, timed out, dropped): retried with backoff. */
export class SshUnreachableError extends SshError {}

/** The server refused our key. */
export class SshAuthError extends SshError {
  override readonly permanent = true;
}

/** The host key is not in known_hosts, or differs from the recorded one. */
export class HostKeyError extends SshError {
  override readonly permanent = true;
  constructor(
    host: string,
    message: string,
    readonly kind: "unknown" | "mismatch" | "revoked",
    readonly fingerprint: string,
  ) {
    super(host, message);
  }
}

/** Our own configuration is unusable (no key file, bad spec). */
export class SshConfigError extends SshError {
  override readonly permanent = true;
}

/** The remote command is missing or exits before speaking the protocol. */
export class RemoteCommandError extends SshError {
  override readonly permanent = true;
  constructor(
    host: string,
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(host, message);
  }
}

/** Maps an error from the socket or ssh2 to one of ours. */
export function classifySshError(host: string, err: unknown): SshError {
  if (err instanceof SshError) return err;
  const e = err as NodeJS.ErrnoException & { level?: string };
  const msg = e?.message ?? String(err);
  if (e?.level === "client-authentication")
    return new SshAuthError(
      host,
      `authentication failed (${msg}): the server did not accept the key; check --ssh-key and the host's authorized_keys`,
    );
  if (e?.code && NETWORK_ERROR_CODES.has(e.code))
    return new SshUnreachableError(host, `cannot connect (${e.code}): ${msg}`);
  if (e?.level === "client-timeout")
    return new SshUnreachableError(host, `timed out waiting for the SSH handshake`);
  if (/private key|passphrase|unsupported key/i.test(msg))
    return new SshConfigError(host, `cannot use the key: ${msg}`);
  return new SshUnreachableError(host, `connection failed: ${msg}`);
}
