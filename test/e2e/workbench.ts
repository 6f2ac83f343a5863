// Drives the code-server workbench that scripts/e2e.mjs starts; its settings arrive in ARTICLE_E2E_* variables.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const SAMPLE_NAME = 'russia-ukraine-geneva.article';

/** Repository root, from out/test/e2e or test/e2e alike. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

export function e2eSetting(name: 'URL' | 'BROWSER' | 'WORKSPACE' | 'RESULTS'): string {
  const value = process.env[`ARTICLE_E2E_${name}`];
  if (!value) throw new Error(`ARTICLE_E2E_${name} is not set: run the UI tests with \`npm run test:e2e\``);
  return value;
}

export function connectBrowser(): Promise<Browser> {
  return chromium.connect(e2eSetting('BROWSER'));
}

/** Opens the workbench on the samples folder and waits until the Explorer lists its files. */
export async function openWorkbench(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(e2eSetting('URL'));
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  await explorerRow(page, SAMPLE_NAME).waitFor({ timeout: 60_000 });
  return page;
}

export function explorerRow(page: Page, fileName: string): Locator {
  return page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${fileName}"]`);
}

/** Opens a workspace file from the Explorer (double-click pins it, as a user would). */
export async function openFromExplorer(page: Page, fileName: string): Promise<void> {
  await explorerRow(page, fileName).dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** The activity-bar entry of the Article Annotator view container (its title starts with "Article"). */
export function articleActivityItem(page: Page): Locator {
  return page.locator('.part.activitybar .action-item a[aria-label^="Article"]');
}

/** The body of a view in the side bar, found by its header's title. */
export function viewPane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator(`.pane-header[aria-label^="${title}"]`) });
}

export function languageStatus(page: Page): Locator {
  return page.locator('[id="status.editor.mode"]');
}
