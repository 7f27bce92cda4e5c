// How the server is signed in to: Jira's REST session resource with a password, or the server's own login page in
// an app window (whatever it asks for there: an identity provider, a two-step code, a CAPTCHA).
import type { SignInMethod } from '../../../../electron/shared/model';
import type { ServerForm } from './use-server-form';

export const SIGN_IN_METHOD_TEXT: Record<SignInMethod, { label: string; hint: string }> = {
  password: {
    label: "Password (Jira's sign-in API)",
    hint: 'You type the password here; the app can sign in again quietly if you let it remember it.',
  },
  web: {
    label: 'Web page (single sign-on, two-step verification)',
    hint: "You sign in on the server's own login page in an app window; the app keeps the session it makes.",
  },
  token: {
    label: 'Personal access token (service accounts, Jira 8.14 or later)',
    hint: 'Every call carries the token; no session cookie is kept. For servers where neither of the others works.',
  },
};

const METHODS = Object.keys(SIGN_IN_METHOD_TEXT) as SignInMethod[];

export function SignInMethodField({ form }: { form: ServerForm }) {
  const { values, set, fieldId } = form;
  const name = fieldId('signInMethod');
  return (
    <fieldset
      className="choice-group form-grid-wide"
      role="radiogroup"
      aria-labelledby={`${name}-legend`}
      aria-required
    >
      <legend id={`${name}-legend`}>Sign-in method</legend>
      {METHODS.map((method) => {
        const id = `${name}-${method}`;
        return (
          <div key={method} className="field field-check choice">
            <input
              id={id}
              type="radio"
              name={name}
              value={method}
              required
              checked={values.signInMethod === method}
              aria-describedby={`${id}-hint`}
              onChange={() => set('signInMethod', method)}
            />
            <label htmlFor={id}>{SIGN_IN_METHOD_TEXT[method].label}</label>
            <p className="field-hint" id={`${id}-hint`}>
              {SIGN_IN_METHOD_TEXT[method].hint}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
