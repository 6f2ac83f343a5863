// The three Article views in the real workbench, clicking through to the text, and the README screenshots
// (dark and light theme; copied to media/ when UPDATE_SCREENSHOTS=1).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT, SAMPLE_NAME, articleActivityItem, connectBrowser, e2eSetting, openFromExplorer, openWorkbench, viewPane } from './workbench';

const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', SAMPLE_NAME), 'utf8');

/** 1-based line number of the first line of the sample that starts with `prefix`. */
function lineStarting(prefix: string): number {
  const index = SAMPLE.split('\n').findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `a line starting with ${prefix}`);
  return index + 1;
}

function rows(pane: Locator): Locator {
  return pane.locator('.monaco-list-row');
}

async function rowLabels(pane: Locator): Promise<string[]> {
  return (await rows(pane).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Shows the Article side bar (clicking its activity-bar entry only when it is not already open). */
async function showArticleSidebar(page: Page): Promise<void> {
  if (!(await viewPane(page, 'Actors').isVisible())) await articleActivityItem(page).click();
  await viewPane(page, 'Actors').waitFor();
}

/** Collapses or expands a view section by its header. */
async function setPaneExpanded(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator(`.part.sidebar .pane-header[aria-label^="${title}"]`);
  if ((await header.getAttribute('aria-expanded')) === String(expanded)) return;
  // A row's tooltip may still cover the header: move the pointer away until it closes.
  await page.mouse.move(700, 5);
  await page.locator('.context-view .monaco-hover').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  await header.click();
}

function cursorStatus(page: Page): Locator {
  return page.locator('[id="status.editor.selection"]');
}

async function switchTheme(page: Page, theme: string): Promise<void> {
  await page.locator('.editor-instance .monaco-editor').first().click();
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Waits until semantic highlighting has coloured an actor's name differently from plain prose in the editor
 * (the TextMate grammar alone leaves both in the default colour).
 */
async function waitForEntityColours(page: Page): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const spans = [...document.querySelectorAll('.editor-instance .view-lines span span')];
      const text = (s) => s.textContent.replace(/\\s+/g, ' ');
      const name = spans.find((s) => text(s) === 'Riabkov');
      const prose = spans.find((s) => text(s).startsWith('What is the origin of the conflict'));
      return !!name && !!prose && getComputedStyle(name).color !== getComputedStyle(prose).color;
    })()`,
    undefined,
    { timeout: 20_000 },
  );
}

/** Waits until the three views show rows of the sample, so that a screenshot never catches them mid-refresh. */
async function waitForViewRows(page: Page): Promise<void> {
  for (const view of ['Actors', 'Demands', 'Quotes']) {
    await rows(viewPane(page, view)).filter({ hasText: 'Sergei Riabkov' }).first().waitFor({ timeout: 30_000 });
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  await waitForViewRows(page);
  const file = path.join(e2eSetting('RESULTS'), name);
  await page.screenshot({ path: file });
  assert.ok(fs.statSync(file).size > 20_000, 'the screenshot has content');
  if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(file, path.join(ROOT, 'media', name));
}

describe('Article views (code-server + Chromium)', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await connectBrowser();
    page = await openWorkbench(browser);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openFromExplorer(page, SAMPLE_NAME);
    await page.locator('.editor-instance .view-lines', { hasText: 'Riabkov' }).first().waitFor();
    await showArticleSidebar(page);
  });

  after(async () => {
    await page?.close();
    await browser?.close();
  });

  it('lists the sample\'s people, organizations and places in the Actors view, with a count in the title', async () => {
    const actors = viewPane(page, 'Actors');
    await rows(actors).filter({ hasText: 'Sergei Riabkov' }).first().waitFor({ timeout: 30_000 });
    const labels = await rowLabels(actors);
    for (const expected of ['People', 'Sergei Riabkov', 'Vladimir Putin', 'Organizations', 'NATO']) {
      assert.ok(labels.some((l) => l.startsWith(expected)), `"${expected}" in ${JSON.stringify(labels)}`);
    }
    const header = await page.locator('.part.sidebar .pane-header[aria-label^="Actors"]').textContent();
    assert.match(header ?? '', /Actors \(\d+\)/);
  });

  it("shows Putin's demand in the Demands view as holder → addressee", async () => {
    const demands = viewPane(page, 'Demands');
    await setPaneExpanded(page, 'Demands', true);
    const putin = rows(demands).filter({ hasText: 'Vladimir Putin →' });
    await putin.first().waitFor({ timeout: 30_000 });
    assert.match((await putin.first().textContent()) ?? '', /demanded/);
  });

  it("lists Riabkov's quotes in reading order in the Quotes view, with their speaker", async () => {
    const quotes = viewPane(page, 'Quotes');
    await setPaneExpanded(page, 'Quotes', true);
    const first = rows(quotes).filter({ hasText: 'We have no plan, no intention' });
    await first.first().waitFor({ timeout: 30_000 });
    assert.match((await first.first().textContent()) ?? '', /Sergei Riabkov/);
    const labels = await rowLabels(quotes);
    assert.ok(labels[0].includes('attacking'), `the headline's quote comes first: ${labels[0]}`);
  });

  it("moves the cursor to a quote when it is clicked under its speaker in the Actors view", async () => {
    await setPaneExpanded(page, 'Demands', false);
    await setPaneExpanded(page, 'Quotes', false);
    const actors = viewPane(page, 'Actors');
    const riabkov = rows(actors).filter({ hasText: 'Sergei Riabkov' }).first();
    if ((await riabkov.getAttribute('aria-expanded')) !== 'true') await riabkov.locator('.monaco-tl-twistie').click();
    const quote = rows(actors).filter({ hasText: 'All operations for the military' }).first();
    await quote.waitFor();
    await quote.click();
    const line = lineStarting('“All operations');
    await cursorStatus(page).filter({ hasText: new RegExp(`^Ln ${line},`) }).waitFor({ timeout: 10_000 });
    await setPaneExpanded(page, 'Demands', true);
    await setPaneExpanded(page, 'Quotes', true);
  });

  it('shows "N actors · N quotes · N demands" in the status bar, which opens the sidebar', async () => {
    const item = page.locator('.part.statusbar .statusbar-item', { hasText: /^\d+ actors? · \d+ quotes? · \d+ demands?$/ });
    await item.first().waitFor();
    const [actors] = /\d+/.exec((await item.first().textContent()) ?? '') ?? [];
    assert.match((await page.locator('.part.sidebar .pane-header[aria-label^="Actors"]').textContent()) ?? '', new RegExp(`Actors \\(${actors}\\)`));
    await page.locator('.part.activitybar .action-item a[aria-label^="Explorer"]').click();
    await item.first().click();
    await viewPane(page, 'Actors').waitFor();
  });

  it('saves screenshots of the highlighted sample in a dark and a light theme', async () => {
    await page.locator('.monaco-workbench.vs-dark').waitFor();
    await page.locator('.editor-instance .monaco-editor').first().click();
    await runCommand(page, 'Notifications: Clear All Notifications');
    // Reopen the article so that its editor picks up the language's editor defaults (word wrap) for certain.
    await runCommand(page, 'View: Close All Editors');
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input[type="text"]').fill(SAMPLE_NAME);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: SAMPLE_NAME }).first().click();
    await page.locator('.editor-instance .view-lines', { hasText: 'Riabkov' }).first().waitFor();
    await page.locator('.editor-instance .monaco-editor').first().click();
    await page.keyboard.press('Control+Home');
    await waitForEntityColours(page);
    await screenshot(page, 'screenshot-dark.png');
    await switchTheme(page, 'Light Modern');
    await page.locator('.monaco-workbench.vs').waitFor();
    await page.locator('.part.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached' }).catch(() => undefined);
    await waitForEntityColours(page);
    await screenshot(page, 'screenshot-light.png');
    await switchTheme(page, 'Dark Modern');
  });

  it('shows the empty-state text once no article is open', async () => {
    await runCommand(page, 'View: Close All Editors');
    await showArticleSidebar(page);
    await viewPane(page, 'Actors').getByText('Open an article or run Article: Analyze Current File').waitFor();
  });
});
