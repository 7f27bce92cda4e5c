// Production must be unmistakable: a solid red tag, everywhere a server is named.
import { memo } from 'react';
import type { Environment } from '../../../electron/shared/model';
import { ENVIRONMENT_TEXT } from '../view-model';
import './environment-tag.css';

export interface EnvironmentTagProps {
  environment: Environment;
  /** The short spelling ("Prod") for tight places; screen readers still hear the full word. */
  compact?: boolean;
}

export const EnvironmentTag = memo(function EnvironmentTag({ environment, compact = false }: EnvironmentTagProps) {
  const text = ENVIRONMENT_TEXT[environment];
  return (
    <span className={`env-tag env-${environment}`} data-environment={environment}>
      {compact ? (
        <>
          <span aria-hidden="true">{text.short}</span>
          <span className="visually-hidden">{text.full}</span>
        </>
      ) : (
        text.full
      )}
    </span>
  );
});
