// The editor's first block: the server's name, environment, address, username and how often it is checked.
import { sessionUrlFor } from '../../../../electron/shared/base-url';
import { MAX_LABEL_LENGTH } from '../../../../electron/shared/limits';
import { ENVIRONMENTS, type Environment } from '../../../../electron/shared/model';
import { formatDuration } from '../../format/dates';
import { MAX_POLL_INTERVAL_SECONDS, type PollUnit } from '../../format/poll-interval';
import { ENVIRONMENT_TEXT } from '../../view-model';
import { CheckCircleIcon } from '../icons';
import { FormField, TextField } from '../text-field';
import { SignInMethodField } from './sign-in-method-field';
import type { ServerForm } from './use-server-form';

const USERNAME_HINT = {
  password: 'Filled in when you sign in.',
  web: 'The login page decides who you are; the app warns when it is someone else.',
  token: 'The account the token belongs to; Jira checks the token, not this name.',
} as const;

/** The range, the floor's source and what a new server starts at (Settings' default). */
function pollHint({ floor, byPolicy, proposed }: ServerForm['pollLimits']): string {
  const range = `From ${formatDuration(floor)} to ${formatDuration(MAX_POLL_INTERVAL_SECONDS)}`;
  const source = byPolicy ? ' (the shortest your administrator allows)' : '';
  return `${range}${source}; new servers start at ${formatDuration(proposed)} (Settings).`;
}

export interface BasicsSectionProps {
  form: ServerForm;
  /** The address changed: whatever a connection test said no longer applies. */
  onBaseUrlChange(value: string): void;
}

export function BasicsSection({ form, onBaseUrlChange }: BasicsSectionProps) {
  const { values, set, errors, fieldId, url, problems } = form;
  const baseUrlTyped = values.baseUrl.trim() !== '';
  const baseUrlHint = !baseUrlTyped ? (
    <span>The address you open Jira at, e.g. https://jira.example.com or https://example.com/jira.</span>
  ) : url.ok ? (
    <span className="url-preview">
      <span className="with-icon text-success">
        <CheckCircleIcon size={14} /> Base URL <code>{url.baseUrl}</code>
      </span>{' '}
      <span>
        Signs in at <code>{sessionUrlFor(url.baseUrl)}</code>
      </span>
    </span>
  ) : undefined;
  const baseUrlError = errors.baseUrl ?? (baseUrlTyped && !url.ok ? url.reason : undefined);
  const pollError = errors.pollIntervalSeconds ?? (values.pollValue.trim() !== '' ? problems.poll : undefined);

  return (
    <div className="form-grid">
      <TextField
        id={fieldId('label')}
        label="Server name"
        error={errors.label}
        hint="How the server appears in the list."
        value={values.label}
        maxLength={MAX_LABEL_LENGTH}
        autoComplete="off"
        data-focus="editor-label"
        onValueChange={(value) => set('label', value)}
      />

      <FormField
        id={fieldId('environment')}
        label="Environment"
        error={errors.environment}
        hint="Production servers are marked in red everywhere."
      >
        {(control) => (
          <select
            {...control}
            aria-required="true"
            value={values.environment}
            onChange={(event) => set('environment', event.target.value as Environment)}
          >
            {values.environment === '' ? (
              <option value="" disabled>
                Choose…
              </option>
            ) : null}
            {ENVIRONMENTS.map((value) => (
              <option key={value} value={value}>
                {ENVIRONMENT_TEXT[value].full}
              </option>
            ))}
          </select>
        )}
      </FormField>

      <div className="form-grid-wide">
        <TextField
          id={fieldId('baseUrl')}
          label="Base URL"
          error={baseUrlError}
          hint={baseUrlHint}
          type="url"
          inputMode="url"
          value={values.baseUrl}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="url"
          placeholder="https://jira.example.com"
          onValueChange={onBaseUrlChange}
        />
      </div>

      <SignInMethodField form={form} />

      <TextField
        id={fieldId('username')}
        label={values.signInMethod === 'web' ? 'Username (optional)' : 'Username'}
        error={errors.username}
        hint={USERNAME_HINT[values.signInMethod]}
        value={values.username}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="username"
        onValueChange={(value) => set('username', value)}
      />

      <FormField
        id={fieldId('pollIntervalSeconds')}
        label="Check the session every"
        error={pollError}
        hint={pollHint(form.pollLimits)}
      >
        {(control) => (
          <div className="input-group">
            <input
              {...control}
              inputMode="numeric"
              value={values.pollValue}
              className="input-short"
              onChange={(event) => set('pollValue', event.target.value)}
            />
            <select
              id={fieldId('pollUnit')}
              aria-label="Unit"
              value={values.pollUnit}
              onChange={(event) => set('pollUnit', event.target.value as PollUnit)}
            >
              <option value="minutes">minutes</option>
              <option value="seconds">seconds</option>
            </select>
          </div>
        )}
      </FormField>
    </div>
  );
}
