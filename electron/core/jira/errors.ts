// Maps what Jira (or the network between) answered to the error kinds of docs/ARCHITECTURE.md. Nothing here
// reads or copies request config, cookies or bodies we sent: only status, headers and the server's own text.
import type { AppError } from '../errors';
import { appError } from '../errors';
import { NEXT_STEPS } from '../../shared/next-steps';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  contentType: string;
  /** The body as text, already capped in size. */
  text: string;
}

const MAX_RETRY_AFTER_SECONDS = 3600;
/** A 429 that names no usable wait and no bucket figures: back off at least this long. */
export const MIN_UNANNOUNCED_BACKOFF_SECONDS = 10;

export function headerValues(answer: Pick<HttpAnswer, 'headers'>, name: string): string[] {
  const value = answer.headers[name.toLowerCase()];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((entry) => entry.split(/,(?=\s*[A-Z_]+(?:;|$))/));
}

export function headerValue(answer: Pick<HttpAnswer, 'headers'>, name: string): string | undefined {
  return headerValues(answer, name)[0]?.trim();
}

/** X-Seraph-LoginReason may be a list such as `OUT, OK`. */
export function loginReasons(answer: Pick<HttpAnswer, 'headers'>): string[] {
  return headerValues(answer, 'x-seraph-loginreason').flatMap((value) =>
    value.split(',').map((reason) => reason.trim()),
  );
}

/** Parses `CAPTCHA_CHALLENGE; login-url=https://...` headers into codes and parameters. */
export function deniedReasons(answer: Pick<HttpAnswer, 'headers'>): { code: string; params: Record<string, string> }[] {
  const raw = answer.headers['x-authentication-denied-reason'];
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return values.map((value) => {
    const [code = '', ...parts] = value.split(';').map((part) => part.trim());
    const params: Record<string, string> = {};
    for (const part of parts) {
      const at = part.indexOf('=');
      if (at > 0) params[part.slice(0, at).trim()] = part.slice(at + 1).trim();
    }
    return { code, params };
  });
}

export function isJson(contentType: string): boolean {
  return /\bjson\b/i.test(contentType);
}

/** Jira's own words from an error body, when it sent JSON: errorMessages[] or message. */
export function serverMessage(answer: HttpAnswer): string | undefined {
  if (!isJson(answer.contentType)) return undefined;
  try {
    const body = JSON.parse(answer.text) as { errorMessages?: unknown; message?: unknown };
    if (Array.isArray(body.errorMessages) && typeof body.errorMessages[0] === 'string') return body.errorMessages[0];
    if (typeof body.message === 'string') return body.message;
  } catch {
    // Not JSON after all: the caller reports the status instead.
  }
  return undefined;
}

/**
 * How long to leave a server alone after a 429. Jira's Retry-After may be missing or 0 (seen on real 429s), so the
 * token bucket's own figures decide when it sends them (the time to refill one token: interval / fill rate), and
 * without them the wait is at least MIN_UNANNOUNCED_BACKOFF_SECONDS. Bounded so a bad header cannot stall us.
 */
export function retryAfterSeconds(answer: Pick<HttpAnswer, 'headers'>, now: number): number {
  const seconds = Math.max(announcedWait(answer, now), refillSeconds(answer) ?? MIN_UNANNOUNCED_BACKOFF_SECONDS);
  return Math.min(Math.max(seconds, 1), MAX_RETRY_AFTER_SECONDS);
}

/** Retry-After as delta-seconds or an HTTP date; 0 when absent or unreadable. */
function announcedWait(answer: Pick<HttpAnswer, 'headers'>, now: number): number {
  const value = headerValue(answer, 'retry-after');
  if (!value) return 0;
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - now) / 1000);
  return Number.isFinite(seconds) ? Math.max(seconds, 0) : 0;
}

/** X-RateLimit-Interval-Seconds / X-RateLimit-FillRate: the seconds until the bucket holds one request again. */
function refillSeconds(answer: Pick<HttpAnswer, 'headers'>): number | undefined {
  const interval = Number(headerValue(answer, 'x-ratelimit-interval-seconds'));
  const fillRate = Number(headerValue(answer, 'x-ratelimit-fillrate'));
  if (!(interval > 0) || !(fillRate > 0)) return undefined;
  return Math.ceil(interval / fillRate);
}

