// Saving from the editor: the form's validation, the "same server" question, the bridge call and its error. The
// Save button and the navigation guard's Save both run `submit`, so a guarded move proceeds only after a real save.
import { useRef, useState } from 'react';
import type { AppErrorInfo, ProfileInput, ServerProfile } from '../../../../electron/shared/model';
import { findSameServer } from '../../../../electron/shared/same-server';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { fieldOfInvalidInput, type ServerForm } from './use-server-form';

export interface SameServerQuestion {
  existing: ServerProfile;
  input: ProfileInput;
}

export interface SaveServerOptions {
  bridge: JiraSessionsBridge;
  form: ServerForm;
  /** The server being edited; absent when adding one. */
  profile: ServerProfile | undefined;
  /** Every saved server, to find the one this would repeat. */
  profiles: readonly ServerProfile[];
  onSaved(profile: ServerProfile, isNew: boolean): void;
}

export function useSaveServer({ bridge, form, profile, profiles, onSaved }: SaveServerOptions) {
  const [formError, setFormError] = useState<AppErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [sameServer, setSameServer] = useState<SameServerQuestion | null>(null);
  // A second Enter while the first save is on its way must not save twice.
  const inFlight = useRef(false);

  const send = async (input: ProfileInput): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setSaving(true);
    try {
      const saved = await bridge.saveProfile(input);
      onSaved(saved, profile === undefined);
      return true;
    } catch (reason) {
      const error = readAppError(reason);
      // An invalid value the core names goes next to its field; anything else above the form.
      const invalid = error.kind === 'invalid-input' ? fieldOfInvalidInput(error) : undefined;
      if (invalid?.field) form.showErrors({ [invalid.field]: invalid.text });
      else setFormError(error);
      return false;
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  };

  /** Validates, asks when this repeats a saved server, and saves; true only when the server was saved. */
  const submit = async (): Promise<boolean> => {
    if (inFlight.current) return false;
    setFormError(null);
    const input = form.buildInput(false);
    if (!input) return false;
    const existing = findSameServer(profiles, input);
    if (existing) {
      setSameServer({ existing, input });
      return false;
    }
    return send(input);
  };

  const saveAnyway = () => {
    if (!sameServer) return;
    setSameServer(null);
    void send(sameServer.input);
  };

  return {
    submit,
    saving,
    formError,
    dismissError: () => setFormError(null),
    sameServer,
    saveAnyway,
    closeSameServer: () => setSameServer(null),
  };
}
