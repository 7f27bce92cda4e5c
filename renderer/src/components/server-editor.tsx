// Adding or editing a saved server. The base URL is checked and normalised as it is typed with the same rule
// the core applies, and "Test connection" shows what the server says before anything is saved.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { normalizeBaseUrl, sessionUrlFor } from '../../../electron/shared/base-url';
import {
  ENVIRONMENTS,
  type AppErrorInfo,
  type CertificateSummary,
  type ConnectionTestResult,
  type Environment,
  type ProfileInput,
  type ServerProfile,
} from '../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../bridge';
import { formatDuration } from '../format/dates';
import {
  DEFAULT_POLL_INTERVAL_SECONDS,
  joinPollInterval,
  MAX_POLL_INTERVAL_SECONDS,
  MIN_POLL_INTERVAL_SECONDS,
  splitPollInterval,
  type PollUnit,
} from '../format/poll-interval';
import { ENVIRONMENT_TEXT, hostOf } from '../view-model';
import { CertificateDetails } from './certificate-details';
import { ErrorNotice } from './error-notice';
import { CertificateIcon, CheckCircleIcon, ServerIcon, SpinnerIcon, TrashIcon } from './icons';

type Field =
  | 'label'
  | 'baseUrl'
  | 'username'
  | 'environment'
  | 'pollIntervalSeconds'
  | 'proxyUrl'
  | 'proxyUsername'
  | 'proxyPassword'
  | 'caCertificate'
  | 'pinnedCertificatePem';
const FIELDS: readonly Field[] = [
  'label',
  'baseUrl',
  'username',
  'environment',
  'pollIntervalSeconds',
  'proxyUrl',
  'proxyUsername',
  'proxyPassword',
  'caCertificate',
  'pinnedCertificatePem',
];
type FieldErrors = Partial<Record<Field, string>>;

function isField(name: string | undefined): name is Field {
  return name !== undefined && (FIELDS as readonly string[]).includes(name);
}

/** Which field an invalid-input error is about: the core names it in `field`. */
export function fieldOfInvalidInput(error: AppErrorInfo): { field?: Field; text: string } {
  return isField(error.field) ? { field: error.field, text: error.message } : { text: error.message };
}

interface CaState {
  pem: string;
  fileName?: string;
  certificate?: CertificateSummary;
}

function proxyProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use an http:// or https:// proxy address.';
    if (url.username !== '' || url.password !== '') return 'Leave credentials out of the proxy address.';
    return undefined;
  } catch {
    return 'Enter the proxy as a full address, e.g. http://proxy.example.com:3128.';
  }
}