export function rateLimited(seconds: number): AppError {
  return appError('rate-limited', `The server is rate limiting requests; it asks to wait ${seconds} s.`, {
    retryAfterSeconds: seconds,
    nextStep: `The app waits and tries again after ${seconds} seconds; nothing is sent to the server until then.`,
  });
}

/** Failures any call can meet: rate limits, proxies, server errors and pages that are not Jira's JSON. */
export function generalFailure(answer: HttpAnswer, now: number): AppError {
  const { status, contentType } = answer;
  if (status === 429) return rateLimited(retryAfterSeconds(answer, now));
  if (status === 407) {
    return appError('proxy-auth-required', 'The proxy between you and Jira asks for its own credentials (407).', {
      nextStep: "Check this server's proxy settings, or your system's.",
      status,
    });
  }
  if (status >= 500) {
    return appError('server-error', `Jira answered with a server error (${status}).`, {
      nextStep: 'Check that the server is healthy, then try again.',
      status,
      contentType,
    });
  }
  if (!isJson(contentType) && /html/i.test(contentType)) {
    return appError('unexpected-response', `Expected Jira's JSON but got an HTML page (status ${status}).`, {
      nextStep:
        'The server may be behind single sign-on or a proxy login page, or the address may not be Jira. Check the base URL, or sign in through the web login.',
      status,
      contentType,
    });
  }
  return appError('unexpected-response', `Jira answered with status ${status} (${contentType || 'no content type'}).`, {
    nextStep: 'Check that the base URL points at Jira itself.',
    status,
    contentType,
  });
}

/** What a failed or denied POST /rest/auth/1/session means for the user. */
export function loginFailure(answer: HttpAnswer, now: number): AppError {
  const captcha = deniedReasons(answer).find((reason) => reason.code === 'CAPTCHA_CHALLENGE');
  if (captcha) {
    const loginUrl = captcha.params['login-url'];
    return appError('captcha-required', 'Jira wants a CAPTCHA solved before this account may sign in again.', {
      nextStep: NEXT_STEPS['captcha-required'],
      ...(loginUrl ? { loginUrl } : {}),
    });
  }
  const message = serverMessage(answer) ?? '';
  if (answer.status === 403 && /basic auth\w* (has been )?disabled/i.test(message)) {
    return appError('basic-auth-disabled', 'This Jira does not accept password sign-in through its REST API.', {
      nextStep:
        'Basic authentication is disabled on this server: use the web login (single sign-on) or a personal access token.',
    });
  }
  if (answer.status === 401 && loginReasons(answer).includes('AUTHORISATION_FAILED')) {
    return appError('no-application-access', 'Jira accepted the password, but this account may not use Jira.', {
      nextStep:
        'Ask a Jira administrator for application access (a Jira Software, Service Management or Core licence).',
    });
  }
  if (answer.status === 401) {
    // Jira answers a deactivated account or an expired directory password exactly like a wrong password.
    return appError(
      'bad-credentials',
      'Jira did not accept that username and password. The password may be wrong, the account deactivated, or its directory password expired.',
      {
        nextStep:
          'Check the username and password; if they are right, ask a Jira administrator whether the account is active. Repeated failures can make Jira ask for a CAPTCHA.',
      },
    );
  }
  if (answer.status === 403 || loginReasons(answer).includes('AUTHENTICATION_DENIED')) {
    const reasons = deniedReasons(answer)
      .map((reason) => reason.code)
      .filter(Boolean);
    return appError('login-denied', `Jira denied the sign-in${reasons.length ? ` (${reasons.join(', ')})` : ''}.`, {
      nextStep:
        'The password may be right but the account may not sign in now. Try the web login or ask a Jira administrator.',
    });
  }
  return generalFailure(answer, now);
}

/** What a 401 or other failure of a call that needs the session means. */
export function sessionFailure(answer: HttpAnswer, now: number, hadSession: boolean): AppError {
  if (answer.status === 401) {
    const message = serverMessage(answer) ?? answer.text;
    if (/requires websudo/i.test(message)) {
      return appError('websudo-required', 'This action needs a secure administrator session (WebSudo).', {
        nextStep: 'Confirm your password in the web UI for administrator access, then try again.',
      });
    }
    return hadSession
      ? appError(
          'session-expired',
          'The session has ended on the server (expired, signed out elsewhere, or the server restarted).',
          {
            nextStep: 'Sign in again.',
          },
        )
      : appError('not-signed-in', 'You are not signed in to this server.', { nextStep: 'Sign in.' });
  }
  return generalFailure(answer, now);
}
