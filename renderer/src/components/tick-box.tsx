// A row's tick in select mode, drawn rather than an <input>: the row itself is the listbox option that carries
// aria-checked, and a control nested inside an option is one a screen reader cannot reach the right way.
import './tick-box.css';

export function TickBox({ state, title }: { state: boolean | 'mixed'; title?: string }) {
  return (
    <span className="tick-box" data-state={state === 'mixed' ? 'mixed' : state ? 'on' : 'off'} title={title}>
      {state === 'mixed' ? (
        <svg viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 6h6" />
        </svg>
      ) : state ? (
        <svg viewBox="0 0 12 12" aria-hidden="true">
          <path d="M2.5 6.2l2.3 2.3 4.7-5" />
        </svg>
      ) : null}
    </span>
  );
}
