// The one error type a user ever sees. Everything that can go wrong is mapped to it once, in core,
// before anything is logged or sent to the renderer.
import type { AppErrorInfo, ErrorKind } from '../shared/model';
import { NEXT_STEPS } from '../shared/next-steps';

export class AppError extends Error {
  readonly info: AppErrorInfo;

  constructor(info: AppErrorInfo) {
    super(info.message);
    this.name = 'AppError';
    this.info = info;
  }

  get kind(): ErrorKind {
    return this.info.kind;
  }
}

export function appError(
  kind: ErrorKind,
  message: string,
  extra: Omit<AppErrorInfo, 'kind' | 'message'> = {},
): AppError {
  return new AppError({ kind, message, ...extra });
}

/** For anything thrown that is not an AppError: a bug, not a server's answer, so say so without internals. */
export function toAppErrorInfo(error: unknown): AppErrorInfo {
  if (error instanceof AppError) return error.info;
  return {
    kind: 'internal-error',
    message: 'Something went wrong inside Jira Session Manager.',
    nextStep: NEXT_STEPS['internal-error'],
  };
}
