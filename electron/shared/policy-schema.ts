// The administrator's managed policy file's schema (zod), apart from policy.ts so the renderer never bundles zod.
// Strict: a misspelt field is reported rather than silently doing nothing; a file that breaks it is ignored whole.
import { z } from 'zod';
import { normalizeBaseUrl } from './base-url';
import { MAX_GROUP_LENGTH, MAX_LABEL_LENGTH, MAX_PROFILES } from './limits';
import { ENVIRONMENTS, SIGN_IN_METHODS } from './model';

export const POLICY_VERSION = 1;
/** The longest minimum check interval a policy may ask for: one day, the longest check interval there is. */
export const MAX_POLICY_MINIMUM_MINUTES = 24 * 60;

const policyServerSchema = z
  .object({
    /** Optional stable name; without it the server is known by its address and user. */
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Use letters, digits, ".", "_" and "-" (at most 64).')
      .optional(),
    label: z.string().trim().min(1, 'Give the server a name.').max(MAX_LABEL_LENGTH),
    baseUrl: z.string().transform((text, ctx) => {
      const result = normalizeBaseUrl(text);
      if (result.ok) return result.baseUrl;
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }),
    /** Left out (or empty): each person types their own at sign-in. */
    username: z.string().trim().max(255).default(''),
    environment: z.enum(ENVIRONMENTS),
    signInMethod: z.enum(SIGN_IN_METHODS).default('password'),
    /** The group it is listed in when it first appears; the person may move it. */
    group: z.string().trim().max(MAX_GROUP_LENGTH).optional(),
  })
  .strict();

export const managedPolicySchema = z
  .object({
    version: z.literal(POLICY_VERSION),
    servers: z.array(policyServerSchema).max(MAX_PROFILES).default([]),
    forbidRememberedPasswords: z.boolean().default(false),
    requireKeychain: z.boolean().default(false),
    minimumCheckIntervalMinutes: z.number().int().min(1).max(MAX_POLICY_MINIMUM_MINUTES).optional(),
  })
  .strict();

export type ManagedPolicy = z.infer<typeof managedPolicySchema>;
export type PolicyServer = ManagedPolicy['servers'][number];
