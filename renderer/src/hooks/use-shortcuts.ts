// App-wide keyboard shortcuts: Ctrl/Cmd+1…9 switch servers, Ctrl/Cmd+N adds one, Ctrl/Cmd+O opens the selected one
// in Jira.
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  /** index is 0-based: Ctrl+1 → 0. */
  onSwitchTo(index: number): void;
  onAddServer(): void;
  onOpenInJira?(): void;
}

/** Whether the platform's primary modifier is ⌘ (macOS) or Ctrl (everything else). */
export function primaryModifierLabel(platform: string | undefined): 'Cmd' | 'Ctrl' {
  return platform === 'darwin' ? 'Cmd' : 'Ctrl';
}

/** The aria-keyshortcuts spelling of a shortcut ("Control+1", "Meta+1"). */
export function ariaShortcut(platform: string | undefined, key: string): string {
  return `${platform === 'darwin' ? 'Meta' : 'Control'}+${key}`;
}

export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  // The latest handlers without re-subscribing on every render.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented) return;
      // A modal dialog owns the keyboard until it closes.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      if (/^[1-9]$/.test(event.key)) {
        event.preventDefault();
        latest.current.onSwitchTo(Number(event.key) - 1);
      } else if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        latest.current.onAddServer();
      } else if ((event.key === 'o' || event.key === 'O') && latest.current.onOpenInJira) {
        event.preventDefault();
        latest.current.onOpenInJira();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
