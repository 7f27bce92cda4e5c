// What a busy button becomes while a long wait can be ended: the spinner says it is still working, the button ends it.
import { SpinnerIcon } from './icons';

export interface CancelButtonProps {
  /** "Cancel sign-in", "Cancel check"… */
  label: string;
  onCancel(): void;
  className?: string;
}

export function CancelButton({ label, onCancel, className = 'button' }: CancelButtonProps) {
  return (
    <button type="button" className={className} onClick={onCancel} data-cancel>
      <SpinnerIcon />
      {label}
    </button>
  );
}
