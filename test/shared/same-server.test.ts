import { describe, expect, it } from 'vitest';
import { findSameServer, isSameServer, sameServerKey } from '../../electron/shared/same-server';
import { makeProfile } from '../support/model-fixtures';

describe('isSameServer', () => {
  it.each([
    ['https://jira.example.com', 'jira.example.com/'],
    ['HTTPS://Jira.Example.COM:443/jira/', 'https://jira.example.com/jira'],
    ['https://jira.example.com/jira/secure/Dashboard.jspa', 'https://jira.example.com/jira'],
  ])('%s and %s with the same user are one server', (a, b) => {
    expect(isSameServer({ baseUrl: a, username: 'Admin ' }, { baseUrl: b, username: 'admin' })).toBe(true);
  });

  it.each([
    [
      { baseUrl: 'https://jira.example.com', username: 'admin' },
      { baseUrl: 'https://jira.example.com/jira', username: 'admin' },
    ],
    [
      { baseUrl: 'https://jira.example.com:8443', username: 'admin' },
      { baseUrl: 'https://jira.example.com', username: 'admin' },
    ],
    [
      { baseUrl: 'http://jira.example.com', username: 'admin' },
      { baseUrl: 'https://jira.example.com', username: 'admin' },
    ],
    [
      { baseUrl: 'https://jira.example.com', username: 'admin' },
      { baseUrl: 'https://jira.example.com', username: 'fred' },
    ],
  ])('%o and %o are different servers', (a, b) => {
    expect(isSameServer(a, b)).toBe(false);
  });

  it('keys an address it cannot normalise by its text, so it still matches itself', () => {
    expect(sameServerKey(' ftp://x ', '')).toBe('ftp://x\n');
  });
});

describe('findSameServer', () => {
  const saved = [
    makeProfile({ id: 'a', baseUrl: 'https://a.example.com', username: 'admin' }),
    makeProfile({ id: 'b', baseUrl: 'https://b.example.com/jira', username: 'fred' }),
  ];

  it('finds the saved server a new entry repeats', () => {
    expect(findSameServer(saved, { baseUrl: 'b.example.com/jira/', username: 'FRED' })?.id).toBe('b');
  });

  it('does not count the server being edited as its own duplicate', () => {
    expect(findSameServer(saved, { id: 'b', baseUrl: 'https://b.example.com/jira', username: 'fred' })).toBeUndefined();
    expect(findSameServer(saved, { id: 'a', baseUrl: 'https://b.example.com/jira', username: 'fred' })?.id).toBe('b');
  });

  it('finds nothing for a new server', () => {
    expect(findSameServer(saved, { baseUrl: 'https://c.example.com', username: 'admin' })).toBeUndefined();
  });
});
