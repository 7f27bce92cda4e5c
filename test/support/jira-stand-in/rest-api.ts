// The REST resources behind the session: myself (UserBean), serverInfo and the avatar images.
import { avatarPng } from './avatar-png';
import type { Handler, JiraInstance } from './jira-api';
import { formatJiraTime, formatJiraTimeSeconds } from './jira-time';
import { json, notAuthenticated } from './replies';
import type { SeedUser } from './types';

const APPLICATION_NAMES: Record<string, string> = {
  'jira-software': 'Jira Software',
  'jira-servicedesk': 'Jira Service Management',
  'jira-core': 'Jira Core',
};

function userBean(user: SeedUser, jira: JiraInstance, expand: Set<string>): Record<string, unknown> {
  const name = encodeURIComponent(user.name);
  const avatar = (size: string): string => `${jira.baseUrl}/secure/useravatar?size=${size}&ownerId=${name}`;
  const roles = user.applicationRoles ?? [];
  const lastLoginTime = jira.users.history(user.name).lastLoginTime;
  return {
    self: `${jira.baseUrl}/rest/api/2/user?username=${name}`,
    key: user.key,
    name: user.name,
    emailAddress: user.emailAddress,
    avatarUrls: {
      '48x48': avatar('large'),
      '24x24': avatar('small'),
      '16x16': avatar('xsmall'),
      '32x32': avatar('medium'),
    },
    displayName: user.displayName,
    active: true,
    deleted: false,
    timeZone: user.timeZone,
    locale: user.locale,
    ...(lastLoginTime !== undefined ? { lastLoginTime: formatJiraTimeSeconds(lastLoginTime) } : {}),
    groups: {
      size: user.groups.length,
      items: expand.has('groups')
        ? user.groups.map((group) => ({
            name: group,
            self: `${jira.baseUrl}/rest/api/2/group?groupname=${encodeURIComponent(group)}`,
          }))
        : [],
    },
    applicationRoles: {
      size: roles.length,
      items: expand.has('applicationRoles') ? roles.map((key) => ({ key, name: APPLICATION_NAMES[key] ?? key })) : [],
    },
    expand: 'groups,applicationRoles',
  };
}

export const myself: Handler = (exchange, jira) => {
  const user = exchange.session === undefined ? undefined : jira.users.find(exchange.session.username);
  if (user === undefined) return notAuthenticated();
  const expand = new Set(
    exchange.query
      .getAll('expand')
      .flatMap((value) => value.split(','))
      .map((value) => value.trim()),
  );
  return json(200, userBean(user, jira, expand));
};

function versionNumbers(version: string): number[] {
  const numbers = version.split('.').map((part) => Number.parseInt(part, 10));
  return numbers.map((value) => (Number.isFinite(value) ? value : 0));
}

export const serverInfo: Handler = (exchange, jira) => {
  const [major = 0, minor = 0, patch = 0] = versionNumbers(jira.version);
  const buildNumber = major * 1_000_000 + minor * 10_000 + patch;
  return json(200, {
    baseUrl: jira.baseUrl,
    version: jira.version,
    versionNumbers: versionNumbers(jira.version),
    deploymentType: 'Server',
    buildNumber,
    buildDate: '2025-01-15T00:00:00.000+0000',
    databaseBuildNumber: buildNumber,
    // Jira tells the time only to someone logged in.
    ...(exchange.session !== undefined ? { serverTime: formatJiraTime(exchange.now) } : {}),
    scmInfo: '6b2e4c1f0a9d8e7c5b3a29184f6e0d1c2b3a4f5e',
    serverTitle: jira.serverTitle,
  });
};

export const userAvatar: Handler = (exchange) => {
  // Avatars are private to signed-in users; the app must fetch them with the session cookie.
  if (exchange.session === undefined) return notAuthenticated();
  const owner = exchange.query.get('ownerId') ?? 'default';
  return {
    status: 200,
    contentType: 'image/png',
    body: avatarPng(owner, exchange.query.get('size')),
    headers: { 'Cache-Control': 'private, max-age=3600' },
  };
};
