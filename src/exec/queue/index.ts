// The BullMQ (Redis) job queue for simulations (docs/queue.md): the executor a producer uses,
// the worker an EDA host runs, and the status of a queue.
export { type BlobBounds } from "./blobs.js";
export { classifyRedisError, probeRedis, QueueConnectError } from "./connect.js";
export { QueueExecutor, type QueueExecutorOptions } from "./executor.js";
export {
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  isQueueUrl,
  parseQueueUrl,
  QueueConfig,
  queueFromConfig,
  queueSpecFrom,
  QueueSpecError,
  redactText,
  redactUrl,
  type QueueSpec,
  type QueueTlsFiles,
} from "./spec.js";
export { formatQueueStatus, queueStatus, type QueueStatus } from "./status.js";
export {
  startQueueWorker,
  type QueueWorkerHandle,
  type QueueWorkerOptions,
  type QueueWorkerStats,
} from "./worker.js";
export { QueueJobData, QueueReturn, WorkerBeat } from "./wire.js";
