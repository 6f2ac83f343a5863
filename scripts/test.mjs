// `npm test`: type check, lint, bundle, compile the tests, then the unit, grammar, integration (inside a real VS Code
// extension host) and end-to-end UI suites, in that order, stopping at the first failure.
// `node scripts/test.mjs unit|grammar|integration|e2e` runs one suite with only the steps it needs.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runE2eTests } from './e2e.mjs';
import { runIntegrationTests } from './integration.mjs';
import { runMocha } from './run-mocha.mjs';
import { ROOT } from './vscode-server.mjs';

const bin = (relative) => path.join(ROOT, 'node_modules', relative);
const GRAMMAR = 'syntaxes/article.tmLanguage.json';
const GRAMMAR_FIXTURES = path.join(ROOT, 'test', 'grammar');

/** Runs a command with inherited output; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(err.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : code));
  });
}

/** Runs a command with its output echoed and captured. */
function runCaptured(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('error', (err) => resolve({ code: 1, output: err.message }));
    child.on('close', (code, signal) => resolve({ code: signal ? 1 : code, output }));
  });
}

/** A step that is not a test suite: it passes or fails as a whole and adds nothing to the test counts. */
const check = (command, args, failure) => async () => {
  const code = await run(command, args);
  return code === 0 ? { passed: 0, failed: 0, problems: [] } : { passed: 0, failed: 1, problems: [failure] };
};

/** Deletes compiled files whose TypeScript source is gone, so a removed test cannot keep running from out/. */
function pruneStaleOutput() {
  const outDir = path.join(ROOT, 'out');
  if (!fs.existsSync(outDir)) return;
  for (const name of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    const match = /^(.*)\.(?:js|js\.map|d\.ts)$/.exec(name);
    if (!match) continue;
    if (!fs.existsSync(path.join(ROOT, `${match[1]}.ts`))) fs.rmSync(path.join(outDir, name), { force: true });
  }
}

async function compileTests() {
  pruneStaleOutput();
  return check(process.execPath, [bin('typescript/bin/tsc'), '-p', '.'], 'compiling the tests (tsc -p .) failed')();
}

async function grammarTests() {
  const fixtures = fs.existsSync(GRAMMAR_FIXTURES) ? fs.readdirSync(GRAMMAR_FIXTURES).filter((f) => f.endsWith('.article')).sort() : [];
  if (fixtures.length === 0) return { passed: 0, failed: 1, problems: ['grammar: no fixtures in test/grammar/*.article'] };
  const files = fixtures.map((f) => path.join('test', 'grammar', f));
  const args = [bin('vscode-tmgrammar-test/dist/unit.js'), '--grammar', GRAMMAR, ...files];
  const { code, output } = await runCaptured(process.execPath, args);
  // The tool reports one line per fixture that passes.
  const passed = files.filter((f) => output.includes(` ${f} run successfuly`)).length;
  const failed = files.length - passed;
  const problems = [];
  if (failed > 0) problems.push(`grammar: ${failed} of ${files.length} fixture(s) failed`);
  else if (code !== 0) problems.push(`grammar: vscode-tmgrammar-test exited with code ${code}`);
  console.log(`grammar: ${passed} fixture(s) passing, ${failed} failing`);
  return { passed, failed: failed || (code !== 0 ? 1 : 0), problems };
}

const STEPS = {
  typecheck: { title: 'Type check (tsc --noEmit)', run: check(process.execPath, [bin('typescript/bin/tsc'), '--noEmit', '-p', '.'], 'type check failed') },
  lint: {
    title: 'Lint (eslint --max-warnings 0)',
    run: check(process.execPath, [bin('eslint/bin/eslint.js'), '--max-warnings', '0', 'src', 'test', 'scripts'], 'lint failed'),
  },
  build: { title: 'Bundle (esbuild)', run: check(process.execPath, ['scripts/build.mjs'], 'the esbuild bundle failed') },
  compile: { title: 'Compile tests (tsc -p .)', run: compileTests },
  unit: { suite: true, title: 'Unit tests (mocha)', run: () => runMocha([], { label: 'unit' }) },
  grammar: { suite: true, title: 'Grammar tests (vscode-tmgrammar-test)', run: grammarTests },
  integration: { suite: true, title: 'Integration tests (VS Code extension host in code-server)', run: () => runIntegrationTests() },
  e2e: { suite: true, title: 'End-to-end UI tests (Playwright + Chromium)', run: () => runE2eTests() },
};

const PLANS = {
  all: ['typecheck', 'lint', 'build', 'compile', 'unit', 'grammar', 'integration', 'e2e'],
  unit: ['compile', 'unit'],
  grammar: ['grammar'],
  integration: ['build', 'compile', 'integration'],
  e2e: ['build', 'compile', 'e2e'],
};

const planName = process.argv[2] ?? 'all';
const plan = PLANS[planName];
if (!plan) {
  console.error(`usage: node scripts/test.mjs [${Object.keys(PLANS).join('|')}]`);
  process.exit(2);
}

const started = Date.now();
const timings = [];
let passed = 0;
let failed = 0;
let stoppedAt;
for (const name of plan) {
  const step = STEPS[name];
  console.log(`\n=== ${step.title}`);
  const stepStarted = Date.now();
  let result;
  try {
    result = await step.run();
  } catch (err) {
    result = { passed: 0, failed: 1, problems: [`${name}: ${err instanceof Error ? err.message : err}`] };
  }
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  const counts = step.suite ? ` — ${result.passed} passed, ${result.failed} failed${result.vscodeVersion ? ` (VS Code ${result.vscodeVersion})` : ''}` : '';
  timings.push(`  ${step.title}: ${seconds} s${counts}`);
  passed += result.passed;
  failed += result.failed;
  if (result.failed > 0 || result.problems.length > 0) {
    failed = Math.max(failed, 1);
    stoppedAt = { name, problems: result.problems };
    break;
  }
}

console.log(`\nSummary:\n${timings.join('\n')}\n  Total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (stoppedAt) {
  console.error(`\nFAILED at "${STEPS[stoppedAt.name].title}":`);
  for (const problem of stoppedAt.problems) console.error(`  ${problem}`);
  const skipped = plan.slice(plan.indexOf(stoppedAt.name) + 1);
  if (skipped.length > 0) console.error(`  not run: ${skipped.join(', ')}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
