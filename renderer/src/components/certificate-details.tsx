// A certificate as a person checks it against what the server's administrator says: who, by whom, when, fingerprint.
import { Fragment } from 'react';
import type { CertificateSummary } from '../../../electron/shared/model';
import { formatDate, parseIsoTime } from '../format/dates';
import './certificate-details.css';

function validityText(text: string): string {
  const time = parseIsoTime(text);
  return time === undefined ? text : formatDate(time);
}

/** A fingerprint that wraps between bytes, never inside one, so it can be read out and compared. */
export function Fingerprint({ value }: { value: string }) {
  const bytes = value.split(':');
  return (
    <span className="fingerprint">
      {bytes.map((byte, index) => (
        <Fragment key={index}>
          {byte}
          {index < bytes.length - 1 ? (
            <>
              :<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </span>
  );
}

export interface CertificateDetailsProps {
  certificate: CertificateSummary;
  /** Shown above the fingerprint when it is compared with a pinned one. */
  fingerprintLabel?: string;
}

export function CertificateDetails({ certificate, fingerprintLabel = 'SHA-256 fingerprint' }: CertificateDetailsProps) {
  return (
    <dl className="facts facts-compact certificate-details">
      <div>
        <dt>Subject</dt>
        <dd className="mono-soft">{certificate.subject}</dd>
      </div>
      <div>
        <dt>Issuer</dt>
        <dd className="mono-soft">{certificate.issuer}</dd>
      </div>
      <div>
        <dt>Valid</dt>
        <dd>
          {validityText(certificate.validFrom)} – {validityText(certificate.validTo)}
        </dd>
      </div>
      <div className="facts-wide">
        <dt>{fingerprintLabel}</dt>
        <dd>
          <Fingerprint value={certificate.fingerprint256} />
        </dd>
      </div>
    </dl>
  );
}
