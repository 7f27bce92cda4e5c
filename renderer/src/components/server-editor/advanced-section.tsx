// Rarely needed settings, folded away unless one is already in use: a proxy and the keep-alive.
import type { ServerProfile } from '../../../../electron/shared/model';
import { TextField } from '../text-field';
import type { ServerForm } from './use-server-form';

export interface AdvancedSectionProps {
  form: ServerForm;
  /** The saved server, if any: whether a proxy password is already kept changes the hint. */
  profile?: ServerProfile;
}

export function AdvancedSection({ form, profile }: AdvancedSectionProps) {
  const { values, set, errors, fieldId, problems } = form;
  const proxyError = errors.proxyUrl ?? problems.proxy;
  const noProxy = values.proxyUrl.trim() === '';
  return (
    <details
      className="editor-section advanced"
      open={Boolean(profile?.proxyUrl || profile?.keepAlive || proxyError) || undefined}
    >
      <summary>Advanced</summary>
      <div className="form-grid">
        <div className="form-grid-wide">
          <TextField
            id={fieldId('proxyUrl')}
            label="Proxy"
            error={proxyError}
            hint="Leave empty to use the system proxy (HTTPS_PROXY, NO_PROXY)."
            value={values.proxyUrl}
            spellCheck={false}
            autoCapitalize="off"
            placeholder="http://proxy.example.com:3128"
            onValueChange={(value) => set('proxyUrl', value)}
          />
        </div>
        <TextField
          id={fieldId('proxyUsername')}
          label="Proxy user name"
          error={errors.proxyUsername}
          hint="Only for a proxy that asks for credentials."
          value={values.proxyUsername}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          disabled={noProxy}
          onValueChange={(value) => set('proxyUsername', value)}
        />
        <TextField
          id={fieldId('proxyPassword')}
          label="Proxy password"
          error={errors.proxyPassword}
          hint={
            profile?.proxyUsername
              ? 'Leave empty to keep the saved one.'
              : 'Kept with the app’s other secrets, never shown again.'
          }
          type="password"
          value={values.proxyPassword}
          autoComplete="new-password"
          disabled={noProxy || values.proxyUsername.trim() === ''}
          onValueChange={(value) => set('proxyPassword', value)}
        />
        <div className="field field-check form-grid-wide">
          <input
            id={fieldId('keepAlive')}
            type="checkbox"
            checked={values.keepAlive}
            aria-describedby={`${fieldId('keepAlive')}-hint`}
            onChange={(event) => set('keepAlive', event.target.checked)}
          />
          <label htmlFor={fieldId('keepAlive')}>Keep the session alive</label>
          <p className="field-hint" id={`${fieldId('keepAlive')}-hint`}>
            Each check also resets Jira’s idle timeout, so the session does not expire while the app runs.
          </p>
        </div>
      </div>
    </details>
  );
}
