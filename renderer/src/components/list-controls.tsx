// Above the server list: the status chips (each with its count; one at a time narrows the list), the sort, the
// density and select mode.
import { memo, useId } from 'react';
import {
  SORT_KEYS,
  SORT_TEXT,
  STATUS_FILTER_TEXT,
  STATUS_FILTERS,
  type Density,
  type SortKey,
  type StatusFilter,
} from '../list/list-model';
import './list-controls.css';

export interface ListControlsProps {
  status: StatusFilter;
  counts: Record<StatusFilter, number>;
  sort: SortKey;
  density: Density;
  onStatusChange(status: StatusFilter): void;
  onSortChange(sort: SortKey): void;
  onDensityChange(density: Density): void;
  /** Select mode for bulk actions (ticks on the rows); undefined offers no button. */
  selecting?: boolean;
  onToggleSelecting?(): void;
}

export const ListControls = memo(function ListControls({
  status,
  counts,
  sort,
  density,
  onStatusChange,
  onSortChange,
  onDensityChange,
  selecting,
  onToggleSelecting,
}: ListControlsProps) {
  const sortId = useId();
  return (
    <div className="list-controls">
      <div className="status-chips" role="group" aria-label="Show servers by status">
        {STATUS_FILTERS.map((chip) =>
          chip === 'all' || counts[chip] > 0 || status === chip ? (
            <button
              key={chip}
              type="button"
              className={`status-chip chip-${chip}`}
              aria-pressed={status === chip}
              onClick={() => onStatusChange(status === chip ? 'all' : chip)}
            >
              {STATUS_FILTER_TEXT[chip]} <span className="status-chip-count">{counts[chip]}</span>
            </button>
          ) : null,
        )}
      </div>
      <div className="list-view-options">
        <label htmlFor={sortId} className="list-sort-label">
          Sort
        </label>
        <select
          id={sortId}
          className="list-sort"
          value={sort}
          onChange={(event) => onSortChange(event.target.value as SortKey)}
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_TEXT[key]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-pressed={density === 'compact'}
          title="One line per server"
          onClick={() => onDensityChange(density === 'compact' ? 'comfortable' : 'compact')}
        >
          Compact
        </button>
        {onToggleSelecting ? (
          <button
            type="button"
            className="button button-quiet button-small"
            aria-pressed={selecting ?? false}
            title="Tick servers for an action on all of them (Ctrl+A in the list ticks every one)"
            onClick={onToggleSelecting}
          >
            Select
          </button>
        ) : null}
      </div>
    </div>
  );
});
