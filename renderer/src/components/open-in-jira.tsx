// "Open in Jira": the server's dashboard in its signed-in app window, or one of the pages administrators go to most,
// or any path on that server (checked with the rule main enforces).
import { useId, useRef, useState, type FormEvent } from 'react';
import { WEB_PAGES, webPathProblem } from '../../../electron/shared/web-pages';
import { ariaShortcut, primaryModifierLabel } from '../hooks/use-shortcuts';
import { ExternalIcon, SpinnerIcon } from './icons';
import { Menu, type MenuItem } from './menu';
import { TextField } from './text-field';
import './open-in-jira.css';

export interface OpenInJiraProps {
  /** The main action of the pane (a signed-in server) or one among others. */
  primary: boolean;
  busy: boolean;
  platform?: string;
  onOpen(path?: string): void;
}

export function OpenInJira({ primary, busy, platform, onOpen }: OpenInJiraProps) {
  const ids = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [askingPath, setAskingPath] = useState(false);
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | undefined>();

  const items: MenuItem[] = [
    ...WEB_PAGES.map((page) => ({ id: page.id, label: page.label, onSelect: () => onOpen(page.path) })),
    { id: 'other', label: 'Other page…', separated: true, onSelect: () => setAskingPath(true) },
  ];

  const closeMenu = (restoreFocus: boolean) => {
    setMenuOpen(false);
    if (restoreFocus) menuButton.current?.focus();
  };

  const closePathForm = () => {
    setAskingPath(false);
    setPath('');
    setPathError(undefined);
    menuButton.current?.focus();
  };

  const openPath = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = path.trim();
    const problem = webPathProblem(trimmed);
    if (problem) {
      setPathError(problem);
      document.getElementById(`${ids}-path`)?.focus();
      return;
    }
    closePathForm();
    onOpen(trimmed);
  };

  const modifier = primaryModifierLabel(platform);
  const buttonClass = primary ? 'button button-primary' : 'button';
  return (
    <div className="open-in-jira">
      <div className="split-button">
        <button
          type="button"
          className={buttonClass}
          onClick={() => onOpen()}
          aria-disabled={busy || undefined}
          aria-keyshortcuts={ariaShortcut(platform, 'O')}
          title={`Open the dashboard signed in, in an app window (${modifier}+O)`}
        >
          {busy ? <SpinnerIcon /> : <ExternalIcon />}
          {busy ? 'Opening…' : 'Open in Jira'}
        </button>
        <button
          ref={menuButton}
          type="button"
          className={`${buttonClass} split-button-arrow`}
          aria-label="Choose a page to open in Jira"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      {menuOpen ? <Menu label="Open in Jira" items={items} onClose={closeMenu} className="open-in-jira-menu" /> : null}
      {askingPath ? (
        <form
          className="open-in-jira-path"
          aria-label="Open another page in Jira"
          noValidate
          onSubmit={openPath}
          onKeyDown={(event) => {
            if (event.key === 'Escape') closePathForm();
          }}
        >
          <TextField
            id={`${ids}-path`}
            label="Page path on this server"
            placeholder="/browse/ABC-1"
            hint="Starts with /, e.g. /browse/ABC-1 or /secure/admin/ViewLogging.jspa."
            error={pathError}
            value={path}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            autoFocus
            onValueChange={(value) => {
              setPath(value);
              setPathError(undefined);
            }}
          />
          <div className="form-actions">
            <button type="button" className="button button-quiet" onClick={closePathForm}>
              Cancel
            </button>
            <button type="submit" className="button button-primary">
              Open
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
