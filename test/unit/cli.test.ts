import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SAMPLE_PATH } from './helpers';
import { NEWS_FRAGMENTS } from './news-fragments';

// The CLI is bundled as scripts/build.mjs bundles dist/cli.js, but into a private folder, so that these
// tests neither read a stale dist/ nor race a build running beside them.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'article-annotator-cli-'));
const CLI = path.join(work, 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: work, input, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(work, name);
  fs.writeFileSync(p, content);
  return p;
}

function folder(name: string): string {
  const p = path.join(work, name);
  fs.mkdirSync(p, { recursive: true });
  return p;
}

function assertNoStackTrace(r: Run): void {
  assert.doesNotMatch(r.stderr, /^\s+at .+[:(]/m, `stack trace on stderr:\n${r.stderr}`);
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('CLI', function () {
  this.timeout(60_000);

  before(() => {
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'src/cli.ts')], outfile: CLI, bundle: true, platform: 'node', target: 'es2022', format: 'cjs', logLevel: 'warning' });
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('prints the analysis of a file as one JSON object', () => {
    const r = cli(['analyze', SAMPLE_PATH]);
    assert.strictEqual(r.status, 0, r.stderr);
    const analysis = JSON.parse(r.stdout);
    assert.ok(analysis.entities.length > 0 && analysis.quotes.length > 0);
  });

  for (const [what, make, message] of [
    ['a missing file', () => path.join(work, 'nope.txt'), /nope\.txt: no such file/],
    ['a directory', () => folder('folder'), /folder: is a directory/],
    ['a binary file', () => file('image.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48])), /image\.bin: looks like a binary file/],
    ['invalid UTF-8', () => file('latin1.txt', Buffer.from('Caf\xe9 cr\xe8me, said Andr\xe9.', 'latin1')), /latin1\.txt: not valid UTF-8/],
  ] as const) {
    it(`refuses ${what} with a one-line message and exit status 2`, () => {
      const r = cli(['analyze', make()]);
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, message);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
      assertNoStackTrace(r);
    });
  }

  it('analyses a 0-byte file as an empty article and says it is empty', () => {
    const r = cli(['analyze', file('empty.txt', '')]);
    assert.strictEqual(r.status, 0);
    assert.deepStrictEqual(JSON.parse(r.stdout), { entities: [], actors: [], quotes: [], demands: [] });
    assert.match(r.stderr, /empty\.txt: empty file/);
  });

  it('explains bad arguments without a stack trace', () => {
    for (const args of [['analyze'], ['frobnicate', 'x'], ['analyze', '--bogus'], ['analyze', '--jsonl'], ['analyze', '--jsonl', '-', '--workers', '0'], ['analyze', SAMPLE_PATH, '--workers', '2']]) {
      const r = cli(args);
      assert.strictEqual(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.ok(r.stderr.length > 0);
      assertNoStackTrace(r);
    }
  });

  it('in --jsonl mode, analyses the good lines and reports each bad one in place, then exits with 1', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: NEWS_FRAGMENTS[1] }),
      JSON.stringify({ id: 'b', text: 42 }),
      'this is not JSON',
      '',
      JSON.stringify([1, 2, 3]),
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 'd', text: null }),
      JSON.stringify({ id: 'e', text: NEWS_FRAGMENTS[5] }),
    ];
    const input = Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from('{"id":"f","text":"caf\xe9"}\n', 'latin1'), Buffer.from(JSON.stringify({ id: 'g', text: 'Ok.' }))]);
    const r = cli(['analyze', '--jsonl', file('mixed.jsonl', input)]);
    assert.strictEqual(r.status, 1);
    assertNoStackTrace(r);
    const out = jsonLines(r.stdout);
    assert.deepStrictEqual(
      out.map((o) => [o.id, o.line ?? null, 'error' in o]),
      [['a', null, false], ['b', 2, true], [null, 3, true], [null, 5, true], ['c', 6, true], ['d', 7, true], ['e', null, false], [null, 9, true], ['g', null, false]],
    );
    assert.ok((out[0].quotes as unknown[]).length > 0, 'the good line is analysed');
    assert.match(r.stderr, /mixed\.jsonl:2: "text" must be a string/);
    assert.match(r.stderr, /mixed\.jsonl:9: not valid UTF-8/);
    assert.match(r.stderr, /6 of 9 lines could not be analysed/);
  });

  it('reads JSON lines from standard input, with CRLF line ends and a byte-order mark', () => {
    const input = '\uFEFF' + [1, 2, 3].map((id) => JSON.stringify({ id, text: NEWS_FRAGMENTS[id] })).join('\r\n') + '\r\n';
    const r = cli(['analyze', '--jsonl', '-'], input);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(jsonLines(r.stdout).map((o) => o.id), [1, 2, 3]);
  });

  it('gives the same output, in input order, with worker threads', () => {
    // Articles of very different lengths, so that workers finish out of order.
    const rows = Array.from({ length: 120 }, (_, i) => ({ id: i, text: NEWS_FRAGMENTS.slice(0, 1 + ((i * 17) % NEWS_FRAGMENTS.length)).join(i % 3 ? '\n\n' : ' ') }));
    const input = file('rows.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n' + JSON.stringify({ id: 'bad', text: [] }) + '\n');
    const single = cli(['analyze', '--jsonl', input]);
    const threaded = cli(['analyze', '--jsonl', input, '--workers', '3']);
    assert.strictEqual(single.status, 1);
    assert.strictEqual(threaded.status, 1);
    assert.deepStrictEqual(jsonLines(threaded.stdout).map((o) => o.id), [...rows.map((r) => r.id), 'bad']);
    assert.strictEqual(threaded.stdout, single.stdout);
  });

  it('stops quietly when the reader of its output goes away', async () => {
    const rows = Array.from({ length: 400 }, (_, id) => JSON.stringify({ id, text: NEWS_FRAGMENTS.join('\n\n') })).join('\n');
    const input = file('many.jsonl', rows + '\n');
    const child = spawn(process.execPath, [CLI, 'analyze', '--jsonl', input, '--workers', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.strictEqual(code, 0);
    assert.strictEqual(stderr, '');
  });
});
