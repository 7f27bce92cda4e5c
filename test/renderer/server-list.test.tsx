// @vitest-environment jsdom
// The list at scale: groups that fold, move by keyboard, drag or menu; sort, stars, density and status chips; and
// only the rows in view in the DOM, with the keyboard still reaching every row.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerProfile } from '../../electron/shared/model';
import { profile, signedInSession, signedOutSession } from '../support/model-fixtures';
import { FakeBridge } from './fake-bridge';
import { keyboardRow, renderApp } from './render-app';

const now = Date.now();

beforeEach(() => localStorage.clear());

function grouped(): ServerProfile[] {
  return [
    profile('a', { label: 'Alpha', group: 'EU' }),
    profile('b', { label: 'Bravo', environment: 'staging' }),
    profile('c', { label: 'Charlie', group: 'US', environment: 'test' }),
    profile('d', { label: 'Delta', group: 'EU', environment: 'development' }),
    profile('e', { label: 'Echo', group: 'US' }),
  ];
}

function seed() {
  return {
    profiles: grouped(),
    sessions: [
      signedInSession(profile('a'), now),
      signedOutSession('b', { status: 'expired' }),
      signedInSession(profile('c'), now),
      signedOutSession('d'),
      signedOutSession('e', { status: 'error', error: { kind: 'unreachable', message: 'No answer.' } }),
    ],
  };
}

const list = () => screen.getByRole('listbox', { name: 'Servers' });
/** The rows as the list shows them: "[EU]" for a group row, the server's name for a server. */
function rows(): string[] {
  return within(list())
    .getAllByRole('option')
    .map((row) =>
      row.dataset.group !== undefined
        ? `[${row.dataset.group || 'none'}]`
        : (row.querySelector('.server-item-label')?.textContent ?? ''),
    );
}

