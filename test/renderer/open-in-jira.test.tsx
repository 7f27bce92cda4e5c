// @vitest-environment jsdom
// "Open in Jira": the pane's split button and its pages, any other path (checked as main checks it), Ctrl/⌘+O, and
// each server's context menu in the list (right-click, Shift+F10, the Menu key).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { WEB_PAGES } from '../../electron/shared/web-pages';
import { FakeBridge } from './fake-bridge';
import {
  makeProfile,
  sampleError,
  signedInSession,
  signedOutSession,
  PRODUCTION,
  STAGING,
} from '../support/model-fixtures';
import { keyboardRow, renderApp } from './render-app';

const now = Date.now();
const SSO = makeProfile({ id: 'sso', label: 'Acme SSO', environment: 'staging', signInMethod: 'web' });
const pane = () => screen.getByRole('region', { name: /Jira Production|Jira Staging|Acme SSO/ });
const openButton = () => within(pane()).getByRole('button', { name: 'Open in Jira' });
const pagesButton = () => within(pane()).getByRole('button', { name: 'Choose a page to open in Jira' });

function seed() {
  return {
    profiles: [PRODUCTION, STAGING, SSO],
    sessions: [signedInSession(PRODUCTION, now), signedOutSession('stage'), signedOutSession('sso')],
  };
}

describe('the Open in Jira button', () => {
  test('is the primary action of a signed-in server, with its shortcut, and opens the dashboard', async () => {
    const { user, bridge } = await renderApp(seed());
    expect(openButton()).toHaveClass('button-primary');
    expect(openButton()).toHaveAttribute('aria-keyshortcuts', 'Control+O');
    expect(openButton()).toHaveAttribute('title', expect.stringContaining('(Ctrl+O)'));
    await user.click(openButton());
    await waitFor(() => expect(bridge.calls.openInJira).toEqual([['prod']]));
  });

  test('is a secondary action of a signed-out server; the macOS shortcut says ⌘', async () => {
    const { user } = await renderApp({ ...seed(), appInfo: { platform: 'darwin' } });
    await user.click(screen.getByRole('option', { name: /Jira Staging/ }));
    expect(openButton()).not.toHaveClass('button-primary');
    expect(openButton()).toHaveAttribute('aria-keyshortcuts', 'Meta+O');
    expect(openButton()).toHaveAttribute('title', expect.stringContaining('(Cmd+O)'));
  });

  test('offers every named page in a menu that the keyboard can drive', async () => {
    const { user, bridge } = await renderApp(seed());
    await user.click(pagesButton());
    expect(pagesButton()).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'Open in Jira' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([...WEB_PAGES.map((page) => page.label), 'Other page…']);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(bridge.calls.openInJira).toEqual([['prod', '/secure/admin/ViewSystemInfo.jspa']]);
    expect(pagesButton()).toHaveFocus();

    await user.click(pagesButton());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(pagesButton()).toHaveFocus();
    expect(bridge.calls.openInJira).toHaveLength(1);
  });

  test('"Other page…" takes a path on the server, refuses one that would leave it, and opens it', async () => {
    const { user, bridge } = await renderApp(seed());
    await user.click(pagesButton());
    await user.click(screen.getByRole('menuitem', { name: 'Other page…' }));
    const form = screen.getByRole('form', { name: 'Open another page in Jira' });
    const path = within(form).getByLabelText('Page path on this server');
    await waitFor(() => expect(path).toHaveFocus());

    await user.type(path, '//evil.example.com/x');
    await user.click(within(form).getByRole('button', { name: 'Open' }));
    expect(path).toHaveAccessibleDescription(/must stay on the server/);
    expect(path).toHaveAttribute('aria-invalid', 'true');
    await user.clear(path);
    await user.type(path, 'browse/ABC-1');
    await user.click(within(form).getByRole('button', { name: 'Open' }));
    expect(path).toHaveAccessibleDescription(/starts with "\/"/);
    expect(bridge.calls.openInJira).toEqual([]);

    await user.clear(path);
    await user.type(path, '/browse/ABC-1{Enter}');
    expect(screen.queryByRole('form', { name: 'Open another page in Jira' })).toBeNull();
    expect(bridge.calls.openInJira).toEqual([['prod', '/browse/ABC-1']]);
  });

  test('shows progress while the window opens, and a failure in the pane', async () => {
    const bridge = new FakeBridge(seed());
    const { user } = await renderApp(bridge);
    const held = bridge.holdNext('openInJira');
    await user.click(openButton());
    const call = await held;
    expect(within(pane()).getByRole('button', { name: 'Opening…' })).toHaveAttribute('aria-disabled', 'true');
    call.reject(sampleError('not-found'));
    expect(await within(pane()).findByRole('alert')).toHaveTextContent('Message for not-found.');
  });
});

