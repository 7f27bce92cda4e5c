// A popup menu (WAI-ARIA menu pattern): focus starts on the first item, arrows, Home and End move, Enter or Space
// chooses, Escape, Tab or a click elsewhere closes. The owner places it and puts focus back where it came from.
import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import './menu.css';

export interface MenuItem {
  id: string;
  label: string;
  /** Shown and announced, but not chosen (aria-disabled keeps it reachable for screen readers). */
  disabled?: boolean;
  /** Drawn with a line above it. */
  separated?: boolean;
  /** A setting that is on or off (menuitemcheckbox): the entry says which. */
  checked?: boolean;
  onSelect(): void;
}

const MENU_ITEMS = '[role="menuitem"], [role="menuitemcheckbox"]';

export interface MenuProps {
  label: string;
  items: MenuItem[];
  /** Called after an item was chosen too; `restoreFocus` is false when a click elsewhere took focus away. */
  onClose(restoreFocus: boolean): void;
  className?: string;
  style?: CSSProperties;
}

export function Menu({ label, items, onClose, className, style }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(MENU_ITEMS)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !ref.current?.contains(event.target)) latestClose.current(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLElement>(MENU_ITEMS) ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = (at + 1) % buttons.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    } else return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    onClose(true);
    item.onSelect();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className={['menu', className ?? ''].filter(Boolean).join(' ')}
      style={style}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked}
          tabIndex={-1}
          className={item.separated ? 'menu-item menu-item-separated' : 'menu-item'}
          aria-disabled={item.disabled || undefined}
          onClick={() => choose(item)}
        >
          {item.label}
          {item.checked === undefined ? null : (
            <span className="toggle-state" aria-hidden="true">
              {item.checked ? 'On' : 'Off'}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