describe('groups', () => {
  test('servers show under their group, groups by name and the ungrouped last; a group folds and unfolds', async () => {
    const { user } = await renderApp(seed());
    expect(rows()).toEqual(['[EU]', 'Alpha', 'Delta', '[US]', 'Charlie', 'Echo', '[none]', 'Bravo']);
    const groupRow = (name: string) => list().querySelector<HTMLElement>(`[role="option"][data-group="${name}"]`);
    expect(groupRow('EU')).toHaveTextContent('EU: group, 2 servers, open');
    await user.click(groupRow('EU')!);
    expect(rows()).toEqual(['[EU]', '[US]', 'Charlie', 'Echo', '[none]', 'Bravo']);
    expect(groupRow('EU')).toHaveTextContent('EU: group, 2 servers, folded');
    // Remembered for the next start.
    expect(JSON.parse(localStorage.getItem('jsm:server-list') ?? '{}')).toMatchObject({ collapsed: ['EU'] });
    await user.click(groupRow('EU')!);
    expect(rows()).toHaveLength(8);
  });

  test('the keyboard folds with Left, unfolds with Right and reaches every row', async () => {
    const { user } = await renderApp(seed());
    list().focus();
    expect(keyboardRow()).toHaveTextContent('Alpha');
    await user.keyboard('{ArrowLeft}');
    expect(keyboardRow()).toHaveAttribute('data-group', 'EU');
    await user.keyboard('{ArrowLeft}');
    expect(rows()).toEqual(['[EU]', '[US]', 'Charlie', 'Echo', '[none]', 'Bravo']);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(keyboardRow()).toHaveTextContent('Charlie');
    expect(screen.getByRole('heading', { level: 2, name: 'Charlie' })).toBeInTheDocument();
    await user.keyboard('{Home}{ArrowRight}');
    expect(rows()).toHaveLength(8);
  });

  test('Alt+Down and Alt+Up reorder within a group and cross into the next one', async () => {
    const { user, bridge } = await renderApp(seed());
    list().focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() =>
      expect(rows()).toEqual(['[EU]', 'Delta', 'Alpha', '[US]', 'Charlie', 'Echo', '[none]', 'Bravo']),
    );
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() =>
      expect(rows()).toEqual(['[EU]', 'Delta', '[US]', 'Alpha', 'Charlie', 'Echo', '[none]', 'Bravo']),
    );
    expect(bridge.profiles.find((candidate) => candidate.id === 'a')?.group).toBe('US');
    expect(keyboardRow()).toHaveTextContent('Alpha');
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() =>
      expect(rows()).toEqual(['[EU]', 'Delta', 'Alpha', '[US]', 'Charlie', 'Echo', '[none]', 'Bravo']),
    );
    expect(bridge.calls.arrangeProfiles).toEqual([
      [['a'], { before: 'e' }],
      [['a'], { group: 'US', before: 'c' }],
      [['a'], { group: 'EU', before: null }],
    ]);
  });

  test('"Move to group…" in the menu takes a new or existing group, and empty means none', async () => {
    const { user, bridge } = await renderApp(seed());
    fireEvent.contextMenu(screen.getByRole('option', { name: /Bravo/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Move to group…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move Bravo to a group' });
    const field = within(dialog).getByLabelText('Group');
    expect(field).toHaveFocus();
    await user.type(field, 'Asia');
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() =>
      expect(rows()).toEqual(['[Asia]', 'Bravo', '[EU]', 'Alpha', 'Delta', '[US]', 'Charlie', 'Echo']),
    );

    fireEvent.contextMenu(screen.getByRole('option', { name: /Alpha/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Move to group…' }));
    const again = within(screen.getByRole('dialog')).getByLabelText('Group');
    expect(again).toHaveValue('EU');
    await user.clear(again);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rows().slice(-2)).toEqual(['[none]', 'Alpha']));
    expect(bridge.calls.arrangeProfiles).toEqual([
      [['b'], { group: 'Asia' }],
      [['a'], { group: '' }],
    ]);
  });

  test('a server dropped on another joins its group in front of it; dropped on a group row, at its end', async () => {
    const { bridge } = await renderApp(seed());
    const drag = (from: RegExp, to: HTMLElement) => {
      const dataTransfer = { setData: () => undefined, effectAllowed: '', dropEffect: '' };
      fireEvent.dragStart(screen.getByRole('option', { name: from }), { dataTransfer });
      fireEvent.dragOver(to, { dataTransfer });
      expect(to).toHaveClass('is-drop-target');
      fireEvent.drop(to, { dataTransfer });
    };
    drag(/Bravo/, screen.getByRole('option', { name: /Charlie/ }));
    await waitFor(() => expect(rows()).toEqual(['[EU]', 'Alpha', 'Delta', '[US]', 'Bravo', 'Charlie', 'Echo']));
    drag(/Echo/, list().querySelector<HTMLElement>('[data-group="EU"]')!);
    await waitFor(() => expect(rows()).toEqual(['[EU]', 'Alpha', 'Delta', 'Echo', '[US]', 'Bravo', 'Charlie']));
    expect(bridge.calls.arrangeProfiles).toEqual([
      [['b'], { group: 'US', before: 'c' }],
      [['e'], { group: 'EU', before: null }],
    ]);
  });

  test('a refused move is shown and nothing moves', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('arrangeProfiles', { kind: 'storage-error', message: 'The disk is full.' });
    const { user } = await renderApp(bridge);
    list().focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(await screen.findByText('The disk is full.')).toBeInTheDocument();
    expect(rows()).toEqual(['[EU]', 'Alpha', 'Delta', '[US]', 'Charlie', 'Echo', '[none]', 'Bravo']);
  });
});

