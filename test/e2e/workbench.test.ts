import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import {
  ROOT,
  SAMPLE_NAME,
  articleActivityItem,
  connectBrowser,
  e2eSetting,
  languageStatus,
  openFromExplorer,
  openWorkbench,
  viewPane,
} from './workbench';

const SCREENSHOT_NAME = 'article-annotator.png';

describe('Workbench UI (code-server + Chromium)', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await connectBrowser();
    page = await openWorkbench(browser);
  });

  after(async () => {
    await page?.close();
    await browser?.close();
  });

  it('opens the sample article in an editor with the Article language', async () => {
    await openFromExplorer(page, SAMPLE_NAME);
    await page.locator('.editor-instance .view-lines', { hasText: 'Riabkov' }).first().waitFor();
    await languageStatus(page).filter({ hasText: /^Article$/ }).waitFor();
  });

  it('shows the Article view container in the activity bar', async () => {
    const item = articleActivityItem(page);
    await item.waitFor();
    assert.ok(await item.isVisible());
  });

  it('shows actor rows in the Actors view after clicking the Article container', async () => {
    await articleActivityItem(page).click();
    const actors = viewPane(page, 'Actors');
    await actors.waitFor();
    const rows = actors.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    const labels = (await rows.allTextContents()).map((label) => label.trim()).filter(Boolean);
    assert.ok(labels.length >= 2, `expected several actor rows, saw: ${JSON.stringify(labels)}`);
    const text = fs.readFileSync(path.join(ROOT, 'samples', SAMPLE_NAME), 'utf8');
    const named = labels.filter((label) => label.split(/\s+/).some((word) => word.length > 2 && text.includes(word)));
    assert.ok(named.length > 0, `actor rows should name people or groups from the article: ${JSON.stringify(labels)}`);
  });

  it('shows no error notifications after the extension has run', async () => {
    const toasts = page.locator('.notifications-toasts .notification-toast').filter({ has: page.locator('.codicon-error') });
    const messages = (await toasts.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    assert.deepStrictEqual(messages, []);
  });

  it('offers "Article: Analyze Current File" in the command palette', async () => {
    await page.locator('.editor-instance .monaco-editor').first().click();
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor();
    await input.fill('>Article: Analyze');
    const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Article: Analyze Current File' });
    await entry.first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('saves a screenshot of the workbench under test-results/', async () => {
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const file = path.join(e2eSetting('RESULTS'), SCREENSHOT_NAME);
    await page.screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot has content');
    if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(file, path.join(ROOT, 'media', 'screenshot.png'));
  });
});
