// The channels of the estate features (import and export, history, settings, reset, updates), declared here and
// merged into contract.ts's maps, so the hot contract file only names this module.
import type { ActivityEntry, ActivityQuery } from './activity';
import type { PolicyInfo } from './policy';
import type { ImportOptions, ImportReport } from './transfer';

export interface EstateCoreInvokeMap {
  /** The servers (all, or those named) as the versioned JSON export document; no secret in it. */
  'profiles:export': (profileIds?: string[]) => string;
  /** Judges an export document or CSV; with `apply` also saves the new and changed servers. */
  'profiles:import': (text: string, options: ImportOptions) => ImportReport;
  /** The administrator's policy as it applies (or why it is ignored): no secret in it. */
  'policy:get': () => PolicyInfo;
  /** The activity log, newest first: every server's, or one server's with `profileId`. */
  'activity:list': (query?: ActivityQuery) => ActivityEntry[];
}

/** A text file the person picked in the open dialog. */
export interface OpenedTextFile {
  fileName: string;
  text: string;
}

export interface EstateShellInvokeMap {
  /** Saves text to a file the person picks in a save dialog; false when they cancelled. */
  'dialog:saveFile': (suggestedName: string, text: string) => boolean;
  /** Reads a JSON or CSV file the person picks in an open dialog; null when they cancelled. */
  'dialog:openTextFile': () => OpenedTextFile | null;
}

export const ESTATE_BRIDGE_METHODS = {
  exportProfiles: 'profiles:export',
  importProfiles: 'profiles:import',
  listActivity: 'activity:list',
  getPolicy: 'policy:get',
  saveFile: 'dialog:saveFile',
  openTextFile: 'dialog:openTextFile',
} as const;

export const ESTATE_SHELL_CHANNELS = {
  'dialog:saveFile': true,
  'dialog:openTextFile': true,
} as const satisfies Record<keyof EstateShellInvokeMap, true>;