describe('sort, favourites, density and status', () => {
  test('sorts by name, environment or status within groups; starred servers come first', async () => {
    const { user } = await renderApp({ ...seed(), profiles: grouped().map(({ group: _, ...rest }) => rest) });
    expect(rows()).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    const sort = screen.getByRole('combobox', { name: 'Sort' });
    await user.selectOptions(sort, 'Environment');
    expect(rows()).toEqual(['Alpha', 'Echo', 'Bravo', 'Charlie', 'Delta']);
    await user.selectOptions(sort, 'Status');
    // Expired, error, signed in, signed out.
    expect(rows()).toEqual(['Bravo', 'Echo', 'Alpha', 'Charlie', 'Delta']);
    fireEvent.contextMenu(screen.getByRole('option', { name: /Delta/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Add to favourites' }));
    await waitFor(() => expect(rows()).toEqual(['Delta', 'Bravo', 'Echo', 'Alpha', 'Charlie']));
    expect(screen.getByRole('option', { name: /Delta, favourite/ })).toBeInTheDocument();
    await user.selectOptions(sort, 'Name');
    expect(rows()).toEqual(['Delta', 'Alpha', 'Bravo', 'Charlie', 'Echo']);
  });

  test('the status chips count and narrow the list, and so do the toolbar counts', async () => {
    const { user } = await renderApp(seed());
    const chips = within(screen.getByRole('group', { name: 'Show servers by status' }));
    expect(chips.getAllByRole('button').map((chip) => chip.textContent)).toEqual([
      'All 5',
      'Signed in 2',
      'Expired 1',
      'Error 1',
      'Signed out 1',
    ]);
    await user.click(chips.getByRole('button', { name: 'Signed in 2' }));
    expect(rows()).toEqual(['[EU]', 'Alpha', '[US]', 'Charlie']);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 5 servers');
    await user.click(chips.getByRole('button', { name: 'Signed in 2' }));
    expect(rows()).toHaveLength(8);
    await user.click(screen.getByRole('button', { name: '1 expired' }));
    expect(rows()).toEqual(['[none]', 'Bravo']);
    expect(chips.getByRole('button', { name: 'Expired 1' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('compact density puts a server on one line and is remembered', async () => {
    const { user, unmount } = await renderApp(seed());
    const compact = screen.getByRole('button', { name: 'Compact' });
    await user.click(compact);
    expect(compact).toHaveAttribute('aria-pressed', 'true');
    const alpha = screen.getByRole('option', { name: /Alpha/ });
    expect(alpha).toHaveClass('is-compact');
    expect(alpha.querySelector('.server-item-host')).toBeNull();
    expect(alpha.style.height).toBe('34px');
    unmount();
    await renderApp(seed());
    expect(screen.getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('a thousand servers', () => {
  const many = Array.from({ length: 1000 }, (_, i) =>
    profile(`s${i}`, { label: `Server ${String(i).padStart(4, '0')}` }),
  );

  test('only the rows in view are in the DOM, and every row knows its place in the whole list', async () => {
    await renderApp({ profiles: many, sessions: [] });
    const shown = within(list()).getAllByRole('option');
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0]).toHaveAttribute('aria-setsize', '1000');
    expect(shown[0]).toHaveAttribute('aria-posinset', '1');
  });

  test('End and Page Up reach rows that were not rendered, and the list scrolls to them', async () => {
    const { user } = await renderApp({ profiles: many, sessions: [] });
    list().focus();
    await user.keyboard('{End}');
    expect(keyboardRow()).toHaveTextContent('Server 0999');
    expect(keyboardRow()).toHaveAttribute('aria-posinset', '1000');
    expect(list().scrollTop).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { level: 2, name: 'Server 0999' })).toBeInTheDocument();
    await user.keyboard('{PageUp}');
    expect(Number(keyboardRow()?.getAttribute('aria-posinset'))).toBeLessThan(1000);
    expect(screen.queryByRole('option', { name: /Server 0000/ })).toBeNull();
    await act(async () => {
      list().scrollTop = 0;
      fireEvent.scroll(list());
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(screen.getByRole('option', { name: /Server 0000/ })).toBeInTheDocument();
  });
});
