// The administrator's managed policy (issue 13 part 6): a JSON file in the system's standard place, which main
// resolves and the core reads (core/policy/). docs/policy.md has an example and every field; the schema is in
// policy-schema.ts. These are what every layer shares about it.
import { formatDuration } from './durations';
/** What the window learns of the policy (`policy:get`); a policy holds no secret anyway. */
export interface PolicyInfo {
  /** Where the app looks for the policy file on this system; absent when it looks nowhere. */
  path?: string;
  /** `none`: no file there. `invalid`: the file is ignored, `problem` says why. */
  status: 'none' | 'applied' | 'invalid';
  problem?: string;
  forbidRememberedPasswords: boolean;
  requireKeychain: boolean;
  /** The floor under every check interval, in seconds; absent when the policy sets none. */
  minimumCheckIntervalSeconds?: number;
}

export const NO_POLICY: PolicyInfo = { status: 'none', forbidRememberedPasswords: false, requireKeychain: false };

/** Why a control is off, said the same way in the window and in the core's refusals. */
export const POLICY_REASONS = {
  lockedServer: 'Set by your administrator: this server cannot be changed or removed here.',
  rememberedPasswords: 'Your administrator does not allow remembered passwords.',
  keychain: 'Your administrator requires the system keychain: without it sessions are kept only until the app quits.',
} as const;

/** A typed interval under the administrator's floor, in words; undefined when it is fine (or there is none). */
export function policyFloorProblem(seconds: number | undefined, policy: PolicyInfo): string | undefined {
  const floor = policy.minimumCheckIntervalSeconds;
  if (seconds === undefined || floor === undefined || seconds >= floor) return undefined;
  return floorSentence(floor);
}

export function floorSentence(floorSeconds: number): string {
  return `Your administrator set the shortest check interval to ${formatDuration(floorSeconds)}.`;
}

/** The floor as a policy sets it, or the app's own minimum. */
export function checkIntervalFloor(policy: Pick<PolicyInfo, 'minimumCheckIntervalSeconds'>, minimum: number): number {
  return Math.max(minimum, policy.minimumCheckIntervalSeconds ?? 0);
}
