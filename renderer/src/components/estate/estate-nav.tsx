// The way to the estate screens and dialogs (import, export, history, settings) from anywhere in the dashboard,
// without threading callbacks through app.tsx: EstateShell provides it, the toolbar's "More" menu uses it.
import { createContext, useContext, useRef, useState } from 'react';
import { Menu } from '../menu';

export type EstateScreen = 'dashboard' | 'history' | 'settings';
export type EstateDialog = 'import' | 'export';

export interface EstateNav {
  open(target: Exclude<EstateScreen, 'dashboard'> | EstateDialog): void;
}

export const EstateNavContext = createContext<EstateNav | null>(null);

export function useEstateNav(): EstateNav | null {
  return useContext(EstateNavContext);
}

/** "More ▾" in the toolbar: import, export, history, settings. Renders nothing outside an EstateShell. */
export function EstateMenuButton() {
  const nav = useEstateNav();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!nav) return null;
  return (
    <div className="estate-menu">
      <button
        ref={button}
        type="button"
        className="button button-quiet"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        More
      </button>
      {open ? (
        <Menu
          label="More"
          className="estate-menu-popup"
          items={[
            { id: 'import', label: 'Import servers…', onSelect: () => nav.open('import') },
            { id: 'export', label: 'Export servers…', onSelect: () => nav.open('export') },
            { id: 'history', label: 'History', separated: true, onSelect: () => nav.open('history') },
            { id: 'settings', label: 'Settings', onSelect: () => nav.open('settings') },
          ]}
          onClose={(restoreFocus) => {
            setOpen(false);
            if (restoreFocus) button.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
