// A group's row in the server list: its name, how many servers it holds (or how many match the filter), folded
// or open. It is an option of the listbox so the keyboard reaches it like any row; Enter, Space or the arrows fold
// and unfold it, and servers dropped on it join the group.
import { memo } from 'react';
import { NO_GROUP_TEXT } from '../list/list-model';
import { ChevronIcon } from './icons';
import { TickBox } from './tick-box';

export function groupRowIdFor(group: string): string {
  return `server-group-${encodeURIComponent(group) || 'none'}`;
}

export interface GroupHeaderProps {
  group: string;
  count: number;
  collapsed: boolean;
  active: boolean;
  dropTarget?: boolean;
  height: number;
  position: number;
  setSize: number;
  onToggle(group: string): void;
  /** Select mode: the group's box (every server of it ticked, some, or none) and "Select group". */
  checked?: boolean | 'mixed';
  onToggleChecked?(group: string): void;
}

export const GroupHeader = memo(function GroupHeader({
  group,
  count,
  collapsed,
  active,
  dropTarget = false,
  height,
  position,
  setSize,
  onToggle,
  checked,
  onToggleChecked,
}: GroupHeaderProps) {
  const name = group || NO_GROUP_TEXT;
  return (
    <li
      id={groupRowIdFor(group)}
      role="option"
      aria-selected={false}
      aria-checked={checked}
      aria-posinset={position}
      aria-setsize={setSize}
      className={`server-group${active ? ' is-active' : ''}${collapsed ? ' is-collapsed' : ''}${dropTarget ? ' is-drop-target' : ''}`}
      style={{ height }}
      data-group={group}
      onClick={() => onToggle(group)}
    >
      {checked === undefined ? null : (
        <span
          className="server-item-check"
          aria-hidden="true"
          title={checked === true ? 'Clear group' : 'Select group'}
          onClick={(event) => {
            event.stopPropagation();
            onToggleChecked?.(group);
          }}
        >
          <TickBox state={checked} />
        </span>
      )}
      <ChevronIcon size={14} className="server-group-chevron" />
      <span className="server-group-name">{name}</span>
      <span className="visually-hidden">: group, </span>
      <span className="count">{count}</span>
      <span className="visually-hidden">{` ${count === 1 ? 'server' : 'servers'}, ${collapsed ? 'folded' : 'open'}`}</span>
      {checked === undefined ? null : <span className="visually-hidden">, Space selects the group</span>}
    </li>
  );
});