function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  return [hasError ? `${id}-error` : '', hasHint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

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
  const ids = useId();
  const fieldId = (field: Field | 'pollUnit' | 'keepAlive') => `${ids}-${field}`;
  const initialPoll = splitPollInterval(profile?.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS);

  const [label, setLabel] = useState(profile?.label ?? '');
  const [baseUrl, setBaseUrl] = useState(profile?.baseUrl ?? '');
  const [username, setUsername] = useState(profile?.username ?? '');
  const [environment, setEnvironment] = useState<Environment>(profile?.environment ?? 'production');
  const [pollValue, setPollValue] = useState(initialPoll.value);
  const [pollUnit, setPollUnit] = useState<PollUnit>(initialPoll.unit);
  const [keepAlive, setKeepAlive] = useState(profile?.keepAlive ?? false);
  const [proxyUrl, setProxyUrl] = useState(profile?.proxyUrl ?? '');
  const [proxyUsername, setProxyUsername] = useState(profile?.proxyUsername ?? '');
  // Like the sign-in password, held only until it is sent; empty means "keep the saved one".
  const [proxyPassword, setProxyPassword] = useState('');
  const [ca, setCa] = useState<CaState | null>(profile?.caCertificate ? { pem: profile.caCertificate } : null);
  const [pinned, setPinned] = useState<CertificateSummary | null>(profile?.pinnedCertificate ?? null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<AppErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<{ ok: ConnectionTestResult } | { error: AppErrorInfo } | null>(null);
  const [caError, setCaError] = useState<AppErrorInfo | null>(null);
  const [choosing, setChoosing] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The answer may land below the fold of a long form: bring it into view.
    if (testResult) resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [testResult]);

  // A saved CA certificate arrives as PEM only; ask main what it is so the user sees whose it is.
  const savedPem = profile?.caCertificate;
  useEffect(() => {
    if (!savedPem) return;
    let current = true;
    bridge.inspectCertificate(savedPem).then(
      (certificate) => {
        if (current) setCa((state) => (state && state.pem === savedPem ? { ...state, certificate } : state));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge, savedPem]);

  const url = normalizeBaseUrl(baseUrl);
  const pollSeconds = joinPollInterval(pollValue, pollUnit);
  const pollProblem =
    pollSeconds === undefined
      ? 'Enter a whole number of seconds or minutes.'
      : pollSeconds < MIN_POLL_INTERVAL_SECONDS
        ? `Check at most every ${formatDuration(MIN_POLL_INTERVAL_SECONDS)}.`
        : pollSeconds > MAX_POLL_INTERVAL_SECONDS
          ? `Check at least once every ${formatDuration(MAX_POLL_INTERVAL_SECONDS)}.`
          : undefined;
  const liveProxyProblem = proxyProblem(proxyUrl);

  const clearError = (field: Field) => {
    if (fieldErrors[field]) setFieldErrors(({ [field]: _removed, ...rest }) => rest);
  };

  const buildInput = (forTest: boolean): ProfileInput | null => {
    const errors: FieldErrors = {};
    if (!forTest && label.trim() === '') errors.label = 'Give the server a name.';
    if (!url.ok) errors.baseUrl = url.reason;
    if (pollProblem) errors.pollIntervalSeconds = pollProblem;
    if (liveProxyProblem) errors.proxyUrl = liveProxyProblem;
    const first = FIELDS.find((field) => errors[field]);
    if (first || !url.ok || pollSeconds === undefined) {
      setFieldErrors(errors);
      if (first) document.getElementById(fieldId(first))?.focus();
      return null;
    }
    const input: ProfileInput = {
      label: label.trim() || hostOf(url.baseUrl),
      baseUrl: url.baseUrl,
      username: username.trim(),
      environment,
      pollIntervalSeconds: pollSeconds,
      keepAlive,
    };
    if (profile) input.id = profile.id;
    if (ca) input.caCertificate = ca.pem;
    if (pinned?.pem) input.pinnedCertificatePem = pinned.pem;
    if (proxyUrl.trim()) {
      input.proxyUrl = proxyUrl.trim();
      if (proxyUsername.trim()) input.proxyUsername = proxyUsername.trim();
      if (proxyUsername.trim() && proxyPassword !== '') input.proxyPassword = proxyPassword;
    }
    return input;
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const input = buildInput(false);
    if (!input) return;
    setSaving(true);
    try {
      const saved = await bridge.saveProfile(input);
      setSaving(false);
      onSaved(saved, profile === undefined);
    } catch (reason) {
      setSaving(false);
      const error = readAppError(reason);
      if (error.kind === 'invalid-input') {
        const { field, text } = fieldOfInvalidInput(error);
        if (field) {
          setFieldErrors({ [field]: text });
          document.getElementById(fieldId(field))?.focus();
          return;
        }
      }
      setFormError(error);
    }
  };

  const test = async () => {
    if (testing) return;
    const input = buildInput(true);
    if (!input) return;
    setTesting(true);
    setTestResult(null);
    try {
      setTestResult({ ok: await bridge.testConnection(input) });
    } catch (reason) {
      setTestResult({ error: readAppError(reason) });
    } finally {
      setTesting(false);
    }
  };

  const chooseCertificate = async () => {
    setChoosing(true);
    setCaError(null);
    try {
      const chosen = await bridge.chooseCaCertificate();
      if (chosen) {
        setCa({ pem: chosen.pem, fileName: chosen.fileName, certificate: chosen.certificate });
        clearError('caCertificate');
      }
    } catch (reason) {
      setCaError(readAppError(reason));
    } finally {
      setChoosing(false);
    }
  };

  const pinCertificate = (certificate: CertificateSummary) => {
    setPinned(certificate);
    setTestResult(null);
  };

  const title = profile ? `Edit ${profile.label}` : 'Add server';
  const baseUrlHint =
    baseUrl.trim() === '' ? (
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
  const baseUrlError = fieldErrors.baseUrl ?? (baseUrl.trim() !== '' && !url.ok ? url.reason : undefined);
  const pollError = fieldErrors.pollIntervalSeconds ?? (pollValue.trim() !== '' ? pollProblem : undefined);
  const proxyError = fieldErrors.proxyUrl ?? liveProxyProblem;

  return (
    <form className="editor" aria-labelledby={`${ids}-title`} onSubmit={save} noValidate>
      <div className="editor-header">
        <h2 id={`${ids}-title`} className="pane-title" tabIndex={-1} data-focus="editor-heading">
          {title}
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
        <div className="form-grid">
          <FormField
            id={fieldId('label')}
            label="Server name"
            error={fieldErrors.label}
            hint="How the server appears in the list."
          >
            <input
              id={fieldId('label')}
              value={label}
              maxLength={80}
              autoComplete="off"
              data-focus="editor-label"
              aria-invalid={fieldErrors.label ? true : undefined}
              aria-describedby={describedBy(fieldId('label'), true, Boolean(fieldErrors.label))}
              onChange={(event) => {
                setLabel(event.target.value);
                clearError('label');
              }}
            />
          </FormField>

          <FormField
            id={fieldId('environment')}
            label="Environment"
            hint="Production servers are marked in red everywhere."
          >
            <select
              id={fieldId('environment')}
              value={environment}
              aria-describedby={`${fieldId('environment')}-hint`}
              onChange={(event) => setEnvironment(event.target.value as Environment)}
            >
              {ENVIRONMENTS.map((value) => (
                <option key={value} value={value}>
                  {ENVIRONMENT_TEXT[value].full}
                </option>
              ))}
            </select>
          </FormField>

          <div className="form-grid-wide">
            <FormField id={fieldId('baseUrl')} label="Base URL" error={baseUrlError} hint={baseUrlHint}>
              <input
                id={fieldId('baseUrl')}
                type="url"
                inputMode="url"
                value={baseUrl}
                spellCheck={false}
                autoCapitalize="off"
                autoComplete="url"
                placeholder="https://jira.example.com"
                aria-invalid={baseUrlError ? true : undefined}
                aria-describedby={describedBy(fieldId('baseUrl'), baseUrlHint !== undefined, Boolean(baseUrlError))}
                onChange={(event) => {
                  setBaseUrl(event.target.value);
                  clearError('baseUrl');
                  setTestResult(null);
                }}
              />
            </FormField>
          </div>

          <FormField
            id={fieldId('username')}
            label="Username"
            error={fieldErrors.username}
            hint="Filled in when you sign in."
          >
            <input
              id={fieldId('username')}
              value={username}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="username"
              aria-invalid={fieldErrors.username ? true : undefined}
              aria-describedby={describedBy(fieldId('username'), true, Boolean(fieldErrors.username))}
              onChange={(event) => {
                setUsername(event.target.value);
                clearError('username');
              }}
            />
          </FormField>

          <div className={`field${pollError ? ' has-error' : ''}`}>
            <label htmlFor={fieldId('pollIntervalSeconds')}>Check the session every</label>
            <div className="input-group">
              <input
                id={fieldId('pollIntervalSeconds')}
                inputMode="numeric"
                value={pollValue}
                className="input-short"
                aria-invalid={pollError ? true : undefined}
                aria-describedby={describedBy(fieldId('pollIntervalSeconds'), true, Boolean(pollError))}
                onChange={(event) => {
                  setPollValue(event.target.value);
                  clearError('pollIntervalSeconds');
                }}
              />
              <select
                id={fieldId('pollUnit')}
                aria-label="Unit"
                value={pollUnit}
                onChange={(event) => setPollUnit(event.target.value as PollUnit)}
              >
                <option value="minutes">minutes</option>
                <option value="seconds">seconds</option>
              </select>
            </div>
            {pollError ? (
              <p className="field-error" id={`${fieldId('pollIntervalSeconds')}-error`}>
                {pollError}
              </p>
            ) : null}
            <p className="field-hint" id={`${fieldId('pollIntervalSeconds')}-hint`}>
              {`From ${formatDuration(MIN_POLL_INTERVAL_SECONDS)} to ${formatDuration(MAX_POLL_INTERVAL_SECONDS)}; ${formatDuration(DEFAULT_POLL_INTERVAL_SECONDS)} unless you change it.`}
            </p>
          </div>
        </div>

        <fieldset className="editor-section">
          <legend>Trust</legend>
          {ca ? (
            <div className="cert-card">
              <div className="cert-card-head">
                <CertificateIcon size={18} />
                <span className="cert-card-title">{ca.fileName ?? 'Extra CA certificate'}</span>
                <span className="cert-card-actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void chooseCertificate()}
                    disabled={choosing}
                  >
                    Replace…
                  </button>
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    aria-label="Remove CA certificate"
                    onClick={() => setCa(null)}
                  >
                    Remove
                  </button>
                </span>
              </div>
              {ca.certificate ? (
                <CertificateDetails certificate={ca.certificate} />
              ) : (
                <p className="muted">Reading the certificate…</p>
              )}
            </div>
          ) : (
            <div className="field">
              <button
                type="button"
                className="button"
                onClick={() => void chooseCertificate()}
                disabled={choosing}
                aria-describedby={`${ids}-ca-hint`}
              >
                <CertificateIcon />
                Choose CA certificate…
              </button>
              <p className="field-hint" id={`${ids}-ca-hint`}>
                For servers whose certificate comes from your organisation’s own CA. It is added to the trusted roots
                for this server only.
              </p>
            </div>
          )}
          {fieldErrors.caCertificate ? <p className="field-error">{fieldErrors.caCertificate}</p> : null}
          {caError ? <ErrorNotice error={caError} onDismiss={() => setCaError(null)} /> : null}
          {pinned ? (
            <div className="cert-card cert-card-pinned">
              <div className="cert-card-head">
                <CertificateIcon size={18} />
                <span className="cert-card-title">Pinned server certificate</span>
                <span className="cert-card-actions">
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    aria-label="Remove pinned certificate"
                    onClick={() => setPinned(null)}
                  >
                    Remove
                  </button>
                </span>
              </div>
              <CertificateDetails certificate={pinned} />
              {pinned.pem ? null : (
                <p className="field-error">
                  This pin has no certificate to save with it; test the connection to pin again.
                </p>
              )}
            </div>
          ) : null}
        </fieldset>

        <details
          className="editor-section advanced"
          open={Boolean(profile?.proxyUrl || profile?.keepAlive || proxyError) || undefined}
        >
          <summary>Advanced</summary>
          <div className="form-grid">
            <div className="form-grid-wide">
              <FormField
                id={fieldId('proxyUrl')}
                label="Proxy"
                error={proxyError}
                hint="Leave empty to use the system proxy (HTTPS_PROXY, NO_PROXY)."
              >
                <input
                  id={fieldId('proxyUrl')}
                  value={proxyUrl}
                  spellCheck={false}
                  autoCapitalize="off"
                  placeholder="http://proxy.example.com:3128"
                  aria-invalid={proxyError ? true : undefined}
                  aria-describedby={describedBy(fieldId('proxyUrl'), true, Boolean(proxyError))}
                  onChange={(event) => {
                    setProxyUrl(event.target.value);
                    clearError('proxyUrl');
                  }}
                />
              </FormField>
            </div>
            <FormField
              id={fieldId('proxyUsername')}
              label="Proxy user name"
              error={fieldErrors.proxyUsername}
              hint="Only for a proxy that asks for credentials."
            >
              <input
                id={fieldId('proxyUsername')}
                value={proxyUsername}
                spellCheck={false}
                autoCapitalize="off"
                autoComplete="off"
                disabled={proxyUrl.trim() === ''}
                aria-invalid={fieldErrors.proxyUsername ? true : undefined}
                aria-describedby={describedBy(fieldId('proxyUsername'), true, Boolean(fieldErrors.proxyUsername))}
                onChange={(event) => {
                  setProxyUsername(event.target.value);
                  clearError('proxyUsername');
                }}
              />
            </FormField>
            <FormField
              id={fieldId('proxyPassword')}
              label="Proxy password"
              error={fieldErrors.proxyPassword}
              hint={
                profile?.proxyUsername
                  ? 'Leave empty to keep the saved one.'
                  : 'Kept with the app’s other secrets, never shown again.'
              }
            >
              <input
                id={fieldId('proxyPassword')}
                type="password"
                value={proxyPassword}
                autoComplete="new-password"
                disabled={proxyUrl.trim() === '' || proxyUsername.trim() === ''}
                aria-invalid={fieldErrors.proxyPassword ? true : undefined}
                aria-describedby={describedBy(fieldId('proxyPassword'), true, Boolean(fieldErrors.proxyPassword))}
                onChange={(event) => {
                  setProxyPassword(event.target.value);
                  clearError('proxyPassword');
                }}
              />
            </FormField>
            <div className="field field-check form-grid-wide">
              <input
                id={fieldId('keepAlive')}
                type="checkbox"
                checked={keepAlive}
                aria-describedby={`${fieldId('keepAlive')}-hint`}
                onChange={(event) => setKeepAlive(event.target.checked)}
              />
              <label htmlFor={fieldId('keepAlive')}>Keep the session alive</label>
              <p className="field-hint" id={`${fieldId('keepAlive')}-hint`}>
                Each check also resets Jira’s idle timeout, so the session does not expire while the app runs.
              </p>
            </div>
          </div>
        </details>

        <section className="editor-section" aria-labelledby={`${ids}-connection`}>
          <h3 className="section-title" id={`${ids}-connection`}>
            Connection
          </h3>
          <div className="connection-row">
            <button
              type="button"
              className="button"
              onClick={() => void test()}
              disabled={testing}
              aria-busy={testing || undefined}
              aria-describedby={`${ids}-test-hint`}
            >
              {testing ? <SpinnerIcon /> : <ServerIcon />}
              {testing ? 'Testing…' : 'Test connection'}
            </button>
            <p className="field-hint" id={`${ids}-test-hint`}>
              Asks the server who it is and checks its certificate. Nothing is saved and your Jira password is not sent.
            </p>
          </div>
          <div className="test-result" aria-live="polite" ref={resultRef}>
            {testing ? (
              <p className="with-icon muted">
                <SpinnerIcon /> Testing the connection…
              </p>
            ) : testResult && 'ok' in testResult ? (
              <div className="notice notice-success" data-test-result="ok">
                <span className="notice-icon">
                  <CheckCircleIcon size={18} />
                </span>
                <div className="notice-body">
                  <p className="notice-title">Connected to {testResult.ok.serverInfo.serverTitle}</p>
                  <p className="notice-message">
                    Jira {testResult.ok.serverInfo.version} · build {testResult.ok.serverInfo.buildNumber} ·{' '}
                    {testResult.ok.serverInfo.deploymentType}
                  </p>
                  <p className="notice-detail">
                    Signs in at <code>{testResult.ok.sessionUrl}</code>
                  </p>
                  {testResult.ok.warnings.length > 0 ? (
                    <ul className="notice-list">
                      {testResult.ok.warnings.map((warning) => (
                        <li key={warning}>{warning}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </div>
            ) : testResult ? (
              <ErrorNotice
                error={testResult.error}
                baseUrl={url.ok ? url.baseUrl : undefined}
                onOpenExternal={onOpenExternal}
                onRetry={() => void test()}
                onPinCertificate={pinCertificate}
              />
            ) : null}
          </div>
        </section>
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
