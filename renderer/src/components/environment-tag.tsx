// Production must be unmistakable: a solid red tag, everywhere a server is named. A server without an environment
// gets a neutral dashed tag, so red always means someone said "production".
import { memo } from 'react';
import type { Environment } from '../../../electron/shared/model';
import { environmentText } from '../view-model';
import './environment-tag.css';

export interface EnvironmentTagProps {
  environment: Environment | undefined;
  /** The short spelling ("Prod") for tight places; screen readers still hear the full word. */
  compact?: boolean;
}

export const EnvironmentTag = memo(function EnvironmentTag({ environment, compact = false }: EnvironmentTagProps) {
  const text = environmentText(environment);
  const name = environment ?? 'unset';
  return (
    <span className={`env-tag env-${name}`} data-environment={name}>
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
