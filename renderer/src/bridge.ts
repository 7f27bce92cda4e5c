// The renderer's only way out of its sandbox is `window.jiraSessions`, built by the preload from the shared contract.
import type { JiraSessionsBridge } from '../../electron/shared/contract';
import { ERROR_KINDS, type AppErrorInfo, type ErrorKind } from '../../electron/shared/model';

declare global {
  interface Window {
    jiraSessions: JiraSessionsBridge;
  }
}

export type { JiraSessionsBridge };

function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

/**
 * Bridge calls reject with a plain AppErrorInfo. Anything else (a bug, a broken preload) still has to reach the
 * user as one, without leaking whatever the thrown value carried.
 */
export function readAppError(reason: unknown): AppErrorInfo {
  if (typeof reason === 'object' && reason !== null) {
    const candidate = reason as Partial<AppErrorInfo>;
    if (isErrorKind(candidate.kind) && typeof candidate.message === 'string') return candidate as AppErrorInfo;
  }
  return {
    kind: 'internal-error',
    message: 'Something went wrong inside Jira Session Manager.',
    nextStep: 'Try again; if it keeps happening, restart the app.',
  };
}

/** True when the page was opened by the app (or a test) that supplies the bridge. */
export function hasBridge(target: Window): boolean {
  // Read as unknown: the type says it is always there, which is exactly what this checks.
  const candidate: unknown = (target as Partial<Window>).jiraSessions;
  return typeof candidate === 'object' && candidate !== null;
}
