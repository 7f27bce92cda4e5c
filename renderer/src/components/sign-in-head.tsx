// The head every sign-in card shares: its icon, its title (which names the card) and the server's address.
import type { ReactNode } from 'react';

export interface SignInHeadProps {
  icon: ReactNode;
  /** The id the card's aria-labelledby points at. */
  titleId: string;
  title: string;
  subtitle: string;
}

export function SignInHead({ icon, titleId, title, subtitle }: SignInHeadProps) {
  return (
    <div className="sign-in-head">
      <span className="sign-in-icon">{icon}</span>
      <div>
        <h3 id={titleId} className="card-title">
          {title}
        </h3>
        <p className="card-subtitle">{subtitle}</p>
      </div>
    </div>
  );
}
