// The two global permissions that make an administrator, from the user's groups as Jira's default permission
// scheme grants them, and GET /rest/api/2/mypermissions.
import type { Handler } from './jira-api';
import { json, notAuthenticated } from './replies';
import type { SeedUser } from './types';

export const SYSTEM_ADMINISTRATORS = 'jira-system-administrators';
export const ADMINISTRATORS = 'jira-administrators';

/** ADMINISTER: administrators, and system administrators, who hold every administrator permission as well. */
export function isAdministrator(user: SeedUser): boolean {
  return user.groups.includes(ADMINISTRATORS) || isSystemAdministrator(user);
}

export function isSystemAdministrator(user: SeedUser): boolean {
  return user.groups.includes(SYSTEM_ADMINISTRATORS);
}

interface GlobalPermission {
  id: string;
  key: string;
  name: string;
  description: string;
  granted(user: SeedUser): boolean;
}

const PERMISSIONS: readonly GlobalPermission[] = [
  {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
    granted: isAdministrator,
  },
  {
    id: '44',
    key: 'SYSTEM_ADMIN',
    name: 'Jira System Administrators',
    description:
      'Ability to perform all administration functions. There must be at least one group with this permission.',
    granted: isSystemAdministrator,
  },
];

export const myPermissions: Handler = (exchange, jira) => {
  const user = exchange.session === undefined ? undefined : jira.users.find(exchange.session.username);
  if (user === undefined) return notAuthenticated();
  const keys = (exchange.query.get('permissions') ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  // Jira 9 and later refuse to list every permission at once.
  if (keys.length === 0) {
    return json(400, { errorMessages: ['The permissions query parameter is required.'], errors: {} });
  }
  const unknown = keys.filter((key) => !PERMISSIONS.some((permission) => permission.key === key));
  if (unknown.length > 0) {
    return json(400, { errorMessages: [`Could not find permissions: ${unknown.join(', ')}`], errors: {} });
  }
  const permissions = Object.fromEntries(
    PERMISSIONS.filter((permission) => keys.includes(permission.key)).map(({ id, key, name, description, granted }) => [
      key,
      { id, key, name, type: 'GLOBAL', description, havePermission: granted(user) },
    ]),
  );
  return json(200, { permissions });
};
