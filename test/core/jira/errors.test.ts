// What each answer from Jira (or whatever sits in front of it) becomes for the user: table by table, the answer in,
// the error kind, its words and its details out.
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../electron/core/errors';
import {
  deniedReasons,
  generalFailure,
  headerValue,
  loginFailure,
  loginReasons,
  retryAfterSeconds,
  serverMessage,
  sessionFailure,
  type HttpAnswer,
} from '../../../electron/core/jira/errors';
import { NEXT_STEPS } from '../../../electron/shared/next-steps';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const JSON_TYPE = 'application/json;charset=UTF-8';

function answer(status: number, patch: Partial<HttpAnswer> = {}): HttpAnswer {
  return { status, headers: {}, contentType: JSON_TYPE, text: '', ...patch };
}
const jsonBody = (body: unknown) => ({ contentType: JSON_TYPE, text: JSON.stringify(body) });
const info = (error: AppError) => error.info;

describe('reading the headers', () => {
  it.each([
    [{ 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }, ['AUTHENTICATED_FAILED']],
    [{ 'x-seraph-loginreason': 'OUT, OK' }, ['OUT', 'OK']],
    [{ 'x-seraph-loginreason': ['AUTHENTICATION_DENIED', 'OUT'] }, ['AUTHENTICATION_DENIED', 'OUT']],
    [{}, []],
  ])('loginReasons(%j) → %j', (headers, expected) => {
    expect(loginReasons({ headers })).toEqual(expected);
  });

  it.each([
    [
      'CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp',
      [{ code: 'CAPTCHA_CHALLENGE', params: { 'login-url': 'https://jira.example.com/login.jsp' } }],
    ],
    ['AUTHENTICATION_DENIED', [{ code: 'AUTHENTICATION_DENIED', params: {} }]],
    [
      ['CAPTCHA_CHALLENGE;login-url=/jira/login.jsp', 'AUTHORISATION_FAILED'],
      [
        { code: 'CAPTCHA_CHALLENGE', params: { 'login-url': '/jira/login.jsp' } },
        { code: 'AUTHORISATION_FAILED', params: {} },
      ],
    ],
  ])('deniedReasons(%j)', (value, expected) => {
    expect(deniedReasons({ headers: { 'x-authentication-denied-reason': value } })).toEqual(expected);
  });

  it('reads the first value of a header, trimmed, by its lower-case name', () => {
    expect(headerValue({ headers: { 'retry-after': ' 30 ' } }, 'Retry-After')).toBe('30');
    expect(headerValue({ headers: {} }, 'retry-after')).toBeUndefined();
  });
});

describe('serverMessage: Jira’s own words, only from JSON', () => {
  it.each([
    [jsonBody({ errorMessages: ['Login failed'], errors: {} }), 'Login failed'],
    [
      jsonBody({ message: 'Client must be authenticated to access this resource.' }),
      'Client must be authenticated to access this resource.',
    ],
    [jsonBody({ errorMessages: [], message: 'fallback' }), 'fallback'],
    [jsonBody({ errorMessages: [42] }), undefined],
    [{ contentType: JSON_TYPE, text: '<html>not json</html>' }, undefined],
    [{ contentType: 'text/html', text: '{"message":"looks like json"}' }, undefined],
  ])('%j → %s', (patch, expected) => {
    expect(serverMessage(answer(400, patch))).toBe(expected);
  });
});

describe('retryAfterSeconds: bounded, and never less than a real back-off when the server names none', () => {
  it.each([
    ['120', 120],
    ['0', 10],
    ['999999', 3600],
    [new Date(NOW + 90_000).toUTCString(), 90],
    [new Date(NOW - 90_000).toUTCString(), 10],
    ['soon', 10],
    [undefined, 10],
  ])('Retry-After %s → %i s', (value, expected) => {
    expect(retryAfterSeconds({ headers: value === undefined ? {} : { 'retry-after': value } }, NOW)).toBe(expected);
  });

  it('uses the rate limiter’s own figures when Retry-After says nothing useful', () => {
    const headers = { 'retry-after': '0', 'x-ratelimit-interval-seconds': '30', 'x-ratelimit-fillrate': '10' };
    expect(retryAfterSeconds({ headers }, NOW)).toBe(3);
  });
});

