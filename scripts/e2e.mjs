// Runs the Playwright UI tests (out/test/e2e/**/*.test.js) against code-server with the extension installed in its
// extensions folder (a symlink to this repository) and a temporary copy of samples/ open; each test file gets a
// fresh server. The tests connect to a Chromium this script launches and find everything they need in
// ARTICLE_E2E_* environment variables.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { runMocha } from './run-mocha.mjs';
import {
  ROOT,
  copySamplesToTemp,
  ensureChromium,
  launchChromium,
  provisionCodeServer,
  startCodeServer,
  workbenchUrl,
} from './vscode-server.mjs';

const E2E_DIR = path.join(ROOT, 'out', 'test', 'e2e');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** An extensions folder holding this repository as an installed extension, as `code --install-extension` would. */
export function extensionsDirWithThisExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-annotator-extensions-'));
  fs.symlinkSync(ROOT, path.join(dir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function e2eTestFiles() {
  return fs
    .readdirSync(E2E_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(E2E_DIR, name));
}

/** One test file against its own code-server, user data and workspace copy, so files cannot leak state. */
async function runFile(file, log) {
  const workspace = copySamplesToTemp();
  const extensions = extensionsDirWithThisExtension();
  let server;
  let browserServer;
  try {
    server = await startCodeServer({
      folder: workspace.folder,
      extensionsDir: extensions.dir,
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    });
    browserServer = await launchChromium({ server: true });
    log(`\ne2e: ${path.relative(ROOT, file)} on ${server.url} (code-server pid ${server.pid})`);
    return await runMocha(['--no-config', '--timeout', '120000', '--slow', '10000', file], {
      label: `e2e ${path.basename(file)}`,
      env: {
        ARTICLE_E2E_URL: workbenchUrl(server, { folder: workspace.folder }),
        ARTICLE_E2E_BROWSER: browserServer.wsEndpoint(),
        ARTICLE_E2E_WORKSPACE: workspace.folder,
        ARTICLE_E2E_RESULTS: RESULTS_DIR,
      },
    });
  } finally {
    await browserServer?.close().catch(() => {});
    await server?.stop();
    extensions.remove();
    workspace.remove();
  }
}

export async function runE2eTests({ log = console.log } = {}) {
  if (!fs.existsSync(E2E_DIR)) return { passed: 0, failed: 1, problems: ['e2e: out/test/e2e is missing; compile the tests first (npx tsc -p .)'] };
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) return { passed: 0, failed: 1, problems: ['e2e: dist/extension.js is missing; build first'] };
  const files = e2eTestFiles();
  if (files.length === 0) return { passed: 0, failed: 1, problems: ['e2e: no test files in out/test/e2e'] };
  await provisionCodeServer({ log });
  await ensureChromium({ log });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  const total = { passed: 0, failed: 0, problems: [] };
  for (const file of files) {
    const result = await runFile(file, log);
    total.passed += result.passed;
    total.failed += result.failed;
    total.problems.push(...result.problems);
  }
  log(`mocha (e2e): ${total.passed} passing, ${total.failed} failing in ${files.length} file(s)`);
  return total;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { passed, failed, problems } = await runE2eTests();
    for (const problem of problems) console.error(problem);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  } catch (err) {
    console.error(`e2e: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
