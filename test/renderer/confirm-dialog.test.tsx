// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ConfirmDialog } from '../../renderer/src/components/confirm-dialog';

function Harness({ onConfirm = () => undefined }: { onConfirm?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Behind</button>
      {open ? (
        <ConfirmDialog
          title="Delete the thing?"
          tone="danger"
          confirmLabel="Delete"
          onConfirm={() => {
            onConfirm();
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        >
          <p>It cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

test('is a labelled, described modal dialog that starts on the safe button', async () => {
  const user = userEvent.setup();
  render(<Harness />);
  await user.click(screen.getByRole('button', { name: 'Open' }));
  const dialog = screen.getByRole('dialog', { name: 'Delete the thing?' });
  expect(dialog).toHaveAttribute('aria-modal', 'true');
  expect(dialog).toHaveAccessibleDescription('It cannot be undone.');
  expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
});

test('keeps Tab and Shift+Tab inside, and makes the page behind inert', async () => {
  const user = userEvent.setup();
  const { container } = render(<Harness />);
  await user.click(screen.getByRole('button', { name: 'Open' }));
  expect(container).toHaveAttribute('inert');
  await user.tab();
  expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
  await user.tab();
  expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.tab({ shift: true });
  expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
});

test('Escape closes it, the page is live again and focus returns to the opener', async () => {
  const user = userEvent.setup();
  const { container } = render(<Harness />);
  const opener = screen.getByRole('button', { name: 'Open' });
  await user.click(opener);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(container).not.toHaveAttribute('inert');
  expect(opener).toHaveFocus();
});

test('confirming calls back once', async () => {
  const user = userEvent.setup();
  let confirmed = 0;
  render(<Harness onConfirm={() => (confirmed += 1)} />);
  await user.click(screen.getByRole('button', { name: 'Open' }));
  await user.click(screen.getByRole('button', { name: 'Delete' }));
  expect(confirmed).toBe(1);
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});
