// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ERROR_KINDS, type AppErrorInfo } from '../../electron/shared/model';
import { ERROR_COPY, webLoginUrl } from '../../renderer/src/components/error-copy';
import { ErrorNotice } from '../../renderer/src/components/error-notice';
import { formatClockTime } from '../../renderer/src/format/dates';
import { SAMPLE_CERTIFICATE, sampleError } from '../support/model-fixtures';

describe.each(ERROR_KINDS)('the %s error', (kind) => {
  test('shows its title, the message and the standard next step', () => {
    render(<ErrorNotice error={sampleError(kind)} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-error-kind', kind);
    expect(within(alert).getByText(ERROR_COPY[kind].title)).toBeInTheDocument();
    expect(alert).toHaveTextContent(`Message for ${kind}.`);
    expect(alert).toHaveTextContent(`Next step: ${ERROR_COPY[kind].nextStep}`);
  });

  test('shows the next step the error brings instead of the standard one', () => {
    render(<ErrorNotice error={{ ...sampleError(kind), nextStep: `Do the thing for ${kind}.` }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(`Next step: Do the thing for ${kind}.`);
    expect(alert).not.toHaveTextContent(ERROR_COPY[kind].nextStep);
  });
});

test('every error kind has its own title and a next step', () => {
  const titles = ERROR_KINDS.map((kind) => ERROR_COPY[kind].title);
  expect(new Set(titles).size).toBe(ERROR_KINDS.length);
  for (const kind of ERROR_KINDS) expect(ERROR_COPY[kind].nextStep.length).toBeGreaterThan(20);
});

test('an error that was already there is a labelled group, not an alert', () => {
  render(<ErrorNotice error={sampleError('unreachable')} live={false} id="old" />);
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.getByRole('group', { name: 'Server unreachable' })).toBeInTheDocument();
});

describe('captcha-required', () => {
  test('"Open the web login" opens the login URL the server named', async () => {
    const opened: string[] = [];
    render(<ErrorNotice error={sampleError('captcha-required')} onOpenExternal={(url) => opened.push(url)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open the web login' }));
    expect(opened).toEqual(['https://jira.example.com/login.jsp']);
  });

  test("falls back to the server's login page when the error names none", async () => {
    const opened: string[] = [];
    render(
      <ErrorNotice
        error={{ kind: 'captcha-required', message: 'CAPTCHA' }}
        baseUrl="https://jira.example.com/jira"
        onOpenExternal={(url) => opened.push(url)}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open the web login' }));
    expect(opened).toEqual(['https://jira.example.com/jira/login.jsp']);
  });

  test('offers no button when there is nowhere to go', () => {
    expect(webLoginUrl({ kind: 'captcha-required', message: 'x' }, undefined)).toBeUndefined();
    render(<ErrorNotice error={{ kind: 'captcha-required', message: 'x' }} onOpenExternal={() => undefined} />);
    expect(screen.queryByRole('button', { name: 'Open the web login' })).not.toBeInTheDocument();
  });
});

test('basic-auth-disabled also points to the web login', async () => {
  const opened: string[] = [];
  render(
    <ErrorNotice
      error={sampleError('basic-auth-disabled')}
      baseUrl="https://sso.example.com"
      onOpenExternal={(url) => opened.push(url)}
    />,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Open the web login' }));
  expect(opened).toEqual(['https://sso.example.com/login.jsp']);
});

test('websudo-required opens the server in the browser', async () => {
  const opened: string[] = [];
  render(
    <ErrorNotice
      error={sampleError('websudo-required')}
      baseUrl="https://jira.example.com"
      onOpenExternal={(url) => opened.push(url)}
    />,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Open in browser' }));
  expect(opened).toEqual(['https://jira.example.com']);
});

describe('tls-untrusted', () => {
  test("shows the certificate's subject, issuer and fingerprint", () => {
    render(<ErrorNotice error={sampleError('tls-untrusted')} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(SAMPLE_CERTIFICATE.subject)).toBeInTheDocument();
    expect(within(alert).getByText(SAMPLE_CERTIFICATE.issuer)).toBeInTheDocument();
    expect(within(alert).getByText(SAMPLE_CERTIFICATE.fingerprint256)).toBeInTheDocument();
    expect(within(alert).getByText('SHA-256 fingerprint')).toBeInTheDocument();
  });

  test('can pin exactly the presented certificate', async () => {
    const pinned: unknown[] = [];
    render(
      <ErrorNotice error={sampleError('tls-untrusted')} onPinCertificate={(certificate) => pinned.push(certificate)} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Trust this certificate for this server' }));
    expect(pinned).toEqual([SAMPLE_CERTIFICATE]);
  });

  test('offers no pin without the certificate itself', () => {
    const error: AppErrorInfo = {
      ...sampleError('tls-untrusted'),
      certificate: { ...SAMPLE_CERTIFICATE, pem: undefined },
    };
    render(<ErrorNotice error={error} onPinCertificate={() => undefined} />);
    expect(screen.queryByRole('button', { name: /Trust this certificate/ })).not.toBeInTheDocument();
  });
});

test('tls-pin-mismatch shows the pinned and the presented fingerprints', () => {
  const error = sampleError('tls-pin-mismatch');
  render(<ErrorNotice error={error} />);
  expect(screen.getByText('Pinned fingerprint')).toBeInTheDocument();
  expect(screen.getByText(error.expectedFingerprint256 ?? '')).toBeInTheDocument();
  expect(screen.getByText('Presented fingerprint')).toBeInTheDocument();
  expect(screen.getByText(SAMPLE_CERTIFICATE.fingerprint256)).toBeInTheDocument();
});

test('rate-limited says how long to wait and until when', () => {
  const before = Date.now();
  render(<ErrorNotice error={sampleError('rate-limited')} />);
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('Jira accepts requests again in 2 minutes, at');
  const time = within(alert).getByText((_, element) => element?.tagName === 'TIME');
  const retryAt = Date.parse(time.getAttribute('datetime') ?? '');
  expect(retryAt).toBeGreaterThanOrEqual(before + 120_000);
  expect(retryAt).toBeLessThan(before + 125_000);
  expect(time).toHaveTextContent(formatClockTime(retryAt));
});

test('redirected names where to', () => {
  render(<ErrorNotice error={sampleError('redirected')} />);
  expect(screen.getByRole('alert')).toHaveTextContent('Redirected to https://sso.example.com/login');
});

test('unexpected-response shows the status and content type', () => {
  render(<ErrorNotice error={sampleError('unexpected-response')} />);
  expect(screen.getByRole('alert')).toHaveTextContent('HTTP 200 · text/html');
});

test('unreachable offers to try again, and dismissing works', async () => {
  let retried = 0;
  let dismissed = 0;
  render(
    <ErrorNotice
      error={sampleError('unreachable')}
      onRetry={() => (retried += 1)}
      onDismiss={() => (dismissed += 1)}
    />,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
  expect([retried, dismissed]).toEqual([1, 1]);
});

test('bad credentials offer no retry button (the form is the retry)', () => {
  render(<ErrorNotice error={sampleError('bad-credentials')} onRetry={() => undefined} />);
  expect(screen.queryByRole('button')).not.toBeInTheDocument();
});
