// Every window size in Chromium, against a real core with 36 saved servers (18 signed in): the 720×480 minimum
// window at 100–150% zoom (Electron's zoom is CSS pixels per device pixel, so 150% is a 480×320 CSS viewport with
// a device scale of 1.5) keeps every toolbar and pane action wholly in view or in its "More actions" menu and the
// overall status in view; a 2560×1440 window puts the pane's cards side by side. Writes small-window-light.png and
// wide-window-light.png.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment } from '../../electron/shared/model';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in';
import { launchChromium, openBrowserApp, type BrowserApp } from './support/browser-app';
import { screenshot, SCREENSHOT_DIR } from './support/dashboard-page';
import { inside, readActionBar, rowHeightsInView, viewportBox, type BarReport } from './support/layout-checks';
import { buildRenderer } from './support/renderer-build';

const SERVERS = 36;
const SIGNED_IN = 18;
const ENVIRONMENTS: Environment[] = ['production', 'staging', 'test', 'development'];
const LONG_LABEL = 'Acme Service Management for the EMEA customer support organisation (cluster 3)';

let browser: Browser;
let rendererDir: string;
let jira: JiraStandIn;
let harness: CoreHarness;
const opened: BrowserApp[] = [];

async function openWindow(options: {
  width: number;
  height: number;
  zoom?: number;
  forcedColors?: 'active';
}): Promise<Page> {
  const zoom = options.zoom ?? 1;
  const app = await openBrowserApp(browser, {
    core: harness.core,
    rendererDir,
    viewport: { width: Math.floor(options.width / zoom), height: Math.floor(options.height / zoom) },
    deviceScaleFactor: zoom,
    forcedColors: options.forcedColors,
  });
  opened.push(app);
  app.page.setDefaultTimeout(8000);
  // The list renders only the rows in view; each says how many there are in all.
  await expect
    .poll(() => serverRows(app.page).first().getAttribute('aria-setsize'), { timeout: 15_000 })
    .toBe(String(SERVERS));
  return app.page;
}

const serverRows = (page: Page) => page.getByRole('listbox', { name: 'Servers' }).getByRole('option');

async function selectServer(page: Page, label: string): Promise<void> {
  await serverRows(page).filter({ hasText: label }).first().click();
  await expect.poll(() => page.locator('#pane-heading').textContent()).toBe(label);
}

function expectNothingLost(report: BarReport): void {
  expect({ bar: report.bar, cutOff: report.cutOff }).toEqual({ bar: report.bar, cutOff: [] });
  expect(report.inView.length + report.overflowing.length).toBeGreaterThan(0);
  // A menu button that overflows brings its own entries (the estate's "More": import, export, history, settings).
  for (const label of report.overflowing) {
    expect(report.menuEntries).toContain(label === 'More' ? 'Settings' : label);
  }
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [rendererDir, jira, browser] = await Promise.all([
    buildRenderer(),
    startJiraStandIn({ contextPath: '/jira', serverTitle: 'Acme Jira' }),
    launchChromium(),
  ]);
  harness = await startCore();
  for (let index = 0; index < SERVERS; index += 1) {
    const number = String(index + 1).padStart(2, '0');
    const profile = await harness.addProfile({
      baseUrl: jira.baseUrl,
      label: index === 2 ? LONG_LABEL : `Acme Jira ${number}`,
      username: 'admin',
      environment: ENVIRONMENTS[index % ENVIRONMENTS.length],
    });
    if (index % 2 === 0) {
      await harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    }
  }
}, 120_000);

afterAll(async () => {
  for (const app of opened) await app.close();
  await browser?.close();
  await harness?.dispose();
  await jira?.close();
  removeTemporaryDirs();
});

describe('the 720×480 minimum window', () => {
  it.each([1, 1.1, 1.25, 1.5])(
    'at %d× zoom keeps every action in view or in "More actions", and the status in view',
    async (zoom) => {
      const page = await openWindow({ width: 720, height: 480, zoom });
      const viewport = viewportBox(page);
      const status = page.locator('.toolbar-summary .summary-signed-in');
      expect(await status.textContent()).toBe(`${SIGNED_IN} of ${SERVERS} signed in`);
      expect(inside((await status.boundingBox())!, viewport)).toBe(true);

      // A signed-in server (every pane action offered), then one that is signed out.
      for (const label of ['Acme Jira 01', 'Acme Jira 02', LONG_LABEL]) {
        await selectServer(page, label);
        for (const holder of ['.toolbar', '.pane-header']) {
          const report = await readActionBar(page, holder);
          expectNothingLost(report);
          if (report.menuBox) expect(inside(report.menuBox, viewport)).toBe(true);
        }
      }
      const heights = await rowHeightsInView(page);
      expect(heights.length).toBeGreaterThan(1);
      expect(new Set(heights).size).toBe(1);
      if (zoom === 1.5) {
        await selectServer(page, 'Acme Jira 01');
        await screenshot(page, 'small-window-light');
      }
    },
    60_000,
  );

  it('at 150% the toolbar hands its actions to "More actions", and they work from there', async () => {
    const page = await openWindow({ width: 720, height: 480, zoom: 1.5 });
    const toolbar = await readActionBar(page, '.toolbar');
    expect(toolbar.overflowing.length).toBeGreaterThan(0);
    expect(toolbar.menuEntries).toContain('Notifications');
    await page.locator('.toolbar').getByRole('button', { name: 'More actions' }).click();
    const toggle = page.getByRole('menuitemcheckbox', { name: 'Notifications' });
    const before = await toggle.getAttribute('aria-checked');
    await toggle.click();
    await expect.poll(async () => (await harness.core.invoke('settings:get')).notifications).toBe(before !== 'true');
    await page.locator('.toolbar').getByRole('button', { name: 'More actions' }).click();
    expect(await page.getByRole('menuitemcheckbox', { name: 'Notifications' }).textContent()).toBe(
      before === 'true' ? 'NotificationsOff' : 'NotificationsOn',
    );
    await page.keyboard.press('Escape');
  }, 60_000);
});

