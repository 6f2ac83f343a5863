// Provisions and runs code-server (VS Code's workbench and Node extension host, served to a browser), and launches
// Debian's Chromium to drive it. Shared by the integration runner, the E2E runner and `npm start`.
//
// `@vscode/test-electron` needs to download VS Code, which machines without internet cannot do; code-server installs
// from npm. Its own install scripts fail as root and fetch a git dependency, so it is installed with --ignore-scripts
// and its native modules are rebuilt here, one at a time (parallel node-gyp runs race on a shared folder).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { URLSearchParams, fileURLToPath } from 'url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.96.4';
export const CACHE_DIR = path.join(ROOT, '.vscode-test');
export const INSTALL_DIR = path.join(CACHE_DIR, 'code-server');
const PACKAGE_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');
const MARKER = path.join(INSTALL_DIR, `.provisioned-${CODE_SERVER_VERSION}-node${process.versions.modules}`);
const PROVISION_LOG = path.join(CACHE_DIR, 'code-server-provision.log');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Native modules VS Code's server loads; `kerberos` is left out (needs krb5 headers, unused here). */
const NATIVE_MODULES = ['@vscode/spdlog', '@parcel/watcher', 'native-watchdog', 'node-pty', '@vscode/deviceid'];

const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/**
 * `npm test` exports npm_config_local_prefix and friends to its children; a nested `npm install` would take them
 * over and install into this project instead of the code-server folder.
 */
function withoutNpmRunVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'));
}

