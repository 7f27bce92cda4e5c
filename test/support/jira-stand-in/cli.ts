// `npm run jira-stand-in -- [options]`: the stand-in as a long-running server, to click through the app by hand
// against a "Jira" that can misbehave on request.
import { parseArgs } from 'node:util';
import { startJiraStandIn } from './server';
import type { StandInOptions } from './types';

const USAGE = `Usage: npm run jira-stand-in -- [options]
  --port N                 port on 127.0.0.1 (default: $PORT or 8080; 0 = any free port)
  --https                  serve HTTPS with a certificate from a CA made at start (its PEM is printed)
  --context-path PATH      e.g. /jira
  --cluster                two nodes behind a sticky (ROUTEID) load balancer, sessions not replicated
  --captcha-after N        demand a CAPTCHA after N consecutive failed logins of a user
  --basic-auth-disabled    refuse POST /rest/auth/1/session with 403
  --sso                    SSO-only: anonymous REST calls redirect to a SAML login page, and /login.jsp to an
                           identity provider started on another port (/login.jsp?auth_fallback keeps the form)
  --two-step               the web login asks for a 6-digit code after the password (codes are printed)
  --web-sudo-disabled      admin pages and resources need an administrator but no WebSudo password
  --tokens-unavailable     no personal access tokens (Jira before 8.14): /rest/pat/* answers 404
  --latency MS             delay before every response
  --idle-timeout MS        session idle timeout (default 300 minutes)
  --rate-limit N/SECONDS   allow N requests per SECONDS per client, then 429
  --help                   show this text`;

function count(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, not "${text}".`);
  return value;
}

function rateLimit(text: string | undefined): StandInOptions['rateLimit'] {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const requests = Number(match?.[1]);
  const intervalSeconds = Number(match?.[2]);
  if (!(requests > 0) || !(intervalSeconds > 0))
    throw new Error(`--rate-limit needs N/SECONDS, e.g. 10/60, not "${text}".`);
  return { requests, intervalSeconds };
}

function parseOptions(argv: string[]): StandInOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      https: { type: 'boolean' },
      'context-path': { type: 'string' },
      cluster: { type: 'boolean' },
      'captcha-after': { type: 'string' },
      'basic-auth-disabled': { type: 'boolean' },
      sso: { type: 'boolean' },
      'two-step': { type: 'boolean' },
      'web-sudo-disabled': { type: 'boolean' },
      'tokens-unavailable': { type: 'boolean' },
      latency: { type: 'string' },
      'idle-timeout': { type: 'string' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return 'help';
  return {
    port: count('port', values.port ?? process.env.PORT) ?? 8080,
    https: values.https === true,
    contextPath: values['context-path'] ?? '',
    cluster: values.cluster === true,
    captchaAfterFailures: count('captcha-after', values['captcha-after']),
    basicAuthDisabled: values['basic-auth-disabled'] === true,
    sso: values.sso === true,
    twoStep: values['two-step'] === true,
    webSudoDisabled: values['web-sudo-disabled'] === true,
    tokensUnavailable: values['tokens-unavailable'] === true,
    latencyMs: count('latency', values.latency),
    idleTimeoutMs: count('idle-timeout', values['idle-timeout']),
    rateLimit: rateLimit(values['rate-limit']),
  };
}

async function main(): Promise<void> {
  let options: StandInOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  const server = await startJiraStandIn(options);
  console.log(`Jira stand-in listening at ${server.baseUrl}`);
  console.log('Users (name / password):');
  for (const user of server.users) {
    const code = options.twoStep === true ? `  two-step code ${server.twoStepCode(user.name)}` : '';
    console.log(`  ${user.name} / ${user.password}  (${user.displayName})${code}`);
  }
  if (server.identityProvider !== undefined) console.log(`Identity provider at ${server.identityProvider.origin}`);
  if (server.caPem !== undefined) {
    console.log("\nCA certificate to add as the profile's extra CA:");
    console.log(server.caPem.trim());
  }
  console.log('\nPress Ctrl+C to stop.');

  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
