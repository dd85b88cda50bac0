// Remote EDA hosts over SSH (docs/ssh.md).
export { checkHosts, formatHostChecks, type HostCheck } from "./check.js";
export {
  HostKeyError,
  RemoteCommandError,
  SshAuthError,
  SshConfigError,
  SshError,
  SshUnreachableError,
} from "./errors.js";
export { NoUsableHostError, SshExecutor, type SshExecutorOptions } from "./executor.js";
export type { HostStats } from "./host.js";
export {
  DEFAULT_REMOTE_COMMAND,
  EdaConfig,
  hostsFromConfig,
  parseEdaSpecs,
  parseSshUrl,
  resolveHost,
  SpecError,
  SshHostConfig,
  type SshDefaults,
  type SshHostSpec,
} from "./spec.js";
