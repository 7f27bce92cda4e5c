// Validation at the boundary: every argument that crosses IPC (or reaches createAppCore.invoke) is parsed here.
import { z } from 'zod';
import { normalizeBaseUrl } from './base-url';
import type { InvokeArgs, InvokeChannel } from './contract';
import { missingValueProblem, pollIntervalProblem, proxyUrlProblem } from './field-rules';
import {
  DEFAULT_POLL_INTERVAL_SECONDS,
  MAX_BASE_URL_LENGTH,
  MAX_GROUP_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_PEM_LENGTH,
  MAX_POLL_INTERVAL_SECONDS,
  MAX_PROFILES,
  MIN_POLL_INTERVAL_SECONDS,
} from './limits';
import { ENVIRONMENTS, SIGN_IN_METHODS } from './model';
import { webPathProblem } from './web-pages';
import { estateArgumentSchemas, estateSettingsFields } from './schemas-estate';
import { tokenCredentialsSchema, tokenIdSchema, tokenInputSchema, rawTokenSchema } from './admin-schemas';

export { DEFAULT_POLL_INTERVAL_SECONDS, MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS };

const profileId = z.string().min(1).max(100);
const pem = z
  .string()
  .max(MAX_PEM_LENGTH, 'The certificate is too large (at most 64 KiB).')
  .refine(
    (text) => text.includes('-----BEGIN CERTIFICATE-----'),
    'Expected a PEM certificate (-----BEGIN CERTIFICATE-----).',
  );
const optionalText = (schema: z.ZodString) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/** Checks a value with one of the field rules, reporting its problem in the rule's own words. */
function rule<T>(problem: (value: T) => string | undefined) {
  return (value: T, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  };
}

const groupName = z.string().trim().max(MAX_GROUP_LENGTH, `Keep the group name to ${MAX_GROUP_LENGTH} characters.`);

export const profileInputSchema = z.object({
  id: profileId.optional(),
  label: z
    .string()
    .trim()
    .max(MAX_LABEL_LENGTH, `Keep the name to ${MAX_LABEL_LENGTH} characters.`)
    .superRefine(rule((text: string) => missingValueProblem('label', text))),
  baseUrl: z
    .string()
    .max(MAX_BASE_URL_LENGTH, 'The address is too long (at most 2 KiB).')
    .transform((text, ctx) => {
      const result = normalizeBaseUrl(text);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.reason });
        return z.NEVER;
      }
      return result.baseUrl;
    }),
  username: z.string().trim().max(255),
  environment: z.enum(ENVIRONMENTS).optional(),
  signInMethod: z.enum(SIGN_IN_METHODS).default('password'),
  caCertificate: optionalText(pem),
  pinnedCertificatePem: optionalText(pem),
  pollIntervalSeconds: z.number().superRefine(rule(pollIntervalProblem)).default(DEFAULT_POLL_INTERVAL_SECONDS),
  keepAlive: z.boolean().default(false),
  proxyUrl: optionalText(z.string().superRefine(rule(proxyUrlProblem))),
  proxyUsername: optionalText(z.string().trim().max(255)),
  proxyPassword: optionalText(z.string().max(4096)),
  group: groupName.optional(),
  favourite: z.boolean().optional(),
});

/** A bulk action's servers (selection.ts). */
const selectionSchema = z
  .object({ profileIds: z.array(profileId).min(1).max(MAX_PROFILES) })
  .strict()
  .optional();

const arrangementSchema = z
  .object({ group: groupName, favourite: z.boolean(), before: profileId.nullable() })
  .partial()
  .strict();

export const credentialsSchema = z.object({
  username: z
    .string()
    .trim()
    .max(255)
    .superRefine(rule((text: string) => missingValueProblem('username', text))),
  password: z
    .string()
    .max(4096)
    .superRefine(rule((text: string) => missingValueProblem('password', text))),
  rememberPassword: z.boolean().optional(),
});

export const settingsPatchSchema = z
  .object({ notifications: z.boolean(), persistSecretsWithoutKeychain: z.boolean(), ...estateSettingsFields })
  .partial()
  .strict();

const webPath = z.string().superRefine((path, ctx) => {
  const problem = webPathProblem(path);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

const none = z.tuple([]);
const argumentSchemas: { [C in InvokeChannel]: z.ZodType<InvokeArgs<C>, unknown> } = {
  'app:info': none,
  'settings:get': none,
  'settings:update': z.tuple([settingsPatchSchema]),
  'profiles:list': none,
  'profiles:save': z.tuple([profileInputSchema]),
  'profiles:remove': z.tuple([profileId]),
  'profiles:testConnection': z.tuple([profileInputSchema]),
  'profiles:arrange': z.tuple([z.array(profileId).min(1).max(MAX_PROFILES), arrangementSchema]),
  'certificate:inspect': z.tuple([pem]),
  'sessions:list': none,
  'sessions:refreshAll': z.tuple([selectionSchema]),
  'sessions:cancel': z.tuple([profileId]),
  'sessions:cancelRefreshAll': none,
  'profiles:cancelTest': none,
  'session:login': z.tuple([profileId, credentialsSchema]),
  'session:loginRemembered': z.tuple([profileId]),
  'sessions:signInExpired': z.tuple([selectionSchema]),
  'session:refresh': z.tuple([profileId]),
  'session:logout': z.tuple([profileId]),
  'session:logoutAll': z.tuple([selectionSchema]),
  'session:retrySignOut': z.tuple([profileId]),
  'session:forgetPassword': z.tuple([profileId]),
  'dialog:chooseCaCertificate': none,
  'shell:openExternal': z.tuple([z.string().url().max(4096)]),
  'web:open': z.tuple([profileId, webPath.optional()]),
  'session:webLogin': z.tuple([profileId]),
  'session:useToken': z.tuple([profileId, tokenCredentialsSchema]),
  'websudo:release': z.tuple([profileId]),
  'websudo:releaseAll': z.tuple([selectionSchema]),
  'tokens:list': z.tuple([profileId]),
  'tokens:create': z.tuple([profileId, tokenInputSchema]),
  'tokens:revoke': z.tuple([profileId, tokenIdSchema]),
  'tokens:expiring': none,
  'clipboard:copyToken': z.tuple([rawTokenSchema]),
  'shell:openLogsFolder': none,
  'shell:showStoreBackup': none,
  ...estateArgumentSchemas,
  'updates:state': none,
  'updates:check': none,
  'updates:install': none,
};

export type ArgumentCheck<C extends InvokeChannel> =
  { ok: true; args: InvokeArgs<C> } | { ok: false; message: string; field?: string };

/** Parses a channel's arguments; the message names the first problem in words, `field` the property it is about. */
export function parseInvokeArgs<C extends InvokeChannel>(channel: C, args: unknown[]): ArgumentCheck<C> {
  const schema = argumentSchemas[channel] as z.ZodType<InvokeArgs<C>, unknown> | undefined;
  if (!schema) return { ok: false, message: `Unknown channel "${String(channel)}".` };
  const result = schema.safeParse(args);
  if (result.success) return { ok: true, args: result.data };
  const issue = result.error.issues[0];
  // The path starts with the argument's position; what follows it names the property, e.g. [0, 'baseUrl'].
  const field = issue?.path[1];
  return {
    ok: false,
    message: issue?.message ?? 'Invalid arguments.',
    ...(typeof field === 'string' ? { field } : {}),
  };
}

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(argumentSchemas, channel);
}
