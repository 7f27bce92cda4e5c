// Argument schemas of the estate channels (contract-estate.ts), merged into schemas.ts's table.
import { z } from 'zod';
import { MAX_ACTIVITY_ENTRIES } from './activity';
import { MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from './limits';
import { ESTATE_SETTINGS_DEFAULTS, THEMES, type EstateSettings } from './settings';
import type { InvokeArgs } from './contract';
import type { EstateCoreInvokeMap, EstateShellInvokeMap } from './contract-estate';

type EstateChannel = keyof EstateCoreInvokeMap | keyof EstateShellInvokeMap;

const profileId = z.string().min(1).max(100);
/** An import file or an export to save: 16 MiB is hundreds of servers with certificates. */
const fileText = z.string().max(16 * 1024 * 1024, 'The file is too large (at most 16 MiB).');
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name), 'A file name, not a path.');

/** The Settings screen's fields, as a patch may carry them. */
export const estateSettingsFields = {
  startAtLogin: z.boolean(),
  startHidden: z.boolean(),
  closeToTray: z.boolean(),
  defaultPollIntervalSeconds: z.number().int().min(MIN_POLL_INTERVAL_SECONDS).max(MAX_POLL_INTERVAL_SECONDS),
  defaultKeepAlive: z.boolean(),
  theme: z.enum(THEMES),
  notifyExpiry: z.boolean(),
  notifySignOutProblems: z.boolean(),
  notifyTokenExpiry: z.boolean(),
  notifyQuietSignIn: z.boolean(),
} satisfies { [K in keyof EstateSettings]: z.ZodType<EstateSettings[K]> };

/** The same fields as the store reads them: a store written before they existed gets the defaults. */
export const storedEstateSettingsFields = Object.fromEntries(
  Object.entries(estateSettingsFields).map(([key, schema]) => [
    key,
    (schema as z.ZodType).default(ESTATE_SETTINGS_DEFAULTS[key as keyof EstateSettings]),
  ]),
) as { [K in keyof EstateSettings]: z.ZodDefault<(typeof estateSettingsFields)[K]> };

export const estateArgumentSchemas: { [C in EstateChannel]: z.ZodType<InvokeArgs<C>, unknown> } = {
  'profiles:export': z.tuple([z.array(profileId).max(10_000).optional()]),
  'profiles:import': z.tuple([fileText, z.object({ apply: z.boolean() }).strict()]),
  'activity:list': z.tuple([
    z
      .object({ profileId: profileId.optional(), limit: z.number().int().min(1).max(MAX_ACTIVITY_ENTRIES).optional() })
      .strict()
      .optional(),
  ]),
  'policy:get': z.tuple([]),
  'dialog:saveFile': z.tuple([fileName, fileText]),
  'dialog:openTextFile': z.tuple([]),
};
