// Runs the integration suite (out/test/integration/**/*.test.js) inside a real VS Code extension host served by
// code-server, with this extension loaded as the extension under development and a temporary copy of samples/ open.
// `node scripts/integration.mjs` expects dist/ and out/ to be built (scripts/test.mjs does that first).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  ROOT,
  copySamplesToTemp,
  ensureChromium,
  launchChromium,
  provisionCodeServer,
  startCodeServer,
  tail,
  workbenchUrl,
} from './vscode-server.mjs';

export const RESULTS_ENV = 'ARTICLE_ANNOTATOR_TEST_RESULTS';
export const TESTS_ENTRY = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS || 300_000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Prints the results file written by test/integration/index.ts; returns { passed, failed, problems }. */
export function reportIntegrationResults(results, { log = console.log } = {}) {
  const problems = [];
  log(`VS Code ${results.vscodeVersion} (${results.appName}), ${results.files.length} integration test file(s)`);
  for (const test of results.passes) log(`  ✔ ${test.fullTitle}${test.duration > 75 ? ` (${test.duration} ms)` : ''}`);
  for (const test of results.pending) log(`  - SKIPPED ${test.fullTitle}`);
  results.failures.forEach((test, index) => {
    log(`  ✘ ${index + 1}) ${test.fullTitle}`);
    log(indent(test.stack && test.stack.includes(test.message) ? test.stack : `${test.message}\n${test.stack ?? ''}`, 6));
  });
  const { passes, failures, pending } = results.stats;
  log(`mocha (integration): ${passes} passing, ${failures} failing, ${pending} pending`);
  if (results.error) problems.push(`the integration suite did not run:\n${indent(results.error, 2)}`);
  if (results.stats.tests === 0) problems.push('the integration suite ran 0 tests');
  if (pending > 0) problems.push(`${pending} integration test(s) skipped; skipped tests count as failures`);
  if (failures > 0) problems.push(`${failures} integration test(s) failed`);
  const failed = failures + pending + (results.error || results.stats.tests === 0 ? 1 : 0);
  return { passed: passes, failed, problems };
}

function indent(text, spaces) {
  const pad = ' '.repeat(spaces);
  return String(text).split('\n').map((line) => pad + line).join('\n');
}

function exthostLogTail(userDataDir) {
  const logsDir = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return '';
  const logs = fs
    .readdirSync(logsDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /exthost\d*\.log$|remoteexthost\.log$/.test(name))
    .map((name) => path.join(logsDir, name));
  return logs.map((file) => `--- ${path.relative(userDataDir, file)}\n${tail(file, 25)}`).join('\n');
}

/**
 * Provisions code-server and Chromium if needed, runs the suite, prints the report.
 * Returns { passed, failed, problems, vscodeVersion }; never throws for test failures.
 */
export async function runIntegrationTests({ log = console.log } = {}) {
  if (!fs.existsSync(TESTS_ENTRY)) {
    return { passed: 0, failed: 1, problems: [`${path.relative(ROOT, TESTS_ENTRY)} is missing; compile the tests first (npx tsc -p .)`] };
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    return { passed: 0, failed: 1, problems: ['dist/extension.js is missing; build first (node scripts/build.mjs)'] };
  }
  await provisionCodeServer({ log });
  await ensureChromium({ log });

  const workspace = copySamplesToTemp();
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-annotator-results-'));
  const resultsFile = path.join(resultsDir, 'integration.json');
  let server;
  let browser;
  const browserErrors = [];
  try {
    server = await startCodeServer({ folder: workspace.folder, env: { [RESULTS_ENV]: resultsFile } });
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text());
    });
    page.on('pageerror', (err) => browserErrors.push(String(err)));
    const url = workbenchUrl(server, { folder: workspace.folder, extensionDevelopmentPath: ROOT, extensionTestsPath: TESTS_ENTRY });
    log(`integration: ${server.url} (code-server pid ${server.pid}), workspace ${workspace.folder}`);
    await page.goto(url);

    const deadline = Date.now() + TIMEOUT_MS;
    while (!fs.existsSync(resultsFile)) {
      if (server.child.exitCode !== null) throw new Error(`code-server exited during the tests.\n${tail(server.logFile, 30)}`);
      if (Date.now() > deadline) {
        const details = [
          `no results after ${TIMEOUT_MS / 1000} s: the extension host did not run ${path.relative(ROOT, TESTS_ENTRY)}.`,
          browserErrors.length ? `browser console errors:\n${indent(browserErrors.slice(-15).join('\n'), 2)}` : '',
          exthostLogTail(server.userDataDir),
        ];
        return { passed: 0, failed: 1, problems: [details.filter(Boolean).join('\n')] };
      }
      await sleep(250);
    }
    // The host writes the file in one call; a short pause guards against reading a partly flushed file.
    await sleep(100);
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    return { ...reportIntegrationResults(results, { log }), vscodeVersion: results.vscodeVersion };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    workspace.remove();
    fs.rmSync(resultsDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { passed, failed, problems } = await runIntegrationTests();
    for (const problem of problems) console.error(`integration: ${problem}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  } catch (err) {
    console.error(`integration: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
