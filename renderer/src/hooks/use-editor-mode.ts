// What the right-hand side shows — the selected server, the Add form or a server's editor — and every way to change
// it. Each change that would leave the editor goes through the navigation guard, so edits are never dropped silently.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ServerProfile } from '../../../electron/shared/model';
import { optionIdFor } from '../components/server-list-item';
import type { FocusTarget } from './use-focus-after-render';
import { useNavigationGuard } from './use-navigation-guard';
import { FOCUS_PANE_HEADING, FOCUS_PASSWORD } from './use-server-actions';

export type EditorMode = { kind: 'server' } | { kind: 'add'; key: number } | { kind: 'edit'; profileId: string };
const SERVER_MODE: EditorMode = { kind: 'server' };
const FOCUS_EDITOR = '[data-focus="editor-label"]';

export interface EditorModeOptions {
  requestFocus(...targets: FocusTarget[]): void;
  applyProfile(profile: ServerProfile): void;
  setSelectedId(profileId: string | null): void;
}

export function useEditorMode({ requestFocus, applyProfile, setSelectedId }: EditorModeOptions) {
  const guard = useNavigationGuard();
  const { leave } = guard;
  const [mode, setMode] = useState<EditorMode>(SERVER_MODE);
  const adds = useRef(0);

  /** Shows a server's pane now: for a caller past the guard, or one that chose to leave the form. */
  const show = useCallback(
    (profileId: string | null) => {
      setSelectedId(profileId);
      setMode(SERVER_MODE);
    },
    [setSelectedId],
  );

  /** Selects a server — every selection path uses this — asking first when the editor has changes. `then` runs
   * once the server is shown (not when the user keeps editing). */
  const select = useCallback(
    (profileId: string, then?: () => void) =>
      leave(() => {
        show(profileId);
        then?.();
      }),
    [leave, show],
  );

  /** "Go to the existing one": the user already chose to leave the form. */
  const goTo = useCallback(
    (profileId: string) => {
      show(profileId);
      requestFocus(() => document.getElementById(optionIdFor(profileId)), FOCUS_PANE_HEADING);
    },
    [show, requestFocus],
  );

  const addServer = useCallback(
    () =>
      leave(() => {
        // A new key: "Add server" again after Discard starts from an empty form.
        adds.current += 1;
        setMode({ kind: 'add', key: adds.current });
        requestFocus(FOCUS_EDITOR);
      }),
    [leave, requestFocus],
  );

  const editServer = useCallback(
    (profileId: string) => {
      if (mode.kind === 'edit' && mode.profileId === profileId) return requestFocus(FOCUS_EDITOR);
      leave(() => {
        setSelectedId(profileId);
        setMode({ kind: 'edit', profileId });
        requestFocus(FOCUS_EDITOR);
      });
    },
    [mode, leave, setSelectedId, requestFocus],
  );

  const saved = useCallback(
    (profile: ServerProfile, isNew: boolean) => {
      applyProfile(profile);
      show(profile.id);
      if (isNew) requestFocus(profile.username ? FOCUS_PASSWORD : '[data-focus="username"]');
      else requestFocus(FOCUS_PANE_HEADING);
    },
    [applyProfile, show, requestFocus],
  );

  /** Cancel and Escape: close the editor, asking first when it has changes. */
  const cancelEditor = useCallback(
    () =>
      leave(() => {
        setMode(SERVER_MODE);
        requestFocus(FOCUS_PANE_HEADING, '[data-focus="add-server"]');
      }),
    [leave, requestFocus],
  );

  // What every ServerEditor gets from here.
  const editorProps = useMemo(
    () => ({ guard, onSaved: saved, onCancel: cancelEditor, onGoToServer: goTo }),
    [guard, saved, cancelEditor, goTo],
  );

  return { mode, guard, show, select, addServer, editServer, editorProps };
}
