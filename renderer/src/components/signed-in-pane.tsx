// A signed-in server: who we are there, the account's login history, the session itself and the server.
import { useId, useState, type ReactNode } from 'react';
import { failedSignInsText } from '../../../electron/shared/attention';
import type { ServerProfile, SessionState, SessionUser } from '../../../electron/shared/model';
import { describeTimeZone, formatDate, parseIsoTime } from '../format/dates';
import { useNow } from '../hooks/use-now';
import { initialsOf } from '../view-model';
import { AlertTriangleIcon, LockIcon, ServerIcon } from './icons';
import { TimeValue } from './time-value';
import { ForgetPasswordButton } from './forget-password-button';
import './signed-in-pane.css';

const numbers = new Intl.NumberFormat();
const GROUPS_SHOWN = 12;

function Fact({ term, children, wide }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'facts-wide' : undefined}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Card({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h3 className="card-title" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}

function Avatar({ user }: { user: SessionUser }) {
  if (user.avatarDataUri?.startsWith('data:image/')) {
    return <img className="avatar" src={user.avatarDataUri} alt="" width={64} height={64} />;
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true">
      {initialsOf(user.displayName || user.name)}
    </span>
  );
}

function Groups({ groups }: { groups: string[] }) {
  const [expanded, setExpanded] = useState(false);
  if (groups.length === 0) return <span className="muted">None reported</span>;
  const shown = expanded ? groups : groups.slice(0, GROUPS_SHOWN);
  return (
    <>
      <ul className="chips" aria-label="Groups">
        {shown.map((group) => (
          <li key={group} className="chip">
            {group}
          </li>
        ))}
      </ul>
      {groups.length > GROUPS_SHOWN ? (
        <button
          type="button"
          className="button button-small button-quiet"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? 'Show fewer groups' : `Show all ${groups.length} groups`}
        </button>
      ) : null}
    </>
  );
}

function TimeZone({ timeZone, now }: { timeZone: string | undefined; now: number }) {
  if (!timeZone) return <span className="muted">Not reported</span>;
  const offset = describeTimeZone(timeZone, now);
  return (
    <>
      {timeZone}
      {offset ? <span className="muted"> · {offset}</span> : null}
    </>
  );
}

export interface SignedInPaneProps {
  profile: ServerProfile;
  session: SessionState;
  onForgetPassword(): void;
  forgetting?: boolean;
}

export function SignedInPane({ profile, session, onForgetPassword, forgetting = false }: SignedInPaneProps) {
  const now = useNow();
  const user = session.user;
  const login = session.loginInfo;
  const server = session.serverInfo;
  const buildDate = parseIsoTime(server?.buildDate);
  const displayName = user?.displayName || user?.name || profile.username;

  return (
    <div className="signed-in">
      <section className="card user-card" aria-labelledby="signed-in-heading">
        {user ? <Avatar user={user} /> : null}
        <div className="user-card-main">
          <h3 id="signed-in-heading" className="user-card-heading" tabIndex={-1} data-focus="signed-in-heading">
            <span className="eyebrow">Signed in as</span> <span className="user-card-name">{displayName}</span>
          </h3>
          <dl className="facts facts-flow">
            <Fact term="Username">
              <span className="mono-soft">{user?.name ?? profile.username}</span>
            </Fact>
            <Fact term="Email">
              {user?.emailAddress ? user.emailAddress : <span className="muted">Not reported</span>}
            </Fact>
            <Fact term="Time zone">
              <TimeZone timeZone={user?.timeZone} now={now} />
            </Fact>
            {user?.key ? (
              <Fact term="User key">
                <span className="mono-soft">{user.key}</span>
              </Fact>
            ) : null}
            <Fact term="Groups" wide>
              <Groups groups={user?.groups ?? []} />
            </Fact>
          </dl>
        </div>
      </section>

      <div className="card-grid">
        <Card title="Login history">
          <dl className="facts facts-stacked">
            <Fact term="Logins">
              {login?.loginCount !== undefined ? (
                <span className="big-number">{numbers.format(login.loginCount)}</span>
              ) : (
                <span className="muted">Not reported</span>
              )}
            </Fact>
            <Fact term="Failed logins">
              {login?.failedLoginCount !== undefined ? (
                <span className={`big-number${login.failedLoginCount > 0 ? ' has-failures' : ''}`}>
                  {login.failedLoginCount > 0 ? <AlertTriangleIcon size={16} /> : null}
                  {numbers.format(login.failedLoginCount)}
                </span>
              ) : (
                <span className="muted">Not reported</span>
              )}
            </Fact>
            {session.failedSignInsSinceCheck ? (
              <Fact term="Since the last check" wide>
                <span className="failed-since-check">{failedSignInsText(session.failedSignInsSinceCheck)}</span>
              </Fact>
            ) : null}
            <Fact term="Previous login" wide>
              <TimeValue iso={login?.previousLoginTime} now={now} missing="None recorded" />
            </Fact>
            <Fact term="Last failed login" wide>
              <TimeValue iso={login?.lastFailedLoginTime} now={now} missing="None recorded" />
            </Fact>
          </dl>
          <p className="card-footnote">Counts are totals since the account was created, as Jira reports them.</p>
        </Card>

        <Card title="Session">
          <dl className="facts facts-stacked">
            <Fact term="Signed in" wide>
              <TimeValue iso={session.signedInAt} now={now} />
            </Fact>
            <Fact term="Last verified" wide>
              <TimeValue iso={session.verifiedAt} now={now} missing="Not yet" />
            </Fact>
            <Fact term="Server node">
              {session.nodeId ? (
                <span className="mono-soft">{session.nodeId}</span>
              ) : (
                <span className="muted">Not reported</span>
              )}
            </Fact>
            <Fact term="Cookies held" wide>
              {session.cookieNames.length > 0 ? (
                <ul className="chips" aria-label="Cookie names">
                  {session.cookieNames.map((name) => (
                    <li key={name} className="chip chip-mono">
                      {name}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">None</span>
              )}
            </Fact>
            <Fact term="Stored" wide>
              {session.persisted ? (
                <span className="with-icon">
                  <LockIcon size={14} /> Encrypted on this computer
                </span>
              ) : (
                <span className="with-icon text-warning">In memory only: this session ends when you quit the app</span>
              )}
            </Fact>
            <Fact term="Saved password" wide>
              {session.passwordRemembered ? (
                <span className="inline-actions">
                  Saved
                  <ForgetPasswordButton forgetting={forgetting} onForget={onForgetPassword} />
                </span>
              ) : (
                <span className="muted">Not saved</span>
              )}
            </Fact>
          </dl>
        </Card>

        <Card title="Server">
          {server ? (
            <dl className="facts facts-stacked">
              <Fact term="Title" wide>
                <span className="with-icon">
                  <ServerIcon size={14} /> {server.serverTitle}
                </span>
              </Fact>
              <Fact term="Version">{server.version}</Fact>
              <Fact term="Build">{String(server.buildNumber)}</Fact>
              <Fact term="Deployment">{server.deploymentType}</Fact>
              <Fact term="Built">
                {buildDate !== undefined ? formatDate(buildDate) : <span className="muted">Not reported</span>}
              </Fact>
              <Fact term="Base URL reported" wide>
                <span className="mono-soft break">{server.baseUrl}</span>
              </Fact>
            </dl>
          ) : (
            <p className="muted">The server did not describe itself.</p>
          )}
        </Card>
      </div>
    </div>
  );
}
