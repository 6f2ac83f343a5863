// `npm run test:electron`: the integration suite in desktop VS Code through @vscode/test-electron, for machines that
// have VS Code or internet access. It uses VSCODE_EXECUTABLE_PATH when set, otherwise downloads VS Code
// (VSCODE_TEST_VERSION, default stable) into .vscode-test/. Without either it fails with a message, never hangs.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { RESULTS_ENV, TESTS_ENTRY, reportIntegrationResults } from './integration.mjs';
import { CACHE_DIR, ROOT, copySamplesToTemp } from './vscode-server.mjs';

const DOWNLOAD_LIMIT_MS = 10 * 60_000;

function fail(message) {
  console.error(`test:electron: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function step(title, command, args) {
  console.log(`=== ${title}`);
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) fail(`${title} failed`);
}

async function vscodeExecutable() {
  const local = process.env.VSCODE_EXECUTABLE_PATH;
  if (local) {
    if (!fs.existsSync(local)) fail(`VSCODE_EXECUTABLE_PATH=${local} does not exist`);
    return local;
  }
  const version = process.env.VSCODE_TEST_VERSION || 'stable';
  console.log(`=== Getting VS Code ${version} (cache: ${path.relative(ROOT, CACHE_DIR)}/)`);
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no VS Code after ${DOWNLOAD_LIMIT_MS / 60_000} minutes`)), DOWNLOAD_LIMIT_MS);
  });
  try {
    // `timeout` is an idle timeout on each request: an unreachable update server fails within it.
    return await Promise.race([downloadAndUnzipVSCode({ version, cachePath: CACHE_DIR, timeout: 20_000 }), limit]);
  } catch (err) {
    fail(
      `could not get VS Code ${version}: ${err instanceof Error ? err.message : err}\n` +
        '  This runner needs internet access to download VS Code, or a local VS Code named by VSCODE_EXECUTABLE_PATH\n' +
        '  (e.g. VSCODE_EXECUTABLE_PATH=/usr/share/code/code). Offline, `npm test` runs the same suite in code-server.',
    );
  } finally {
    clearTimeout(timer);
  }
}

step('Bundle (esbuild)', process.execPath, ['scripts/build.mjs']);
step('Compile tests (tsc -p .)', process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
const executable = await vscodeExecutable();

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('test:electron: no DISPLAY; desktop VS Code needs one (e.g. run under `xvfb-run -a npm run test:electron`).');
}

const workspace = copySamplesToTemp();
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-annotator-results-'));
const resultsFile = path.join(resultsDir, 'integration.json');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let exitCode = 1;
try {
  console.log(`=== Integration tests (VS Code at ${executable})`);
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: { [RESULTS_ENV]: resultsFile },
      launchArgs: [
        workspace.folder,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        ...(isRoot ? ['--no-sandbox'] : []),
      ],
    });
  } catch (err) {
    // A failing suite makes VS Code exit non-zero; the results file says why.
    if (!fs.existsSync(resultsFile)) fail(`VS Code did not run the suite: ${err instanceof Error ? err.message : err}`);
  }
  if (!fs.existsSync(resultsFile)) fail('VS Code exited without writing the suite results');
  const { passed, failed, problems } = reportIntegrationResults(JSON.parse(fs.readFileSync(resultsFile, 'utf8')));
  for (const problem of problems) console.error(`test:electron: ${problem}`);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed > 0 ? 1 : 0;
} finally {
  workspace.remove();
  fs.rmSync(resultsDir, { recursive: true, force: true });
}
process.exit(exitCode);
