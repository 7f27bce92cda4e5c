// Adding or editing a saved server: the form's sections, the connection test, and saving. The state and the
// rules live in useServerForm; each section only shows and edits its part.
import { useState, type FormEvent } from 'react';
import type { AppErrorInfo, CertificateSummary, ServerProfile } from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { ErrorNotice } from '../error-notice';
import { SpinnerIcon, TrashIcon } from '../icons';
import { AdvancedSection } from './advanced-section';
import { BasicsSection } from './basics-section';
import { ConnectionTest, useConnectionTest } from './connection-test';
import { TrustSection } from './trust-section';
import { fieldOfInvalidInput, useServerForm } from './use-server-form';
import './server-editor.css';

export interface ServerEditorProps {
  bridge: JiraSessionsBridge;
  /** The server being edited; absent when adding one. */
  profile?: ServerProfile;
  onSaved(profile: ServerProfile, isNew: boolean): void;
  onCancel(): void;
  onDelete?(profile: ServerProfile): void;
  onOpenExternal(url: string): void;
}

export function ServerEditor({ bridge, profile, onSaved, onCancel, onDelete, onOpenExternal }: ServerEditorProps) {
  const form = useServerForm(profile);
  const connection = useConnectionTest(bridge, () => form.buildInput(true));
  const [formError, setFormError] = useState<AppErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const { ids } = form;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const input = form.buildInput(false);
    if (!input) return;
    setSaving(true);
    try {
      const saved = await bridge.saveProfile(input);
      setSaving(false);
      onSaved(saved, profile === undefined);
    } catch (reason) {
      setSaving(false);
      const error = readAppError(reason);
      // An invalid value the core names goes next to its field; anything else above the form.
      const invalid = error.kind === 'invalid-input' ? fieldOfInvalidInput(error) : undefined;
      if (invalid?.field) form.showErrors({ [invalid.field]: invalid.text });
      else setFormError(error);
    }
  };

  const changeBaseUrl = (value: string) => {
    form.set('baseUrl', value);
    connection.clear();
  };

  const pinCertificate = (certificate: CertificateSummary) => {
    form.set('pinned', certificate);
    connection.clear();
  };

  return (
    <form className="editor" aria-labelledby={`${ids}-title`} onSubmit={(event) => void save(event)} noValidate>
      <div className="editor-header">
        <h2 id={`${ids}-title`} className="pane-title" tabIndex={-1} data-focus="editor-heading">
          {profile ? `Edit ${profile.label}` : 'Add server'}
        </h2>
        <p className="pane-subtitle">
          {profile
            ? 'Changes apply from the next sign-in or check.'
            : 'Everything here is public: no password is stored with a server.'}
        </p>
      </div>

      {formError ? (
        <ErrorNotice error={formError} onOpenExternal={onOpenExternal} onDismiss={() => setFormError(null)} />
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
        <button type="submit" className="button button-primary" aria-disabled={saving || undefined}>
          {saving ? <SpinnerIcon /> : null}
          {saving ? 'Saving…' : profile ? 'Save changes' : 'Save server'}
        </button>
      </div>
    </form>
  );
}
