// The Jira stand-in used by every test: an HTTP(S) server that behaves like Jira Data Center on the wire.
// Start one per test with startJiraStandIn() and close it afterwards.
export type {
  AdjustableOptions,
  ConnectionStats,
  Fault,
  FaultMatch,
  JiraStandIn,
  PersonalAccessTokenRecord,
  RateLimitOptions,
  RecordedRequest,
  SeedUser,
  StandInIdentityProvider,
  StandInOptions,
} from './types';
export { startJiraStandIn } from './server';
export { SEEDED_USERS } from './users';
