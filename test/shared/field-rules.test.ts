// The field rules, and that the schemas at the boundary say exactly what the forms say.
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../electron/shared/durations';
import {
  missingValueProblem,
  pollIntervalProblem,
  proxyUrlProblem,
  REQUIRED_FIELDS,
} from '../../electron/shared/field-rules';
import { MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../../electron/shared/limits';
import { parseInvokeArgs } from '../../electron/shared/schemas';
import { makeProfileInput } from '../support/model-fixtures';

const validProfile = makeProfileInput({ label: 'Acme', username: '' });

describe('missingValueProblem', () => {
  it.each([
    ['label', '', REQUIRED_FIELDS.label],
    ['label', '   ', REQUIRED_FIELDS.label],
    ['label', 'Acme', undefined],
    ['username', ' \t', REQUIRED_FIELDS.username],
    ['username', 'fred', undefined],
    ['password', '', REQUIRED_FIELDS.password],
    // A password of spaces is a password.
    ['password', '   ', undefined],
  ] as const)('%s %j → %s', (field, value, expected) => {
    expect(missingValueProblem(field, value)).toBe(expected);
  });
});

describe('proxyUrlProblem', () => {
  it.each([
    ['http://proxy.example.com:3128', undefined],
    ['https://proxy.example.com', undefined],
    ['  http://proxy.example.com:3128  ', undefined],
    ['proxy.example.com:3128', 'Use an http:// or https:// proxy address.'],
    ['socks5://proxy.example.com:1080', 'Use an http:// or https:// proxy address.'],
    ['http://user:secret@proxy.example.com', 'Leave credentials out of the proxy address.'],
    ['not a url', 'Enter the proxy as a full address, e.g. http://proxy.example.com:3128.'],
  ])('%j → %s', (text, expected) => {
    expect(proxyUrlProblem(text)).toBe(expected);
  });
});

describe('pollIntervalProblem', () => {
  it.each([
    [MIN_POLL_INTERVAL_SECONDS, undefined],
    [MAX_POLL_INTERVAL_SECONDS, undefined],
    [300, undefined],
    [MIN_POLL_INTERVAL_SECONDS - 1, 'Check at most every 15 seconds.'],
    [MAX_POLL_INTERVAL_SECONDS + 1, 'Check at least once every 24 hours.'],
    [30.5, 'Enter a whole number of seconds or minutes.'],
    [undefined, 'Enter a whole number of seconds or minutes.'],
  ])('%s → %s', (seconds, expected) => {
    expect(pollIntervalProblem(seconds)).toBe(expected);
  });
});

it('formatDuration spells the limits the rules explain', () => {
  expect(formatDuration(MIN_POLL_INTERVAL_SECONDS, 'en')).toBe('15 seconds');
  expect(formatDuration(5400, 'en')).toBe('1 hour 30 minutes');
  expect(formatDuration(-3, 'en')).toBe('0 seconds');
});

describe('the schemas use the same rules and words', () => {
  const save = (patch: Record<string, unknown>) => parseInvokeArgs('profiles:save', [{ ...validProfile, ...patch }]);

  it('accepts a valid profile, trimmed, with the default interval', () => {
    const result = save({ label: '  Acme  ', proxyUrl: 'http://proxy.example.com:3128' });
    expect(result).toMatchObject({ ok: true, args: [{ label: 'Acme', pollIntervalSeconds: 300 }] });
  });

  it.each([
    [{ label: '  ' }, 'label', REQUIRED_FIELDS.label],
    [{ proxyUrl: 'http://user:secret@proxy.example.com' }, 'proxyUrl', proxyUrlProblem('http://user:secret@proxy')],
    [{ proxyUrl: 'socks5://proxy.example.com' }, 'proxyUrl', proxyUrlProblem('socks5://proxy.example.com')],
    [{ pollIntervalSeconds: 5 }, 'pollIntervalSeconds', pollIntervalProblem(5)],
    [{ pollIntervalSeconds: 90.5 }, 'pollIntervalSeconds', pollIntervalProblem(90.5)],
    [{ pollIntervalSeconds: 200_000 }, 'pollIntervalSeconds', pollIntervalProblem(200_000)],
  ])('refuses %j with the rule’s message, naming %s', (patch, field, message) => {
    expect(message).toBeDefined();
    expect(save(patch)).toEqual({ ok: false, field, message });
  });

  it.each([
    [{ username: ' ', password: 'pw' }, 'username', REQUIRED_FIELDS.username],
    [{ username: 'fred', password: '' }, 'password', REQUIRED_FIELDS.password],
  ])('refuses credentials %j with the form’s words', (credentials, field, message) => {
    expect(parseInvokeArgs('session:login', ['prod', credentials])).toEqual({ ok: false, field, message });
  });

  it('takes a password of spaces as it is', () => {
    expect(parseInvokeArgs('session:login', ['prod', { username: ' fred ', password: '   ' }])).toEqual({
      ok: true,
      args: ['prod', { username: 'fred', password: '   ' }],
    });
  });
});
