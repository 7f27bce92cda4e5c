// What we accept from Jira, parsed leniently: unknown fields are ignored, but the fields we show must have
// the right types, so a proxy's or another product's JSON cannot pass for a Jira answer.
import { z } from 'zod';
import type { LoginInfo, ServerInfo, SessionUser } from '../../shared/model';
import { appError } from '../errors';
import { parseJiraTime } from './dates';
import type { HttpAnswer } from './errors';

const count = z.number().int().nonnegative().optional().catch(undefined);
const time = z.unknown().transform(parseJiraTime).optional();

const loginInfoSchema = z.object({
  loginCount: count,
  failedLoginCount: count,
  lastFailedLoginTime: time,
  previousLoginTime: time,
});

export const authSuccessSchema = z.object({
  session: z.object({ name: z.string(), value: z.string() }),
  loginInfo: loginInfoSchema.optional(),
});

export const currentUserSchema = z.object({
  name: z.string(),
  loginInfo: loginInfoSchema.optional(),
});

const listWrapper = <T extends z.ZodType>(item: T) =>
  z
    .object({ items: z.array(item).optional().catch([]) })
    .optional()
    .catch(undefined);

export const userBeanSchema = z.object({
  key: z.string().optional(),
  name: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  timeZone: z.string().optional(),
  locale: z.string().optional(),
  avatarUrls: z.record(z.string(), z.string()).optional().catch(undefined),
  groups: listWrapper(z.object({ name: z.string() })),
});
export type UserBean = z.infer<typeof userBeanSchema>;

export const serverInfoSchema = z.object({
  baseUrl: z.string(),
  version: z.string(),
  versionNumbers: z.array(z.number()).catch([]),
  deploymentType: z.string().catch('Server'),
  buildNumber: z.number().catch(0),
  buildDate: time,
  serverTitle: z.string().catch('Jira'),
  serverTime: time,
});

export function toLoginInfo(info: z.infer<typeof loginInfoSchema> | undefined): LoginInfo | undefined {
  if (!info) return undefined;
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined)) as LoginInfo;
}

export function toSessionUser(bean: UserBean, avatarDataUri: string | undefined): SessionUser {
  return {
    name: bean.name,
    displayName: bean.displayName ?? bean.name,
    groups: (bean.groups?.items ?? []).map((group) => group.name).sort((a, b) => a.localeCompare(b)),
    ...(bean.key ? { key: bean.key } : {}),
    ...(bean.emailAddress ? { emailAddress: bean.emailAddress } : {}),
    ...(bean.timeZone ? { timeZone: bean.timeZone } : {}),
    ...(bean.locale ? { locale: bean.locale } : {}),
    ...(avatarDataUri ? { avatarDataUri } : {}),
  };
}

export function toServerInfo(info: z.infer<typeof serverInfoSchema>): ServerInfo {
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined)) as unknown as ServerInfo;
}

/** Parses a JSON answer against a schema; anything else is an unexpected-response naming status and type. */
export function parseAnswer<T extends z.ZodType>(answer: HttpAnswer, schema: T): z.infer<T> {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw appError('unexpected-response', `Jira's answer (status ${answer.status}) is not valid JSON.`, {
      nextStep: 'Check that the base URL points at Jira itself and that no proxy alters the response.',
      status: answer.status,
      contentType: answer.contentType,
    });
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    throw appError('unexpected-response', `The server's JSON does not look like Jira's (status ${answer.status}).`, {
      nextStep: 'Check that the base URL points at Jira Server or Data Center.',
      status: answer.status,
      contentType: answer.contentType,
    });
  }
  return result.data;
}
