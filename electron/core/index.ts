// The core's public entry: everything main, the test harnesses and the benchmarks use from the core, and nothing
// else. main imports only this module (a lint rule holds it to that), so what lies behind it can move freely.
// docs/ARCHITECTURE.md describes the ports.
export {
  createAppCore,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type AppCore,
  type AppCoreOptions,
} from './app-core';
export { DEFAULT_PARALLEL_LIMITS, type ParallelLimits } from './concurrency';
export { AppError, appError, toAppErrorInfo } from './errors';
export { describeError, logUnexpected, redactingLog } from './log';
export type {
  Clock,
  ConfirmKeepSecrets,
  LogLevel,
  LogSink,
  Notice,
  Notifier,
  OpenStoreBackend,
  RouteChange,
  SecretCipher,
  StoreBackend,
  StoreBackendOptions,
} from './ports';
export { STORE_FILE_NAME } from './store/document-store';
export { SESSIONS_DIR } from './store/secret-files';
export { createThrottle, type Throttle } from './throttle';
export type { WebCookie, WebSessionChange, WebSessionPort } from './web/web-session-port';