describe('loginFailure: a refused POST /rest/auth/1/session', () => {
  it.each([
    [
      'a CAPTCHA, with the login page it names',
      answer(403, {
        headers: {
          'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp',
        },
      }),
      {
        kind: 'captcha-required',
        message: 'Jira wants a CAPTCHA solved before this account may sign in again.',
        nextStep: NEXT_STEPS['captcha-required'],
        loginUrl: 'https://jira.example.com/login.jsp',
      },
    ],
    [
      'a CAPTCHA without a login page',
      answer(403, { headers: { 'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE' } }),
      {
        kind: 'captcha-required',
        message: 'Jira wants a CAPTCHA solved before this account may sign in again.',
        nextStep: NEXT_STEPS['captcha-required'],
      },
    ],
    [
      'basic authentication switched off',
      answer(403, jsonBody({ errorMessages: ['Basic Authentication has been disabled on this instance.'] })),
      { kind: 'basic-auth-disabled', message: 'This Jira does not accept password sign-in through its REST API.' },
    ],
    [
      'a wrong password',
      answer(401, { headers: { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } }),
      {
        kind: 'bad-credentials',
        message:
          'Jira did not accept that username and password. The password may be wrong, the account deactivated, or its directory password expired.',
      },
    ],
    [
      'a 403 with the denial reasons',
      answer(403, { headers: { 'x-authentication-denied-reason': 'AUTHORISATION_FAILED' } }),
      { kind: 'login-denied', message: 'Jira denied the sign-in (AUTHORISATION_FAILED).' },
    ],
    [
      'AUTHENTICATION_DENIED on a 200',
      answer(200, { headers: { 'x-seraph-loginreason': 'AUTHENTICATION_DENIED' } }),
      { kind: 'login-denied', message: 'Jira denied the sign-in.' },
    ],
    [
      'anything else: the general mapping',
      answer(502, { contentType: 'text/plain', text: 'Bad gateway' }),
      { kind: 'server-error', message: 'Jira answered with a server error (502).', status: 502 },
    ],
  ])('%s', (_case, given, expected) => {
    expect(info(loginFailure(given, NOW))).toMatchObject(expected);
  });

  it('never copies the body into a bad-credentials error', () => {
    const error = info(loginFailure(answer(401, jsonBody({ errorMessages: ['secret-password-echo'] })), NOW));
    expect(JSON.stringify(error)).not.toContain('secret-password-echo');
  });
});

describe('sessionFailure: a call that needs the session', () => {
  it.each([
    [
      'WebSudo asked for',
      answer(401, jsonBody({ message: 'This resource requires WebSudo.' })),
      true,
      { kind: 'websudo-required', message: 'This action needs a secure administrator session (WebSudo).' },
    ],
    [
      'WebSudo in a plain-text body',
      answer(401, { contentType: 'text/plain', text: 'Action requires websudo' }),
      false,
      { kind: 'websudo-required' },
    ],
    ['a session that ended', answer(401), true, { kind: 'session-expired', nextStep: 'Sign in again.' }],
    ['no session to begin with', answer(401), false, { kind: 'not-signed-in', nextStep: 'Sign in.' }],
    ['a 429', answer(429, { headers: { 'retry-after': '30' } }), true, { kind: 'rate-limited', retryAfterSeconds: 30 }],
  ])('%s', (_case, given, hadSession, expected) => {
    expect(info(sessionFailure(given, NOW, hadSession))).toMatchObject(expected);
  });
});

describe('generalFailure: whatever any call can meet', () => {
  it.each([
    [
      'a rate limit, with the wait',
      answer(429, { headers: { 'retry-after': '45' } }),
      {
        kind: 'rate-limited',
        message: 'The server is rate limiting requests; it asks to wait 45 s.',
        retryAfterSeconds: 45,
        nextStep: 'The app waits and tries again after 45 seconds; nothing is sent to the server until then.',
      },
    ],
    [
      'a proxy that wants credentials',
      answer(407, { contentType: 'text/html' }),
      { kind: 'proxy-auth-required', status: 407 },
    ],
    [
      'a server error, with status and type',
      answer(503, { contentType: 'text/html' }),
      { kind: 'server-error', status: 503, contentType: 'text/html' },
    ],
    [
      'an HTML page where JSON was expected (single sign-on)',
      answer(200, { contentType: 'text/html;charset=UTF-8', text: '<html>Sign in with SSO</html>' }),
      {
        kind: 'unexpected-response',
        message: "Expected Jira's JSON but got an HTML page (status 200).",
        status: 200,
        contentType: 'text/html;charset=UTF-8',
      },
    ],
    [
      'something else entirely',
      answer(404, { contentType: '' }),
      { kind: 'unexpected-response', message: 'Jira answered with status 404 (no content type).', status: 404 },
    ],
  ])('%s', (_case, given, expected) => {
    expect(info(generalFailure(given, NOW))).toMatchObject(expected);
  });

  it('never carries the body of the answer', () => {
    const body = '<html>session=abc123secret</html>';
    for (const status of [200, 404, 407, 500]) {
      const error = info(generalFailure(answer(status, { contentType: 'text/html', text: body }), NOW));
      expect(JSON.stringify(error)).not.toContain('abc123secret');
    }
  });
});
