// The head of a full-window screen (History, Settings): the way back to the servers, the title, its actions.
import type { ReactNode } from 'react';

export interface ScreenHeaderProps {
  title: string;
  titleId: string;
  onBack(): void;
  children?: ReactNode;
}

export function ScreenHeader({ title, titleId, onBack, children }: ScreenHeaderProps) {
  return (
    <header className="estate-screen-header">
      <button type="button" className="button button-quiet" onClick={onBack} data-focus="screen-back">
        ← Servers
      </button>
      <h1 className="estate-screen-title" id={titleId}>
        {title}
      </h1>
      <div className="estate-screen-actions">{children}</div>
    </header>
  );
}