describe('a 1280×800 laptop window', () => {
  it('keeps every action of a signed-in server in view: the title gives the actions their room', async () => {
    const page = await openWindow({ width: 1280, height: 800 });
    for (const label of ['Acme Jira 01', LONG_LABEL]) {
      await selectServer(page, label);
      const pane = await readActionBar(page, '.pane-header');
      expect(pane.overflowing).toEqual([]);
      expect(pane.cutOff).toEqual([]);
      expect(pane.inView.length).toBeGreaterThanOrEqual(3);
    }
    await selectServer(page, 'Acme Jira 01');
    await screenshot(page, 'laptop-window-light');
  }, 60_000);
});

describe('a 2560×1440 window', () => {
  it('uses its width: the whole toolbar in view and the pane’s cards side by side', async () => {
    const page = await openWindow({ width: 2560, height: 1440 });
    await selectServer(page, 'Acme Jira 01');
    const toolbar = await readActionBar(page, '.toolbar');
    expect(toolbar.overflowing).toEqual([]);
    expect(toolbar.cutOff).toEqual([]);
    const pane = await readActionBar(page, '.pane-header');
    expect(pane.overflowing).toEqual([]);

    const cards = await page.locator('.signed-in .card').evaluateAll((elements) =>
      elements.map((element) => {
        const rect = element.getBoundingClientRect();
        return { top: Math.round(rect.top), left: Math.round(rect.left), width: rect.width };
      }),
    );
    expect(cards.length).toBeGreaterThanOrEqual(4);
    const rows = new Map<number, number>();
    for (const card of cards) rows.set(card.top, (rows.get(card.top) ?? 0) + 1);
    // Fewer rows than cards: at least one row holds several cards side by side.
    expect(Math.max(...rows.values())).toBeGreaterThanOrEqual(3);
    const main = (await page.locator('.main').boundingBox())!;
    const content = (await page.locator('.main-content').boundingBox())!;
    expect(content.width / main.width).toBeGreaterThan(0.75);
    await screenshot(page, 'wide-window-light');
  }, 60_000);
});

describe('forced colours (a Windows contrast theme)', () => {
  it('still shows which server is selected and what state each toggle is in', async () => {
    const page = await openWindow({ width: 1920, height: 1080, forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await selectServer(page, 'Acme Jira 02');
    // The system colours themselves, read from probes that opt out of forcing.
    const system = await page.evaluate(() => {
      const read = (css: string) => {
        const probe = document.body.appendChild(document.createElement('div'));
        probe.style.cssText = `forced-color-adjust: none; ${css}`;
        const style = getComputedStyle(probe);
        const colours = { background: style.backgroundColor, text: style.color };
        probe.remove();
        return colours;
      };
      const selection = read('background: SelectedItem; color: SelectedItemText');
      return {
        selectedItem: selection.background,
        selectedItemText: selection.text,
        canvas: read('background: Canvas').background,
        highlight: read('background: Highlight').background,
      };
    });
    expect(system.selectedItem).not.toBe(system.canvas);
    const rows = await serverRows(page).evaluateAll((elements) =>
      elements.slice(0, 3).map((element) => {
        const style = getComputedStyle(element);
        return {
          selected: element.getAttribute('aria-selected'),
          background: style.backgroundColor,
          text: style.color,
        };
      }),
    );
    // The selected row in the system's selection colours; the rows around it not.
    expect(rows[1]).toEqual({ selected: 'true', background: system.selectedItem, text: system.selectedItemText });
    expect([rows[0]?.background, rows[2]?.background]).not.toContain(system.selectedItem);

    // The notifications toggle says On or Off in words, and "On" is drawn in the highlight colour; both states.
    const toggle = page.locator('.toolbar [aria-pressed]');
    const state = toggle.locator('.toggle-state');
    const before = await toggle.getAttribute('aria-pressed');
    for (const pressed of [before, before === 'true' ? 'false' : 'true']) {
      if ((await toggle.getAttribute('aria-pressed')) !== pressed) await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(pressed);
      expect(await state.textContent()).toBe(pressed === 'true' ? 'On' : 'Off');
      const pill = await state.evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(pill === system.highlight).toBe(pressed === 'true');
    }
    await screenshot(page, 'forced-colors');
  }, 60_000);
});
