// Runs mocha in a child process with the spec reporter, echoing its output, and reads the pass/fail counts from
// the reporter's summary. Used for the unit and E2E suites.
import { spawn } from 'child_process';
import * as path from 'path';
import { ROOT } from './vscode-server.mjs';

const MOCHA_BIN = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function count(output, word) {
  const match = new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(output);
  return match ? Number(match[1]) : 0;
}

/**
 * `args` are mocha's command-line arguments (spec globs, --no-config, ...). Resolves to
 * { passed, failed, pending, problems }: a crash before the summary, zero tests or skipped tests count as failures.
 * A run longer than `timeoutMs` (a synchronous endless loop escapes mocha's per-test timeout) is killed and fails.
 */
export function runMocha(args, { label, env = {}, timeoutMs = 15 * 60_000 } = {}) {
  return new Promise((resolve) => {
    const color = process.stdout.isTTY ? ['--color'] : ['--no-color'];
    const child = spawn(process.execPath, [MOCHA_BIN, '--reporter', 'spec', ...color, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code, signal) => {
      const plain = output.replace(ANSI, '');
      const passed = count(plain, 'passing');
      const failing = count(plain, 'failing');
      const pending = count(plain, 'pending');
      clearTimeout(timer);
      const problems = [];
      const summarised = /^\s*\d+ passing\b/m.test(plain) || /^\s*\d+ failing\b/m.test(plain);
      if (timedOut) problems.push(`${label}: killed after ${timeoutMs / 60_000} minutes without finishing (an endless loop?)`);
      else if (!summarised) problems.push(`${label}: mocha stopped (${signal ?? `exit ${code}`}) before reporting results`);
      else if (passed + failing + pending === 0) problems.push(`${label}: mocha found 0 tests`);
      if (failing > 0) problems.push(`${label}: ${failing} test(s) failed`);
      if (pending > 0) problems.push(`${label}: ${pending} test(s) skipped; skipped tests count as failures`);
      if (summarised && failing === 0 && code !== 0) problems.push(`${label}: mocha exited with code ${code}`);
      const failed = failing + pending + (problems.length > 0 && failing + pending === 0 ? 1 : 0);
      resolve({ passed, failed, pending, problems });
    });
  });
}
