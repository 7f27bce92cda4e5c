// Which certificates this server is trusted by: an extra CA (chosen from a file) and a pinned certificate.
import { useEffect, useState } from 'react';
import type { AppErrorInfo } from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { CertificateDetails } from '../certificate-details';
import { ErrorNotice } from '../error-notice';
import { CertificateIcon } from '../icons';
import type { ServerForm } from './use-server-form';

/** A saved CA certificate arrives as PEM only; ask main what it is so the user sees whose it is. */
function useSavedCaDetails(bridge: JiraSessionsBridge, savedPem: string | undefined, form: ServerForm) {
  const { setValues } = form;
  useEffect(() => {
    if (!savedPem) return;
    let current = true;
    bridge.inspectCertificate(savedPem).then(
      (certificate) => {
        if (!current) return;
        setValues((values) =>
          values.ca && values.ca.pem === savedPem ? { ...values, ca: { ...values.ca, certificate } } : values,
        );
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge, savedPem, setValues]);
}

export interface TrustSectionProps {
  bridge: JiraSessionsBridge;
  form: ServerForm;
  savedCaPem?: string;
}

export function TrustSection({ bridge, form, savedCaPem }: TrustSectionProps) {
  const { ids, values, set, errors, clearError } = form;
  const { ca, pinned } = values;
  const [choosing, setChoosing] = useState(false);
  const [caError, setCaError] = useState<AppErrorInfo | null>(null);
  useSavedCaDetails(bridge, savedCaPem, form);

  const chooseCertificate = async () => {
    setChoosing(true);
    setCaError(null);
    try {
      const chosen = await bridge.chooseCaCertificate();
      if (chosen) {
        set('ca', { pem: chosen.pem, fileName: chosen.fileName, certificate: chosen.certificate });
        clearError('caCertificate');
      }
    } catch (reason) {
      setCaError(readAppError(reason));
    } finally {
      setChoosing(false);
    }
  };

  return (
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
                onClick={() => set('ca', null)}
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
            For servers whose certificate comes from your organisation’s own CA. It is added to the trusted roots for
            this server only.
          </p>
        </div>
      )}
      {errors.caCertificate ? <p className="field-error">{errors.caCertificate}</p> : null}
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
                onClick={() => set('pinned', null)}
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
  );
}
