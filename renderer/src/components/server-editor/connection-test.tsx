// "Test connection": asks the server who it is before anything is saved, and shows the answer or what went wrong
// (with the certificate to pin when it is not trusted).
import { useEffect, useRef, useState } from 'react';
import type {
  AppErrorInfo,
  CertificateSummary,
  ConnectionTestResult,
  ProfileInput,
} from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { CancelButton } from '../cancel-button';
import { ErrorNotice } from '../error-notice';
import { CheckCircleIcon, ServerIcon, SpinnerIcon } from '../icons';
import { Notice } from '../notice';

export type TestOutcome = { ok: ConnectionTestResult } | { error: AppErrorInfo } | { cancelled: true };

/** The test's state; `clear` drops an answer that no longer applies (the address or the pin changed). */
export function useConnectionTest(bridge: JiraSessionsBridge, buildInput: () => ProfileInput | null) {
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);

  /** `patch`: what the form is about to hold, for a test run in the same click that changes it. */
  const run = async (patch: Partial<ProfileInput> = {}) => {
    if (testing) return;
    const built = buildInput();
    if (!built) return;
    const input = { ...built, ...patch };
    setTesting(true);
    setOutcome(null);
    try {
      setOutcome({ ok: await bridge.testConnection(input) });
    } catch (reason) {
      const error = readAppError(reason);
      setOutcome(error.kind === 'cancelled' ? { cancelled: true } : { error });
    } finally {
      setTesting(false);
    }
  };
  /** Aborts the test in the core; it then ends as `cancelled`, said quietly. */
  const cancel = () => void bridge.cancelConnectionTest().catch(() => undefined);

  return { testing, outcome, run, cancel, clear: () => setOutcome(null) };
}

export type ConnectionTestState = ReturnType<typeof useConnectionTest>;

function Connected({ result }: { result: ConnectionTestResult }) {
  const { serverInfo } = result;
  return (
    <Notice
      tone="success"
      icon={<CheckCircleIcon size={18} />}
      title={`Connected to ${serverInfo.serverTitle}`}
      data-test-result="ok"
    >
      <p className="notice-message">
        Jira {serverInfo.version} · build {serverInfo.buildNumber} · {serverInfo.deploymentType}
      </p>
      <p className="notice-detail">
        Signs in at <code>{result.sessionUrl}</code>
      </p>
      {result.warnings.length > 0 ? (
        <ul className="notice-list">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

export interface ConnectionTestProps {
  test: ConnectionTestState;
  idPrefix: string;
  /** The normalised base URL, when the typed one is valid: the web login is offered there. */
  baseUrl?: string;
  onOpenExternal(url: string): void;
  onPinCertificate(certificate: CertificateSummary): void;
  /** Offered when the server answers at another address (Jira under `/jira`): use it, and test again there. */
  onUseBaseUrl(url: string): void;
}

export function ConnectionTest({
  test,
  idPrefix,
  baseUrl,
  onOpenExternal,
  onPinCertificate,
  onUseBaseUrl,
}: ConnectionTestProps) {
  const { testing, outcome, run, cancel } = test;
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The answer may land below the fold of a long form: bring it into view (where the page can scroll at all:
    // jsdom has no scrollIntoView).
    const result = resultRef.current;
    if (outcome && result && 'scrollIntoView' in result)
      result.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [outcome]);

  return (
    <section className="editor-section" aria-labelledby={`${idPrefix}-connection`}>
      <h3 className="section-title" id={`${idPrefix}-connection`}>
        Connection
      </h3>
      <div className="connection-row">
        {testing ? (
          <CancelButton label="Cancel test" onCancel={cancel} />
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => void run()}
            aria-describedby={`${idPrefix}-test-hint`}
          >
            <ServerIcon />
            Test connection
          </button>
        )}
        <p className="field-hint" id={`${idPrefix}-test-hint`}>
          Asks the server who it is and checks its certificate. Nothing is saved and your Jira password is not sent.
        </p>
      </div>
      <div className="test-result" aria-live="polite" ref={resultRef}>
        {testing ? (
          <p className="with-icon muted">
            <SpinnerIcon /> Testing the connection…
          </p>
        ) : outcome && 'ok' in outcome ? (
          <Connected result={outcome.ok} />
        ) : outcome && 'cancelled' in outcome ? (
          <p className="muted">Test cancelled.</p>
        ) : outcome ? (
          <ErrorNotice
            error={outcome.error}
            baseUrl={baseUrl}
            onOpenExternal={onOpenExternal}
            onRetry={() => void run()}
            onPinCertificate={onPinCertificate}
            onUseBaseUrl={onUseBaseUrl}
          />
        ) : null}
      </div>
    </section>
  );
}
