// Where the password field goes when a password is remembered: the form says the saved one will be used (main opens
// it; it never comes to the window) and offers to type another instead.
import { ForgetPasswordButton } from './forget-password-button';
import { LockIcon } from './icons';

export interface SavedPasswordFieldProps {
  id: string;
  forgetting: boolean;
  disabled: boolean;
  onTypeAnother(): void;
  onForget(): void;
}

export function SavedPasswordField({ id, forgetting, disabled, onTypeAnother, onForget }: SavedPasswordFieldProps) {
  return (
    <div className="field saved-password-field" role="group" aria-labelledby={`${id}-label`}>
      <span className="field-label" id={`${id}-label`}>
        Password
      </span>
      <div className="saved-password">
        <span className="saved-password-text" id={`${id}-note`}>
          <LockIcon size={14} />
          The saved password will be used.
        </span>
        <ForgetPasswordButton forgetting={forgetting} onForget={onForget} />
      </div>
      <p className="sign-in-switch">
        <button type="button" className="link-button" onClick={onTypeAnother} disabled={disabled}>
          Use a different password
        </button>
      </p>
    </div>
  );
}

/** Typing another password while one is saved: the way back to the saved one. */
export function UseSavedPassword({ onUseSaved }: { onUseSaved(): void }) {
  return (
    <p className="sign-in-switch">
      <button type="button" className="link-button" onClick={onUseSaved}>
        Use the saved password instead
      </button>
    </p>
  );
}
