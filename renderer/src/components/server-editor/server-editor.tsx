// Adding or editing a saved server: the form's sections, the connection test, and saving. The state and the
// rules live in useServerForm; each section only shows and edits its part.
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import type { CertificateSummary, ServerProfile } from '../../../../electron/shared/model';
import type { JiraSessionsBridge } from '../../bridge';
import type { NavigationGuard } from '../../hooks/use-navigation-guard';
import { ErrorNotice } from '../error-notice';
import { SpinnerIcon, TrashIcon } from '../icons';
import { AdvancedSection } from './advanced-section';
import { BasicsSection } from './basics-section';
import { ConnectionTest, useConnectionTest } from './connection-test';
import { SameServerDialog } from './same-server-dialog';
import { TrustSection } from './trust-section';
import { useSaveServer } from './use-save-server';
import { useServerForm } from './use-server-form';
import './server-editor.css';

export interface ServerEditorProps {
  bridge: JiraSessionsBridge;
  /** The server being edited; absent when adding one. */
  profile?: ServerProfile;
  /** Every saved server: saving one that repeats another asks first. */
  profiles: readonly ServerProfile[];
  /** The editor registers its changes and its save here, so leaving it asks first. */
  guard: Pick<NavigationGuard, 'register'>;
  onSaved(profile: ServerProfile, isNew: boolean): void;
  /** Cancel and Escape; the owner asks first (through the guard) when there are changes. */
  onCancel(): void;
  /** "Go to the existing one": show that saved server, leaving this form without saving. */
  onGoToServer(profileId: string): void;
  onDelete?(profile: ServerProfile): void;
  onOpenExternal(url: string): void;
}

export function ServerEditor(props: ServerEditorProps) {
  const { bridge, profile, profiles, guard, onCancel, onGoToServer, onDelete, onOpenExternal } = props;
  const form = useServerForm(profile);
  const connection = useConnectionTest(bridge, () => form.buildInput(true));
  const saver = useSaveServer({ bridge, form, profile, profiles, onSaved: props.onSaved });
  const { ids } = form;
  const { sameServer } = saver;
  const lastFocused = useRef<HTMLElement | null>(null);

  // The guard reads the latest form through this, without registering again on every keystroke.
  const latest = useRef({ form, submit: saver.submit });
  useEffect(() => {
    latest.current = { form, submit: saver.submit };
  });
  const label = profile?.label;
  useEffect(
    () =>
      guard.register({
        serverLabel: label,
        hasChanges: () => latest.current.form.hasChanges(),
        save: () => latest.current.submit(),
        restoreFocus: () => {
          const target = lastFocused.current?.isConnected ? lastFocused.current : null;
          (target ?? document.getElementById(`${ids}-title`))?.focus();
        },
      }),
    [guard, label, ids],
  );

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void saver.submit();
  };

  const escape = (event: KeyboardEvent<HTMLFormElement>) => {
    // A menu or a dialog inside the form handles its own Escape first.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onCancel();
  };

  const changeBaseUrl = (value: string) => {
    form.set('baseUrl', value);
    connection.clear();
  };

  const useSuggestedBaseUrl = (url: string) => {
    form.set('baseUrl', url);
    void connection.run({ baseUrl: url });
  };

  const pinCertificate = (certificate: CertificateSummary) => {
    form.set('pinned', certificate);
    connection.clear();
  };

  return (
    <form
      className="editor"
      aria-labelledby={`${ids}-title`}
      onSubmit={save}
      onKeyDown={escape}
      onFocus={(event) => {
        // Focus inside a dialog the form opened (a portal) is not a place in the form to come back to.
        if (event.currentTarget.contains(event.target)) lastFocused.current = event.target;
      }}
      noValidate
    >
      <div className="editor-header">
        <h2 id={`${ids}-title`} className="pane-title" tabIndex={-1} data-focus="editor-heading">
          {profile ? `Edit ${profile.label}` : 'Add server'}
        </h2>
        <p className="pane-subtitle">
          {profile
            ? 'Changes apply from the next sign-in or check.'
            : 'Your Jira password is not asked for here: you type it when you sign in.'}
        </p>
      </div>

      {saver.formError ? (
        <ErrorNotice error={saver.formError} onOpenExternal={onOpenExternal} onDismiss={saver.dismissError} />
      ) : null}

      <div className="card editor-card">
        <BasicsSection form={form} onBaseUrlChange={changeBaseUrl} />
        <TrustSection bridge={bridge} form={form} savedCaPem={profile?.caCertificate} />
        <AdvancedSection form={form} profile={profile} />
        <ConnectionTest
          test={connection}
          idPrefix={ids}
          baseUrl={form.url.ok ? form.url.baseUrl : undefined}
          onOpenExternal={onOpenExternal}
          onPinCertificate={pinCertificate}
          onUseBaseUrl={useSuggestedBaseUrl}
        />
      </div>

      <div className="editor-actions">
        {profile && onDelete ? (
          <button type="button" className="button button-danger-quiet" onClick={() => onDelete(profile)}>
            <TrashIcon />
            Delete server…
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" aria-disabled={saver.saving || undefined}>
          {saver.saving ? <SpinnerIcon /> : null}
          {saver.saving ? 'Saving…' : profile ? 'Save changes' : 'Save server'}
        </button>
      </div>
      {sameServer ? (
        <SameServerDialog
          existing={sameServer.existing}
          adding={profile === undefined}
          onSaveAnyway={saver.saveAnyway}
          onGoToExisting={() => onGoToServer(sameServer.existing.id)}
          onKeepEditing={saver.closeSameServer}
        />
      ) : null}
    </form>
  );
}
