// "Move to group…": a group name for one server or a selection, typed or picked from the groups there are; empty
// means no group.
import { useId, useState, type FormEvent } from 'react';
import { MAX_GROUP_LENGTH } from '../../../electron/shared/limits';
import { Dialog } from './confirm-dialog';
import { TextField } from './text-field';

export interface MoveToGroupDialogProps {
  /** What moves, for the title: a server's name or "3 servers". */
  subject: string;
  /** The group they are in now, when they share one. */
  current: string;
  groups: readonly string[];
  onMove(group: string): void;
  onCancel(): void;
}

export function MoveToGroupDialog({ subject, current, groups, onMove, onCancel }: MoveToGroupDialogProps) {
  const id = useId();
  const listId = `${id}-groups`;
  const formId = `${id}-form`;
  const [group, setGroup] = useState(current);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMove(group.trim());
  };
  return (
    <Dialog
      title={`Move ${subject} to a group`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button-primary">
            Move
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit}>
        <TextField
          id={`${id}-name`}
          label="Group"
          value={group}
          list={listId}
          maxLength={MAX_GROUP_LENGTH}
          autoComplete="off"
          data-autofocus
          hint="Pick a group or type a new one; leave it empty for no group."
          onValueChange={setGroup}
        />
        <datalist id={listId}>
          {groups.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </form>
    </Dialog>
  );
}
