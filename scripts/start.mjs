// `npm start`: builds the extension and serves VS Code (code-server) with it installed, on the samples/ folder.
// Open the printed URL in a browser; stop with Ctrl+C. After rebuilding (`npm run build`), run
// "Developer: Reload Window" in the browser to load the new bundle. PORT=... picks the port (default 8080 if free).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE_DIR, ROOT, freePort, isPortFree, provisionCodeServer, startCodeServer } from './vscode-server.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const STATE_DIR = path.join(CACHE_DIR, 'start');
const SAMPLES = path.join(ROOT, 'samples');

function die(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

/** A persistent extensions folder whose only entry is this repository, linked as an installed extension. */
function linkExtension() {
  const dir = path.join(STATE_DIR, 'extensions');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(ROOT, path.join(dir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');
  return dir;
}

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) die(`PORT=${process.env.PORT} is not a port number`);
    if (!(await isPortFree(port))) die(`port ${port} is in use`);
    return port;
  }
  return (await isPortFree(8080)) ? 8080 : freePort();
}

console.log('Building the extension (esbuild)...');
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) die('the build failed');

try {
  await provisionCodeServer();
} catch (err) {
  die(err instanceof Error ? err.message : String(err));
}

const server = await startCodeServer({
  folder: SAMPLES,
  port: await choosePort(),
  extensionsDir: linkExtension(),
  userDataDir: path.join(STATE_DIR, 'user-data'),
}).catch((err) => die(err instanceof Error ? err.message : String(err)));

const url = `${server.url}/?folder=${SAMPLES.split(path.sep).map(encodeURIComponent).join("/")}`;
console.log(`\nArticle Annotator is running in VS Code (code-server) with ${path.relative(ROOT, SAMPLES)}/ open:\n\n    ${url}\n`);
console.log('Open that URL in a browser. Press Ctrl+C to stop.');

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server...');
  await server.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
server.child.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`code-server exited (${signal ?? `exit ${code}`}); its log: ${server.logFile}`);
  stopping = true;
  process.exit(1);
});
