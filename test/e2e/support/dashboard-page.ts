// What the end-to-end tests do on the dashboard page, said once: add a server, pick one, sign in with a password,
// take a screenshot (to $SCREENSHOT_DIR, which `npm run screenshots` points at docs/screenshots/), and ask axe-core
// for serious or critical accessibility violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Environment, SignInMethod } from '../../../electron/shared/model';

export const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious or critical accessibility violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

export interface NewServer {
  label: string;
  baseUrl: string;
  username: string;
  environment: Environment;
  signInMethod?: SignInMethod;
}

/** Fills the editor for a new server; `save` false leaves it open (for a picture of the form). */
export async function fillNewServer(page: Page, server: NewServer): Promise<void> {
  await page.getByRole('button', { name: 'Add server' }).first().click();
  await page.getByLabel('Server name').fill(server.label);
  await page.getByLabel('Base URL').fill(server.baseUrl);
  await page.getByLabel('Environment').selectOption(server.environment);
  if (server.signInMethod === 'web') await page.getByRole('radio', { name: /^Web page/ }).check();
  await page.getByLabel('Username').fill(server.username);
}

export async function saveNewServer(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Save server' }).click();
  await expect.poll(() => page.getByRole('option', { name: new RegExp(label) }).count()).toBe(1);
}

export async function addServer(page: Page, server: NewServer): Promise<void> {
  await fillNewServer(page, server);
  await saveNewServer(page, server.label);
}

export async function select(page: Page, label: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(label) }).click();
  await expect.poll(() => page.locator('#pane-heading').textContent()).toContain(label);
}

export async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export function signedInHeading(page: Page) {
  return page.locator('#signed-in-heading');
}

/** Clicks a bar's action where it is: in view, or in the bar's "More actions" menu when the bar is too narrow. */
export async function clickAction(bar: Locator, name: string): Promise<void> {
  const button = bar.getByRole('button', { name, exact: true });
  if (await button.isVisible()) return button.click();
  await bar.getByRole('button', { name: 'More actions' }).click();
  await bar.page().getByRole('menuitem', { name, exact: true }).click();
}
