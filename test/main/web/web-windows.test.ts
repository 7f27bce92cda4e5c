import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COOKIE_SETTLE_MS } from '../../../electron/main/web/web-cookie-sync';
import { SIGN_IN_PATH, partitionName } from '../../../electron/main/web/web-windows';
import { FakeBaseWindow, callLog, resetElectronMock, session as electronSession } from '../electron-mock';
import { session } from '../fake-core';
import {
  BASE_URL,
  IDP_URL,
  jiraCookie,
  serverSets,
  setup,
  signedInJar,
  urlEvent,
  webWindow,
} from './web-windows-setup';

vi.mock('electron', () => import('../electron-mock').then((mock) => mock.electronModule));

const cleanups: (() => Promise<void>)[] = [];
const start = async (...args: Parameters<typeof setup>) => {
  const made = await setup(...args);
  cleanups.push(made.cleanup);
  return made;
};

beforeEach(() => {
  resetElectronMock();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Lets the debounce run out and every promise it started settle. */
const settle = () => vi.advanceTimersByTimeAsync(COOKIE_SETTLE_MS + 10);
const jiraLoads = (log: readonly string[]) => log.filter((line) => line.startsWith(`loadURL ${BASE_URL}`));

describe('open', () => {
  it('copies every cookie of the jar into a non-persistent partition for the profile before loading the page', async () => {
    const { windows } = await start();
    await windows.open('prod', '/secure/admin/ViewSystemInfo.jspa');
    const { jira, session: partition } = webWindow();

    expect(jira.options.webPreferences?.partition).toBe('jira-web:prod');
    expect(jira.options.webPreferences?.partition).not.toMatch(/^persist:/);
    expect(partition).toBe(electronSession.fromPartition('jira-web:prod'));
    const sets = callLog.filter((line) => line.startsWith('cookies.set jira-web:prod'));
    expect(sets.sort()).toEqual([
      'cookies.set jira-web:prod AWSALB',
      'cookies.set jira-web:prod JSESSIONID',
      'cookies.set jira-web:prod atlassian.xsrf.token',
    ]);
    const firstLoad = callLog.indexOf(`loadURL ${BASE_URL}/secure/admin/ViewSystemInfo.jspa`);
    expect(firstLoad).toBeGreaterThan(-1);
    for (const line of sets) expect(callLog.indexOf(line)).toBeLessThan(firstLoad);
    // What a request to the server's pages would carry: the session under the context path and the sticky cookie.
    const sent = await partition.cookies.get({ url: `${BASE_URL}/secure/Dashboard.jspa` });
    expect(sent.map((cookie) => [cookie.name, cookie.value, cookie.path])).toEqual(
      expect.arrayContaining([
        ['JSESSIONID', 'JAR-SESSION', '/jira'],
        ['AWSALB', 'node-2', '/'],
      ]),
    );
    expect(await partition.cookies.get({ url: 'https://jira.example.com/other' })).not.toContainEqual(
      expect.objectContaining({ name: 'JSESSIONID' }),
    );
  });

  it('opens the dashboard when no path is given, titled with the profile', async () => {
    const { windows } = await start();
    await windows.open('stage');
    expect(jiraLoads(callLog)).toEqual([`loadURL ${BASE_URL}/secure/Dashboard.jspa`]);
    expect(webWindow().window.title).toBe('Staging — Jira Session Manager');
  });

  it('keeps one window per profile: a second open focuses it and goes to the new page', async () => {
    const { windows } = await start();
    await windows.open('prod');
    await windows.open('prod', '/browse/ABC-1');
    expect(FakeBaseWindow.instances).toHaveLength(1);
    expect(webWindow().window.focus).toHaveBeenCalled();
    expect(webWindow().jira.webContents.loadURL).toHaveBeenLastCalledWith(`${BASE_URL}/browse/ABC-1`);
  });

  it('gives two profiles on one host two partitions, each with its own session', async () => {
    const { windows } = await start();
    await windows.open('prod');
    await windows.open('stage');
    const prod = webWindow(0).session;
    const stage = webWindow(1).session;
    expect(prod).not.toBe(stage);
    expect([prod.partition, stage.partition]).toEqual(['jira-web:prod', 'jira-web:stage']);
    const value = async (partition: typeof prod) =>
      (await partition.cookies.get({ url: BASE_URL, name: 'JSESSIONID' }))[0]?.value;
    expect(await value(prod)).toBe('JAR-SESSION');
    expect(await value(stage)).toBe('STAGE-SESSION');
  });

  it.each(['//evil.example.com/x', 'secure/Dashboard.jspa', '/a b'])('refuses the path %s', async (path) => {
    const { windows } = await start();
    await expect(windows.open('prod', path)).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(FakeBaseWindow.instances).toHaveLength(0);
  });

  it('rejects an unknown profile without making a window', async () => {
    const { windows } = await start();
    await expect(windows.open('gone')).rejects.toMatchObject({ kind: 'not-found' });
    expect(FakeBaseWindow.instances).toHaveLength(0);
  });
});

describe('cookies back to the core in work mode', () => {
  it('hands a burst of changes to port.sync once, with the server’s cookies only', async () => {
    const { windows, port } = await start();
    await windows.open('prod');
    const { session: partition } = webWindow();
    // WebSudo: a new session cookie and token, and the identity provider's cookie that is none of the core's business.
    await serverSets(partition, jiraCookie({ value: 'AFTER-WEBSUDO' }));
    await serverSets(partition, jiraCookie({ name: 'atlassian.xsrf.token', value: 'XSRF-2', httpOnly: false }));
    await serverSets(partition, jiraCookie({ name: 'idp-session', domain: 'idp.example.net', path: '/' }));
    expect(port.callsOf('sync')).toHaveLength(0);
    await settle();
    const syncs = port.callsOf('sync');
    expect(syncs).toHaveLength(1);
    const cookies = syncs[0]?.method === 'sync' ? syncs[0].cookies : [];
    expect(Object.fromEntries(cookies.map((cookie) => [cookie.name, cookie.value]))).toEqual({
      JSESSIONID: 'AFTER-WEBSUDO',
      'atlassian.xsrf.token': 'XSRF-2',
      AWSALB: 'node-2',
    });
    expect(cookies.find((cookie) => cookie.name === 'JSESSIONID')).toMatchObject({ path: '/jira', hostOnly: true });
    expect(port.callsOf('adoptSignIn')).toHaveLength(0);
  });

  it('hands nothing back for its own copy-in', async () => {
    const { windows, port } = await start();
    await windows.open('prod');
    await settle();
    await settle();
    expect(port.callsOf('sync')).toHaveLength(0);
  });

  it("copies the jar in again on the core's 'cookies-changed', without handing it back", async () => {
    const { windows, port } = await start();
    await windows.open('prod');
    const { session: partition } = webWindow();
    port.jars.set('prod', signedInJar('QUIETLY-RENEWED'));
    port.emit({ kind: 'cookies-changed', profileId: 'prod' });
    await settle();
    expect((await partition.cookies.get({ url: BASE_URL, name: 'JSESSIONID' }))[0]?.value).toBe('QUIETLY-RENEWED');
    expect(port.callsOf('sync')).toHaveLength(0);
  });

  it("leaves a window that is signing in alone on 'cookies-changed'", async () => {
    const { windows, port } = await start();
    void windows.signIn('prod');
    await vi.waitFor(() => expect(FakeBaseWindow.instances).toHaveLength(1));
    await vi.waitFor(() => expect(port.callsOf('cookies')).toHaveLength(1));
    const { session: partition } = webWindow();
    await serverSets(partition, jiraCookie({ value: 'FROM-THE-LOGIN-PAGE' }));
    port.emit({ kind: 'cookies-changed', profileId: 'prod' });
    await settle();
    expect(port.callsOf('cookies')).toHaveLength(1);
    expect((await partition.cookies.get({ url: BASE_URL, name: 'JSESSIONID' }))[0]?.value).toBe('FROM-THE-LOGIN-PAGE');
  });

  it("ignores 'cookies-changed' for a profile without a window", async () => {
    const { port } = await start();
    port.emit({ kind: 'cookies-changed', profileId: 'prod' });
    await settle();
    expect(port.callsOf('cookies')).toHaveLength(0);
    expect(electronSession.partitions.size).toBe(0);
  });
});

describe('signIn', () => {
  it('opens the login page, adopts the cookies the sign-in set, resolves with the state and closes', async () => {
    const { windows, port } = await start();
    const signedIn = session('prod', 'signed-in');
    port.adopt = (_id, cookies) => (cookies.some((cookie) => cookie.value === 'FRESH') ? signedIn : null);
    const result = windows.signIn('prod');
    await vi.waitFor(() => expect(FakeBaseWindow.instances).toHaveLength(1));
    const { window, jira, session: partition } = webWindow();
    await vi.waitFor(() => expect(jira.webContents.loadURL).toHaveBeenCalledWith(`${BASE_URL}${SIGN_IN_PATH}`));

    await serverSets(partition, jiraCookie({ value: 'FRESH' }));
    await serverSets(partition, jiraCookie({ name: 'seraph.rememberme.cookie', value: 'R1' }));
    await settle();

    await expect(result).resolves.toEqual(signedIn);
    const adopted = port.callsOf('adoptSignIn');
    expect(adopted).toHaveLength(1);
    const names = adopted[0]?.method === 'adoptSignIn' ? adopted[0].cookies.map((cookie) => cookie.name) : [];
    expect(names.sort()).toEqual(['AWSALB', 'JSESSIONID', 'atlassian.xsrf.token', 'seraph.rememberme.cookie']);
    expect(port.callsOf('sync')).toHaveLength(0);
    expect(window.isDestroyed()).toBe(true);
    expect(jira.webContents.close).toHaveBeenCalled();
  });

  it('keeps the window while adoptSignIn says the cookies are not a signed-in user yet', async () => {
    const { windows, port, options } = await start();
    let settled = false;
    void windows.signIn('prod').then(() => (settled = true));
    await vi.waitFor(() => expect(FakeBaseWindow.instances).toHaveLength(1));
    const { window, session: partition } = webWindow();
    await vi.waitFor(() => expect(port.callsOf('cookies')).toHaveLength(1));
    await serverSets(partition, jiraCookie({ value: 'ANONYMOUS' }));
    await settle();
    expect(port.callsOf('adoptSignIn')).toHaveLength(1);
    expect(window.isDestroyed()).toBe(false);
    expect(settled).toBe(false);
    expect(options.state).not.toHaveBeenCalled();
  });

  it('asks again after a check that failed, on the next change', async () => {
    const { windows, port } = await start();
    const signedIn = session('prod', 'signed-in');
    const result = windows.signIn('prod');
    await vi.waitFor(() => expect(FakeBaseWindow.instances).toHaveLength(1));
    await vi.waitFor(() => expect(port.callsOf('cookies')).toHaveLength(1));
    port.adopt = () => {
      throw new Error('unreachable');
    };
    await serverSets(webWindow().session, jiraCookie({ value: 'FRESH' }));
    await settle();
    port.adopt = () => signedIn;
    // The same cookies set again (the page reloaded): worth another try, since the last one failed.
    await serverSets(webWindow().session, jiraCookie({ value: 'FRESH' }));
    await settle();
    await expect(result).resolves.toEqual(signedIn);
    expect(port.callsOf('adoptSignIn')).toHaveLength(2);
  });

  it('asks nothing of the core while there is no session cookie', async () => {
    const { windows, port } = await start();
    port.jars.set('prod', []);
    void windows.signIn('prod');
    await vi.waitFor(() => expect(FakeBaseWindow.instances).toHaveLength(1));
    await serverSets(webWindow().session, jiraCookie({ name: 'atlassian.xsrf.token', value: 'X' }));
    await settle();
    expect(port.callsOf('adoptSignIn')).toHaveLength(0);
  });

  it('resolves with the state as it is when the window is closed before the sign-in is done', async () => {
    const { windows, options } = await start();
    const result = windows.signIn('prod');
    await vi.waitFor(() => expect(FakeBaseWindow.instances).toHaveLength(1));
    webWindow().window.close();
    await expect(result).resolves.toEqual(session('prod', 'expired'));
    expect(options.state).toHaveBeenCalledWith('prod');
  });

  it('shares one window and one promise between two calls', async () => {
    const { windows, port } = await start();
    const signedIn = session('prod', 'signed-in');
    port.adopt = () => signedIn;
    const first = windows.signIn('prod');
    await vi.waitFor(() => expect(FakeBaseWindow.instances).toHaveLength(1));
    const second = windows.signIn('prod');
    expect(webWindow().window.focus).toHaveBeenCalled();
    await serverSets(webWindow().session, jiraCookie({ value: 'FRESH' }));
    await settle();
    await expect(Promise.all([first, second])).resolves.toEqual([signedIn, signedIn]);
    expect(FakeBaseWindow.instances).toHaveLength(1);
    expect(port.callsOf('adoptSignIn')).toHaveLength(1);
  });

  it('turns an open web window to the login page and keeps it afterwards, back in work mode', async () => {
    const { windows, port } = await start();
    const signedIn = session('prod', 'signed-in');
    port.adopt = () => signedIn;
    await windows.open('prod');
    const result = windows.signIn('prod');
    const { window, jira, session: partition } = webWindow();
    expect(jira.webContents.loadURL).toHaveBeenLastCalledWith(`${BASE_URL}${SIGN_IN_PATH}`);
    await serverSets(partition, jiraCookie({ value: 'FRESH' }));
    await settle();
    await expect(result).resolves.toEqual(signedIn);
    expect(window.isDestroyed()).toBe(false);
    await serverSets(partition, jiraCookie({ value: 'LATER' }));
    await settle();
    expect(port.callsOf('sync')).toHaveLength(1);
  });

  it('switches a working window to sign-in when the server sends it to its identity provider', async () => {
    const { windows, port } = await start();
    await windows.open('prod');
    const { window, jira, session: partition } = webWindow();
    const redirect = urlEvent(IDP_URL, { isMainFrame: true });
    jira.webContents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).not.toHaveBeenCalled();
    // On the identity provider's pages now: its links are followed, not sent to the browser.
    const idpLink = urlEvent('https://idp.example.net/mfa');
    jira.webContents.emit('will-navigate', idpLink);
    expect(idpLink.preventDefault).not.toHaveBeenCalled();

    port.adopt = () => session('prod', 'signed-in');
    await serverSets(partition, jiraCookie({ value: 'FRESH' }));
    await settle();
    expect(port.callsOf('adoptSignIn')).toHaveLength(1);
    expect(port.callsOf('sync')).toHaveLength(0);
    expect(window.isDestroyed()).toBe(false);
    const away = urlEvent('https://idp.example.net/again');
    jira.webContents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
  });
});

describe('problems', () => {
  it('still opens the page when a cookie cannot be copied in, and logs no cookie value', async () => {
    const { windows, log } = await start();
    const partition = electronSession.fromPartition('jira-web:prod');
    partition.cookies.set.mockRejectedValueOnce(new Error('Failed to set cookie JSESSIONID=JAR-SESSION'));
    await windows.open('prod');
    expect(jiraLoads(callLog)).toHaveLength(1);
    expect(log).toHaveBeenCalledWith('warn', 'Web session cookies not copied in', {
      profileId: 'prod',
      error: 'Error',
    });
    expect(JSON.stringify(log.mock.calls)).not.toMatch(/JAR-SESSION|XSRF-1|node-2/);
  });

  it('keeps a failed hand-over out of the log and tries again on the next change', async () => {
    const { windows, port, log } = await start();
    await windows.open('prod');
    const sync = vi.spyOn(port, 'sync').mockRejectedValueOnce(new Error('rejected AFTER-WEBSUDO'));
    await serverSets(webWindow().session, jiraCookie({ value: 'AFTER-WEBSUDO' }));
    await settle();
    expect(log).toHaveBeenCalledWith('warn', 'Web session cookies not handed over', {
      profileId: 'prod',
      error: 'Error',
    });
    await serverSets(webWindow().session, jiraCookie({ value: 'NEXT' }));
    await settle();
    expect(sync).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(log.mock.calls)).not.toMatch(/AFTER-WEBSUDO|NEXT/);
  });
});

