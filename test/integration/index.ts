// Entry point of the integration suite inside the VS Code extension host (`extensionTestsPath`), for both runners:
// code-server (scripts/integration.mjs) and @vscode/test-electron (scripts/test-electron.mjs).
// The host's stdout does not reach the runner under code-server, so the results go to the JSON file named by
// ARTICLE_ANNOTATOR_TEST_RESULTS.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const RESULTS_ENV = 'ARTICLE_ANNOTATOR_TEST_RESULTS';

interface TestRecord {
  fullTitle: string;
  file?: string;
  duration?: number;
}

interface FailureRecord extends TestRecord {
  message: string;
  stack?: string;
}

export interface IntegrationResults {
  vscodeVersion: string;
  appName: string;
  files: string[];
  passes: TestRecord[];
  failures: FailureRecord[];
  pending: TestRecord[];
  stats: { tests: number; passes: number; failures: number; pending: number; durationMs: number };
  /** Set when the suite could not run at all (load error, crash). */
  error?: string;
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => path.join(dir, name))
    .sort();
}

function describeError(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

export async function run(): Promise<void> {
  const started = Date.now();
  const results: IntegrationResults = {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    files: [],
    passes: [],
    failures: [],
    pending: [],
    stats: { tests: 0, passes: 0, failures: 0, pending: 0, durationMs: 0 },
  };
  const save = () => {
    results.stats = {
      tests: results.passes.length + results.failures.length + results.pending.length,
      passes: results.passes.length,
      failures: results.failures.length,
      pending: results.pending.length,
      durationMs: Date.now() - started,
    };
    const file = process.env[RESULTS_ENV];
    if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
  };

  try {
    const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000, reporter: 'spec' });
    results.files = testFiles(__dirname);
    for (const file of results.files) mocha.addFile(file);
    await mocha.loadFilesAsync();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => results.passes.push({ fullTitle: test.fullTitle(), file: test.file, duration: test.duration }));
      runner.on('pending', (test) => results.pending.push({ fullTitle: test.fullTitle(), file: test.file }));
      runner.on('fail', (test, err) => results.failures.push({ fullTitle: test.fullTitle(), file: test.file, ...describeError(err) }));
    });
  } catch (err) {
    const { message, stack } = describeError(err);
    results.error = stack ?? message;
  }
  save();
  if (results.error) throw new Error(`integration suite did not run: ${results.error}`);
  if (results.failures.length > 0) throw new Error(`${results.failures.length} integration test(s) failed`);
}