test('Ctrl+O opens the selected server in Jira', async () => {
  const { user, bridge } = await renderApp(seed());
  await user.click(screen.getByRole('option', { name: /Jira Staging/ }));
  await user.keyboard('{Control>}o{/Control}');
  await waitFor(() => expect(bridge.calls.openInJira).toEqual([['stage']]));
});

describe("a server's context menu in the list", () => {
  test('opens on right-click with what applies to its state, and each item acts on that server', async () => {
    const { user, bridge } = await renderApp(seed());
    fireEvent.contextMenu(screen.getByRole('option', { name: /Jira Production/ }));
    let menu = screen.getByRole('menu', { name: 'Jira Production actions' });
    const labels = within(menu)
      .getAllByRole('menuitem')
      .map((item) => [item.textContent, item.getAttribute('aria-disabled') === 'true']);
    expect(labels).toEqual([
      ['Open in Jira', false],
      ['Sign in', true],
      ['Refresh', false],
      ['Sign out', false],
      ['Edit server', false],
      ['Add to favourites', false],
      ['Move to group…', false],
    ]);
    await user.click(within(menu).getByRole('menuitem', { name: 'Sign in' }));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(within(menu).getByRole('menuitem', { name: 'Open in Jira' }));
    await waitFor(() => expect(bridge.calls.openInJira).toEqual([['prod']]));

    fireEvent.contextMenu(screen.getByRole('option', { name: /Jira Production/ }));
    menu = screen.getByRole('menu', { name: 'Jira Production actions' });
    await user.click(within(menu).getByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(bridge.calls.logout).toEqual([['prod']]));
  });

  test('Shift+F10 opens it on the focused server; a web profile signs in on the web page from it', async () => {
    const { user, bridge } = await renderApp(seed());
    const option = screen.getByRole('option', { name: /Acme SSO/ });
    await user.click(option);
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Acme SSO actions' });
    expect(within(menu).getByRole('menuitem', { name: 'Refresh' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(menu).getByRole('menuitem', { name: 'Sign out' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(menu).getByRole('menuitem', { name: 'Sign in on the web page' }));
    await waitFor(() => expect(bridge.calls.webLogin).toEqual([['sso']]));
  });

  test('the Menu key opens it too; Escape closes it and focus goes back to the server', async () => {
    const { user } = await renderApp(seed());
    const option = screen.getByRole('option', { name: /Jira Staging/ });
    await user.click(option);
    await user.keyboard('{ContextMenu}');
    const menu = screen.getByRole('menu', { name: 'Jira Staging actions' });
    expect(within(menu).getAllByRole('menuitem')[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(menu).getByRole('menuitem', { name: 'Move to group…' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(keyboardRow()).toBe(option);
  });

  test('"Sign in" on a password server goes to its password field; Edit opens the editor', async () => {
    const { user } = await renderApp(seed());
    fireEvent.contextMenu(screen.getByRole('option', { name: /Jira Staging/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByLabelText('Password', { selector: 'input' })).toHaveFocus());
    fireEvent.contextMenu(screen.getByRole('option', { name: /Jira Staging/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit server' }));
    expect(screen.getByRole('heading', { name: 'Edit Jira Staging' })).toBeInTheDocument();
  });

  test('a click elsewhere closes it without acting', async () => {
    const { user, bridge } = await renderApp(seed());
    fireEvent.contextMenu(screen.getByRole('option', { name: /Jira Production/ }));
    await user.click(screen.getByRole('heading', { name: 'Jira Production', level: 2 }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(bridge.calls.openInJira).toEqual([]);
  });
});
