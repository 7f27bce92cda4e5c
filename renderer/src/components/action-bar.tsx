// A row of actions that never cuts one off: what does not fit moves into a "More actions" menu, least important
// first (useActionOverflow measures, fit-actions decides). Toolbars and panes describe their actions as data, so
// an action added to a bar joins the menu by itself.
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ACTION_ID_ATTRIBUTE, MORE_BUTTON_ATTRIBUTE, useActionOverflow } from '../hooks/use-action-overflow';
import { MoreIcon } from './icons';
import { Menu, type MenuItem } from './menu';
import './action-bar.css';

export interface BarAction {
  id: string;
  /** The button's text and its entry in the menu. */
  label: string;
  /** Lower numbers stay in view longest. */
  priority: number;
  onSelect(): void;
  icon?: ReactNode;
  disabled?: boolean;
  busy?: boolean;
  variant?: 'default' | 'primary' | 'quiet' | 'danger-quiet';
  title?: string;
  /** aria-keyshortcuts, e.g. "Control+O". */
  keyShortcut?: string;
  /** A toggle: pressed in the bar, a checked entry in the menu; both say On or Off. */
  pressed?: boolean;
  /** A control of its own in the bar (a split button). The menu still offers `label`, or `menuItems`. */
  render?: () => ReactNode;
  /** The entries this action becomes in the menu, when one button is not the whole story. */
  menuItems?: MenuItem[];
}

export interface ActionBarProps {
  /** Names the group and its menu ("Server actions"). */
  label: string;
  actions: BarAction[];
  className?: string;
}

const VARIANT_CLASS = {
  default: 'button',
  primary: 'button button-primary',
  quiet: 'button button-quiet',
  'danger-quiet': 'button button-danger-quiet',
} as const;

export function ToggleState({ on }: { on: boolean }) {
  return (
    <span className="toggle-state" data-state={on ? 'on' : 'off'} aria-hidden="true">
      {on ? 'On' : 'Off'}
    </span>
  );
}

function ActionButton({ action }: { action: BarAction }) {
  return (
    <button
      type="button"
      className={VARIANT_CLASS[action.variant ?? 'default']}
      onClick={action.onSelect}
      disabled={action.disabled}
      aria-busy={action.busy || undefined}
      aria-pressed={action.pressed}
      aria-keyshortcuts={action.keyShortcut}
      title={action.title}
    >
      {action.icon}
      {action.label}
      {action.pressed === undefined ? null : <ToggleState on={action.pressed} />}
    </button>
  );
}

function menuEntries(action: BarAction): MenuItem[] {
  return (
    action.menuItems ?? [
      {
        id: action.id,
        label: action.label,
        disabled: action.disabled || action.busy,
        checked: action.pressed,
        onSelect: action.onSelect,
      },
    ]
  );
}

const MENU_MARGIN = 8;

/** Opens the menu upwards when there is more room above the button than below, and never past the window. */
function useMenuPlacement(button: RefObject<HTMLButtonElement | null>, open: boolean): void {
  useLayoutEffect(() => {
    const rect = button.current?.getBoundingClientRect();
    const menu = button.current?.parentElement?.querySelector<HTMLElement>('.action-bar-menu');
    if (!open || !rect || !menu) return;
    const below = window.innerHeight - rect.bottom - MENU_MARGIN;
    const above = rect.top - MENU_MARGIN;
    const upwards = menu.scrollHeight > below && above > below;
    menu.classList.toggle('opens-upwards', upwards);
    menu.style.maxHeight = `${Math.max(upwards ? above : below, 0)}px`;
  }, [button, open]);
}

export function ActionBar({ label, actions, className }: ActionBarProps) {
  const bar = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const priorities = useMemo(() => new Map(actions.map((action) => [action.id, action.priority])), [actions]);
  const overflow = useActionOverflow(bar, priorities);
  const hidden = new Set(overflow);
  const overflowing = actions.filter((action) => hidden.has(action.id));
  const open = menuOpen && overflowing.length > 0;
  useMenuPlacement(moreButton, open);

  const closeMenu = (restoreFocus: boolean) => {
    setMenuOpen(false);
    if (restoreFocus) moreButton.current?.focus();
  };

  return (
    <div ref={bar} role="group" aria-label={label} className={['action-bar', className ?? ''].join(' ').trim()}>
      {actions.map((action) => {
        const away = hidden.has(action.id);
        return (
          <div
            key={action.id}
            {...{ [ACTION_ID_ATTRIBUTE]: action.id }}
            className={away ? 'action-bar-item is-overflowing' : 'action-bar-item'}
            aria-hidden={away || undefined}
            inert={away}
          >
            {action.render ? action.render() : <ActionButton action={action} />}
          </div>
        );
      })}
      <div
        {...{ [MORE_BUTTON_ATTRIBUTE]: '' }}
        className={overflowing.length > 0 ? 'action-bar-more' : 'action-bar-more is-idle'}
        aria-hidden={overflowing.length === 0 || undefined}
        inert={overflowing.length === 0}
      >
        <button
          ref={moreButton}
          type="button"
          className="button button-quiet action-bar-more-button"
          aria-label="More actions"
          title="More actions"
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={() => setMenuOpen((value) => !value)}
        >
          <MoreIcon />
        </button>
        {open ? (
          <Menu
            label="More actions"
            items={overflowing.flatMap(menuEntries)}
            onClose={closeMenu}
            className="action-bar-menu"
          />
        ) : null}
      </div>
    </div>
  );
}
