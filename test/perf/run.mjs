// Measures the extension in a real VS Code extension host (code-server, driven by Chromium): activation time
// and edit-to-semantic-tokens time on a 20 KB article. Prints one JSON line; used by scripts/bench.mjs.
// Needs dist/ built (node scripts/build.mjs); provisions code-server and Chromium like the integration tests.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NewsGenerator } from '../../scripts/news-corpus.mjs';
import { ROOT, ensureChromium, launchChromium, provisionCodeServer, startCodeServer, tail, workbenchUrl } from '../../scripts/vscode-server.mjs';

const RESULTS_ENV = 'ARTICLE_ANNOTATOR_PERF_RESULTS';
const ARTICLE_NAME = 'long.article';
const ARTICLE_CHARS = 20_000;
const TIMEOUT_MS = 240_000;
const log = (line) => process.stderr.write(`perf: ${line}\n`);

/** One long article: a headline, then story paragraphs drawn from generated articles, about 20 KB. */
function longArticle() {
  const generator = new NewsGenerator(7);
  const paragraphs = [];
  let size = 0;
  while (size < ARTICLE_CHARS) {
    const [headline, ...body] = generator.article({ pageTail: false }).split(/\r?\n\r?\n/);
    if (!paragraphs.length) paragraphs.push(headline);
    for (const p of body) {
      paragraphs.push(p);
      size += p.length + 2;
    }
  }
  return paragraphs.join('\n\n') + '\n';
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  console.error('perf: dist/extension.js is missing; build first (node scripts/build.mjs)');
  process.exit(2);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'article-annotator-perf-'));
const folder = path.join(work, 'workspace');
fs.mkdirSync(folder);
fs.writeFileSync(path.join(folder, ARTICLE_NAME), longArticle());
const hostModule = path.join(work, 'host.js');
await esbuild.build({ entryPoints: [path.join(ROOT, 'test/perf/host.ts')], outfile: hostModule, bundle: true, platform: 'node', format: 'cjs', target: 'es2022', external: ['vscode'], logLevel: 'warning' });
const resultsFile = path.join(work, 'results.json');

let server;
let browser;
let exitCode = 0;
try {
  await provisionCodeServer({ log });
  await ensureChromium({ log });
  server = await startCodeServer({ folder, env: { [RESULTS_ENV]: resultsFile } });
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath: ROOT, extensionTestsPath: hostModule }));
  const deadline = Date.now() + TIMEOUT_MS;
  while (!fs.existsSync(resultsFile)) {
    if (server.child.exitCode !== null) throw new Error(`code-server exited.\n${tail(server.logFile, 30)}`);
    if (Date.now() > deadline) throw new Error(`no results after ${TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (results.error) throw new Error(`in the extension host: ${results.error}`);
  console.log(JSON.stringify(results));
} catch (e) {
  console.error(`perf: ${e instanceof Error ? e.message : e}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
