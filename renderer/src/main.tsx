// Entry point: the bridge is the page's only dependency, so any host that supplies window.jiraSessions
// (the preload, or a test injecting one) can run the whole dashboard.
// The shared stylesheets come first: each component imports its own after them, so it can build on them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/cards.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasBridge } from './bridge';
import { ErrorBoundary } from './components/error-boundary';
import { Root } from './root';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {hasBridge(window) ? (
        <ErrorBoundary bridge={window.jiraSessions}>
          <Root bridge={window.jiraSessions} />
        </ErrorBoundary>
      ) : (
        <main className="app-message">
          <p>This page is part of Jira Session Manager and needs the app to run.</p>
        </main>
      )}
    </StrictMode>,
  );
}
