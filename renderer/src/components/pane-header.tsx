// The selected server's header: its name, tags and address, and its actions, which hand what does not fit to a
// "More actions" menu.
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import { ariaShortcut } from '../hooks/use-shortcuts';
import { displayStatus, holdsSession, showsSessionDetails } from '../view-model';
import { ActionBar, type BarAction } from './action-bar';
import { AdminMark } from './admin/admin-mark';
import { CancelButton } from './cancel-button';
import { EnvironmentTag } from './environment-tag';
import { ExternalIcon, PencilIcon, RefreshIcon, SignOutIcon } from './icons';
import { OpenInJira } from './open-in-jira';
import { PlainHttpMark } from './plain-http-warning';
import { LockedMark } from './policy/locked-mark';
import type { PaneBusy } from './server-pane';
import { StatusBadge } from './status-badge';

export interface PaneHeaderProps {
  profile: ServerProfile;
  session: SessionState;
  busy: PaneBusy;
  platform?: string;
  onSignOut(profileId: string): void;
  onRefresh(profileId: string): void;
  onEdit(profileId: string): void;
  onOpenExternal(url: string): void;
  onOpenInJira(profileId: string, path?: string): void;
  /** Ends the check in flight. */
  onCancel?: (profileId: string) => void;
}

export function PaneHeader({
  profile,
  session,
  busy,
  platform,
  onSignOut,
  onRefresh,
  onEdit,
  onOpenExternal,
  onOpenInJira,
  onCancel,
}: PaneHeaderProps) {
  const id = profile.id;
  const showsDetails = showsSessionDetails(session);
  // An expired session holds no cookies any more: there is nothing to check until the next sign-in.
  const canRefresh = session.status === 'signed-in' || session.status === 'error';
  const canSignOut = holdsSession(session) || showsDetails;
  const signingOut = busy === 'sign-out' || session.activity === 'signing-out';
  const refreshing = busy === 'refresh' || session.activity === 'checking';
  const opening = busy === 'open';

  // Priorities: lower stays in view longer when the pane is narrow.
  const actions: BarAction[] = [
    {
      id: 'open-in-jira',
      label: 'Open in Jira',
      priority: 10,
      disabled: opening,
      keyShortcut: ariaShortcut(platform, 'O'),
      onSelect: () => onOpenInJira(id),
      render: () => (
        <OpenInJira
          primary={session.status === 'signed-in'}
          busy={opening}
          platform={platform}
          onOpen={(path) => onOpenInJira(id, path)}
        />
      ),
    },
  ];
  if (canRefresh && refreshing && onCancel) {
    actions.push({
      id: 'refresh',
      label: 'Cancel check',
      priority: 30,
      onSelect: () => onCancel(id),
      render: () => <CancelButton label="Cancel check" onCancel={() => onCancel(id)} />,
    });
  } else if (canRefresh) {
    actions.push({
      id: 'refresh',
      label: refreshing ? 'Checking…' : 'Refresh',
      priority: 30,
      icon: <RefreshIcon className={refreshing ? 'icon-spin' : undefined} />,
      disabled: refreshing || signingOut,
      busy: refreshing,
      onSelect: () => onRefresh(id),
    });
  }
  if (canSignOut) {
    actions.push({
      id: 'sign-out',
      label: signingOut ? 'Signing out…' : 'Sign out',
      priority: 20,
      icon: <SignOutIcon />,
      disabled: signingOut,
      busy: signingOut,
      onSelect: () => onSignOut(id),
    });
  }
  // A server the administrator's policy set is not edited here: its header says so instead.
  if (!profile.locked)
    actions.push({
      id: 'edit',
      label: 'Edit server',
      priority: 40,
      variant: 'quiet',
      icon: <PencilIcon />,
      onSelect: () => onEdit(id),
    });

  return (
    <div className="pane-header">
      <div className="pane-title-row">
        <h2 id="pane-heading" className="pane-title" tabIndex={-1} data-focus="pane-heading" title={profile.label}>
          {profile.label}
        </h2>
        <EnvironmentTag environment={profile.environment} />
        <AdminMark level={session.status === 'signed-in' ? session.adminLevel : undefined} />
        {profile.locked ? <LockedMark withText /> : null}
      </div>
      <div className="pane-subtitle">
        <StatusBadge status={displayStatus(session)} />
        <span className="pane-url">{profile.baseUrl}</span>
        <PlainHttpMark baseUrl={profile.baseUrl} />
        <button type="button" className="link-button" onClick={() => onOpenExternal(profile.baseUrl)}>
          Open in browser
          <ExternalIcon size={13} />
        </button>
      </div>
      <ActionBar label="Server actions" actions={actions} className="pane-actions" />
    </div>
  );
}
