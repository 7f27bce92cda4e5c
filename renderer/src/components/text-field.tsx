// A labelled form field whose error and hint are tied to its control: the control gets aria-invalid and an
// aria-describedby naming the error (first) and the hint, so a screen reader reads both with the field.
import type { InputHTMLAttributes, ReactNode } from 'react';

/** The attributes a field's control needs to be described by the field's error and hint. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  return [hasError ? `${id}-error` : '', hasHint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

export interface FormFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Renders the control (or a group around it) with the attributes that wire it to the label, error and hint. */
  children(control: FieldControlProps): ReactNode;
}

export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  const control: FieldControlProps = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(hint), Boolean(error)),
  };
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  hint?: ReactNode;
  error?: string;
  onValueChange(value: string): void;
}

/** A text input in a FormField. */
export function TextField({ id, label, hint, error, onValueChange, ...input }: TextFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...input} {...control} onChange={(event) => onValueChange(event.target.value)} />}
    </FormField>
  );
}
