// Unsaved edits are never dropped silently. Every way of leaving the editor — another server (click, keyboard,
// Ctrl+1…9, the tray), "Add server" again, Cancel, Escape — goes through `leave(proceed)`: it proceeds at once when
// the editor has no changes, and otherwise asks first (UnsavedChangesDialog): Save, Discard or Keep editing.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** What the open editor tells the guard; it registers on mount and unregisters when it goes. */
export interface EditorGuard {
  /** The name of the server being edited; undefined while adding one. */
  serverLabel: string | undefined;
  hasChanges(): boolean;
  /** The editor's own save, with its validation; true only when the server was saved. */
  save(): Promise<boolean>;
  /** Puts focus back where it was in the editor (after "Keep editing"). */
  restoreFocus(): void;
}

export type GuardAnswer = 'save' | 'discard' | 'keep';

export interface NavigationGuard {
  /** Called by the editor: `register(guard)` returns the unregister function. */
  register(guard: EditorGuard): () => void;
  /** Runs `proceed` now, or after the user chose Save (and it worked) or Discard. */
  leave(proceed: () => void): void;
  /** The open question, if any. */
  question: { serverLabel: string | undefined } | null;
  answer(choice: GuardAnswer): void;
}

interface Pending {
  guard: EditorGuard;
  proceed: () => void;
}

export function useNavigationGuard(): NavigationGuard {
  const editor = useRef<EditorGuard | null>(null);
  const [asking, setAsking] = useState<Pending | null>(null);
  // Save runs once the question is gone: the editor's fields are inert while a modal is open, so its validation
  // could not move focus to the field in error.
  const saveAfterClose = useRef<Pending | null>(null);

  const register = useCallback((guard: EditorGuard) => {
    editor.current = guard;
    return () => {
      if (editor.current === guard) editor.current = null;
    };
  }, []);

  const leave = useCallback((proceed: () => void) => {
    const guard = editor.current;
    if (guard?.hasChanges()) setAsking({ guard, proceed });
    else proceed();
  }, []);

  const answer = useCallback(
    (choice: GuardAnswer) => {
      if (!asking) return;
      setAsking(null);
      if (choice === 'discard') asking.proceed();
      else if (choice === 'save') saveAfterClose.current = asking;
      else asking.guard.restoreFocus();
    },
    [asking],
  );

  useEffect(() => {
    const pending = saveAfterClose.current;
    if (asking || !pending) return;
    saveAfterClose.current = null;
    void pending.guard.save().then((saved) => {
      if (saved) pending.proceed();
    });
  }, [asking]);

  const question = useMemo(() => (asking ? { serverLabel: asking.guard.serverLabel } : null), [asking]);
  return { register, leave, question, answer };
}