describe('cleanup', () => {
  it("closes the window and then clears the partition on 'ended'", async () => {
    const { windows, port } = await start();
    await windows.open('prod');
    const { window, session: partition } = webWindow();
    window.on('closed', () => callLog.push('closed'));
    port.emit({ kind: 'ended', profileId: 'prod' });
    await vi.waitFor(() => expect(partition.clearStorageData).toHaveBeenCalled());
    expect(window.isDestroyed()).toBe(true);
    expect(callLog.indexOf('closed')).toBeLessThan(callLog.indexOf('clearStorageData jira-web:prod'));
    expect(partition.cookies.cookies).toEqual([]);
  });

  it('opens a fresh window with the jar after a closeProfile', async () => {
    const { windows } = await start();
    await windows.open('prod');
    await windows.closeProfile('prod');
    await windows.open('prod');
    expect(FakeBaseWindow.instances).toHaveLength(2);
    expect(webWindow().window.isDestroyed()).toBe(false);
    expect(await webWindow().session.cookies.get({ url: BASE_URL, name: 'JSESSIONID' })).toHaveLength(1);
  });

  it('dispose closes every window, clears every partition and stops listening', async () => {
    const { windows, port } = await start();
    await windows.open('prod');
    await windows.open('stage');
    await windows.dispose();
    expect(FakeBaseWindow.instances.every((window) => window.isDestroyed())).toBe(true);
    for (const profileId of ['prod', 'stage']) {
      expect(electronSession.fromPartition(partitionName(profileId)).clearStorageData).toHaveBeenCalledTimes(1);
    }
    expect(port.listenerCount).toBe(0);
  });
});

describe('window size and position', () => {
  it('is remembered per profile in one file in the data folder', async () => {
    const { windows, dataDir } = await start();
    await windows.open('prod');
    const prod = webWindow().window;
    prod.bounds = { x: 40, y: 50, width: 1000, height: 700 };
    prod.close();
    await windows.open('stage');
    expect(webWindow().window.options).toMatchObject({ width: 1100, height: 720 });
    expect(webWindow().window.options.x).toBeUndefined();
    await windows.open('prod');
    expect(webWindow().window.options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
    const file = JSON.parse(await readFile(path.join(dataDir, 'web-window-state.json'), 'utf8'));
    expect(file.windows.prod).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: false });
  });
});