/** Runs a command with its output appended to `logFile`; rejects with the log's tail when it fails. */
function runLogged(command, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const fd = fs.openSync(logFile, 'a');
    fs.writeSync(fd, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
    const child = spawn(command, args, { cwd, env: { ...withoutNpmRunVariables(process.env), ...env }, stdio: ['ignore', fd, fd] });
    child.on('error', (err) => {
      fs.closeSync(fd);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      fs.closeSync(fd);
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}) in ${cwd}.\n` + tail(logFile, 30)));
    });
  });
}

export function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}

/** Node's headers (the nodejs package puts them under /usr/include/node) let node-gyp build offline instead of downloading them. */
function nodeGypEnv() {
  const env = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  if (fs.existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  return env;
}

const PROVISION_LOCK = path.join(CACHE_DIR, 'provision.lock');

function readOr(file, fallback) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function mtimeOr(file, fallback) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return fallback;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Runs `task` while holding .vscode-test/provision.lock, so two test runs in one tree do not install over each other.
 * A lock left by a process that has died is taken over.
 */
async function withProvisionLock(task, log) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(PROVISION_LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(readOr(PROVISION_LOCK, ''));
      const justCreated = Date.now() - mtimeOr(PROVISION_LOCK, 0) < 10_000;
      if (holder > 0 ? !isAlive(holder) : !justCreated) {
        fs.rmSync(PROVISION_LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`process ${holder} has held ${PROVISION_LOCK} for 20 minutes`);
      if (!announced) log(`waiting for process ${holder}, which is provisioning in .vscode-test/`);
      announced = true;
      await sleep(1000);
    }
  }
  try {
    return await task();
  } finally {
    fs.rmSync(PROVISION_LOCK, { force: true });
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

/** node-gyp needs make, a C++ compiler and Python; on a bare Debian machine (as root) apt-get provides them. */
async function ensureBuildTools(log) {
  const missing = [['make', 'make'], ['g++', 'g++'], ['python3', 'python3']].filter(([command]) => !onPath(command));
  if (missing.length === 0) return;
  const packages = missing.map(([, pkg]) => pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error(`building code-server's native modules needs ${packages.join(', ')}; install them (apt-get install ${packages.join(' ')}).`);
  log(`  apt-get install ${packages.join(' ')} (to build native modules)`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  await runLogged('apt-get', ['update'], { cwd: ROOT, env, logFile: PROVISION_LOG });
  await runLogged('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { cwd: ROOT, env, logFile: PROVISION_LOG });
}

export function isProvisioned() {
  return fs.existsSync(MARKER) && fs.existsSync(ENTRY);
}

/**
 * Installs code-server into .vscode-test/code-server unless the marker for this version and Node ABI exists.
 * Takes 2–3 minutes on a fresh machine; later calls return at once.
 */
export async function provisionCodeServer({ log = console.log } = {}) {
  if (isProvisioned()) return;
  await withProvisionLock(() => (isProvisioned() ? undefined : installCodeServer(log)), log);
}

async function installCodeServer(log) {
  const started = Date.now();
  log(`code-server ${CODE_SERVER_VERSION}: installing into ${path.relative(ROOT, INSTALL_DIR)}/ (first run only, a few minutes; log: ${path.relative(ROOT, PROVISION_LOG)})`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(PROVISION_LOG, `provisioning code-server ${CODE_SERVER_VERSION} ${new Date().toISOString()}\n`);
  await ensureBuildTools(log);
  // A package.json of its own, so npm installs here rather than into the enclosing project.
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'vscode-test-code-server', private: true }, null, 2) + '\n');

  const env = nodeGypEnv();
  const npm = npmCommand();
  const step = async (label, cwd, args) => {
    log(`  ${label}`);
    await runLogged(npm, args, { cwd, env, logFile: PROVISION_LOG });
  };
  const vscodeDir = path.join(PACKAGE_DIR, 'lib', 'vscode');

  await step(`npm install code-server@${CODE_SERVER_VERSION}`, INSTALL_DIR, ['install', '--no-save', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`]);
  // The shrinkwrap pins @vscode/proxy-agent to a git URL; package.json's range resolves it from npm.
  fs.rmSync(path.join(vscodeDir, 'npm-shrinkwrap.json'), { force: true });
  await step('npm install (VS Code server modules)', vscodeDir, ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock']);
  for (const name of NATIVE_MODULES) await step(`npm rebuild ${name}`, vscodeDir, ['rebuild', name]);
  fs.rmSync(path.join(vscodeDir, 'node_modules.asar'), { recursive: true, force: true });
  fs.symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  const extensionsDir = path.join(vscodeDir, 'extensions');
  await step('npm install (built-in extensions)', extensionsDir, ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock']);
  log('  node postinstall.mjs (built-in extensions)');
  await runLogged(process.execPath, ['./postinstall.mjs'], { cwd: extensionsDir, env, logFile: PROVISION_LOG });
  // code-server loads argon2 at start even with --auth none.
  await step('npm rebuild argon2', INSTALL_DIR, ['rebuild', 'argon2']);

  fs.writeFileSync(MARKER, `code-server ${CODE_SERVER_VERSION}, node ${process.version}, ${new Date().toISOString()}\n`);
  log(`code-server ${CODE_SERVER_VERSION}: installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Installs Debian's chromium with apt-get when it is missing (needs root, as on CI machines). */
export async function ensureChromium({ log = console.log } = {}) {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  return withProvisionLock(() => (fs.existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : installChromium(log)), log);
}

async function installChromium(log) {
  if (CHROMIUM_PATH !== '/usr/bin/chromium') throw new Error(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist.`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error('Chromium is missing at /usr/bin/chromium. Install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).');
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const logFile = path.join(CACHE_DIR, 'chromium-install.log');
  fs.writeFileSync(logFile, '');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  log('chromium: not found, installing with apt-get (log: ' + path.relative(ROOT, logFile) + ')');
  await runLogged('apt-get', ['update'], { cwd: ROOT, env, logFile });
  await runLogged('apt-get', ['install', '-y', 'chromium'], { cwd: ROOT, env, logFile });
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing.\n` + tail(logFile, 20));
  return CHROMIUM_PATH;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.on('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function answers(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

async function waitUntilServing(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.signalCode ?? `exit ${child.exitCode}`}) before serving.\n` + tail(logFile, 30));
    }
    if (await answers(`${url}/healthz`)) return;
    await sleep(250);
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s.\n` + tail(logFile, 30));
}

/**
 * Starts code-server on a free port (or `port`) with a fresh user-data-dir. `env` reaches the extension host.
 * `extensionsDir` defaults to an empty temporary folder; `userDataDir` to a temporary one.
 * Returns { url, port, pid, dataDir, userDataDir, logFile, stop() }.
 */
export async function startCodeServer({ folder, env = {}, port, extensionsDir, userDataDir, settings = {}, log = () => {} } = {}) {
  if (!isProvisioned()) throw new Error('code-server is not provisioned; call provisionCodeServer() first.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-annotator-code-server-'));
  const userDir = userDataDir ?? path.join(dataDir, 'user');
  const extDir = extensionsDir ?? path.join(dataDir, 'extensions');
  fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  const settingsFile = path.join(userDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile) || userDataDir === undefined) {
    fs.writeFileSync(settingsFile, JSON.stringify({ ...WORKBENCH_SETTINGS, ...settings }, null, 2) + '\n');
  }
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  const logFile = path.join(dataDir, 'code-server.log');
  const args = [
    ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${listenPort}`,
    '--user-data-dir', userDir,
    '--extensions-dir', extDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  if (folder) args.push(folder);
  const out = fs.openSync(logFile, 'a');
  // Its own process group, so stop() also ends the extension host and other children it forks.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: process.platform !== 'win32',
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  log(`code-server: pid ${child.pid} on ${url}`);

  let stopped = false;
  const stop = async ({ keepData = false } = {}) => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    signalGroup(child.pid, 'SIGKILL'); // any child left in the group
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const killOnExit = () => signalGroup(child.pid, 'SIGKILL');
  process.on('exit', killOnExit);

  try {
    await waitUntilServing(url, child, logFile, 60_000);
  } catch (err) {
    await stop({ keepData: true });
    throw err;
  }
  return { url, port: listenPort, pid: child.pid, dataDir, userDataDir: userDir, logFile, stop, child };
}

function signalGroup(pid, signal) {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch {
    // already gone
  }
}

/** The workbench URL for `folder`, optionally loading a development extension and a tests module (payload query). */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = `vscode-remote://127.0.0.1:${server.port}`;
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', authority + toPosix(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', authority + toPosix(extensionTestsPath)]);
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  const search = query.toString();
  return `${server.url}/${search ? `?${search}` : ''}`;
}

function toPosix(p) {
  return path.resolve(p).split(path.sep).join('/');
}

/** Launches Chromium through playwright-core with flags that keep it quiet and offline. */
export async function launchChromium({ server = false } = {}) {
  const { chromium } = await import('playwright-core');
  const options = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true };
  return server ? chromium.launchServer(options) : chromium.launch(options);
}

/** A temporary copy of samples/, so tests may edit files without touching the repository. */
export function copySamplesToTemp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-annotator-workspace-'));
  const folder = path.join(dir, 'samples');
  fs.cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
  return { folder, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// `node scripts/vscode-server.mjs provision` installs code-server and Chromium ahead of time.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command !== 'provision') {
    console.error('usage: node scripts/vscode-server.mjs provision');
    process.exit(2);
  }
  try {
    await provisionCodeServer();
    await ensureChromium();
    console.log(`code-server ${CODE_SERVER_VERSION} and ${CHROMIUM_PATH} are ready.`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
