// Measures the engine on the development sets in ../shared (evaluation only: nothing here is copied
// into the repository). Runs the built CLI over each set and prints score.py's figures.
// Usage: npm run eval [-- --set NAME] (NAME train-check: the generality check on PolNeAR train slices) ; SHARED_DIR overrides the location of the shared folder.
import { execFileSync, spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.SHARED_DIR ?? join(root, '..', 'shared'));
const evalDir = join(shared, 'eval');
const work = join(root, '.eval');
const only = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : undefined;

if (!existsSync(join(evalDir, 'score.py'))) {
  console.error(`eval: no evaluation data at ${evalDir} (set SHARED_DIR to the folder holding eval/ and gold/)`);
  process.exit(2);
}
mkdirSync(work, { recursive: true });
// A private bundle, so that evaluation never races a build of dist/ running beside it.
const cli = join(work, `cli-${process.pid}.js`);
await esbuild.build({ entryPoints: [join(root, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
process.on('exit', () => rmSync(cli, { force: true }));
const cache = new Map();

function predict(name, rows) {
  if (cache.has(name)) return cache.get(name);
  const input = join(work, `${name}.${process.pid}.in.jsonl`);
  const pred = join(work, `${name}.${process.pid}.pred.jsonl`);
  writeFileSync(input, rows.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n') + '\n');
  const t0 = process.hrtime.bigint();
  const out = execFileSync('node', [cli, 'analyze', '--jsonl', input], { maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  writeFileSync(pred, out);
  cache.set(name, { pred, ms });
  return { pred, ms };
}

function jsonl(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

function score(task, args) {
  const r = spawnSync('python3', [join(evalDir, 'score.py'), task, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`score.py ${task} failed:\n${r.stderr}`);
  return r.stdout.trim().split('\n');
}

/** A copy of a prediction file without the quotes of kind "indirect", for scoring quotation-mark quotes. */
function markedQuotesOnly(pred) {
  const marked = pred.replace(/\.jsonl$/, '.marked.jsonl');
  writeFileSync(marked, jsonl(pred).map((r) => JSON.stringify({ ...r, quotes: (r.quotes ?? []).filter((q) => q.kind !== 'indirect') })).join('\n') + '\n');
  return marked;
}

const sets = {
  'quotes-polnear': () => {
    const gold = join(evalDir, 'polnear-dev.jsonl');
    const { pred, ms } = predict('polnear-dev', jsonl(gold));
    // This figure is about quotation-mark quotes: reported speech without marks (kind "indirect") is scored
    // by quotes-all-polnear, so it is left out of this set's predictions rather than counted as a wrong direct quote.
    const marked = markedQuotesOnly(pred);
    // For transparency, the same figure on the unfiltered output, where every quote with a speaker counts.
    const unfiltered = score('quotes-polnear', ['--gold', gold, '--pred', pred]).find((l) => l.startsWith('direct quotes (exact text)'));
    return {
      lines: [
        '(predictions: quotes of kind direct, partial and scare; indirect quotes are scored in quotes-all-polnear)',
        `(unfiltered output, indirect quotes counted as wrong direct quotes: ${unfiltered})`,
        ...score('quotes-polnear', ['--gold', gold, '--pred', marked]),
      ],
      ms,
    };
  },
  'quotes-all-polnear': () => {
    const gold = join(evalDir, 'polnear-dev.jsonl');
    const { pred, ms } = predict('polnear-dev', jsonl(gold));
    return { lines: score('quotes-all-polnear', ['--gold', gold, '--pred', pred]), ms };
  },
  'ner-conll': () => {
    const gold = join(evalDir, 'conll2003-dev.jsonl');
    const { pred, ms } = predict('conll2003-dev', jsonl(gold));
    return { lines: score('ner-conll', ['--gold', gold, '--pred', pred]), ms };
  },
  demands: () => {
    const texts = join(evalDir, 'polnear-dev.jsonl');
    const docs = join(evalDir, 'demands-polnear-dev.docs.jsonl');
    const wanted = new Set(jsonl(docs).map((d) => d.doc));
    const { pred, ms } = predict('demands-dev', jsonl(texts).filter((r) => wanted.has(r.id)));
    const gold = join(evalDir, 'demands-polnear-dev.gold.jsonl');
    return { lines: score('demands', ['--gold', gold, '--docs', docs, '--texts', texts, '--pred', pred]), ms };
  },
  seed: () => {
    const sample = join(shared, 'samples', 'russia-ukraine-geneva.txt');
    const { pred, ms } = predict('seed', [{ id: 'seed', text: readFileSync(sample, 'utf8') }]);
    return { lines: score('seed', ['--gold', join(shared, 'gold', 'russia-ukraine-geneva.gold.json'), '--texts', sample, '--pred', pred]), ms };
  },
};

/**
 * Generality checks on PolNeAR *train* articles, run only when named (`--set train-check`): articles 1–300 are the
 * ones to look at while developing, 301–600 are only scored, never inspected. A change that helps dev but not
 * these is tuning to dev.
 */
const checks = {
  'train-check': () => {
    const all = jsonl(join(evalDir, 'polnear-train.jsonl'));
    const lines = [];
    let ms = 0;
    for (const [label, from, to] of [['articles 1–300', 0, 300], ['articles 301–600', 300, 600]]) {
      const slice = all.slice(from, to);
      const gold = join(work, `polnear-train-${from}.${process.pid}.gold.jsonl`);
      writeFileSync(gold, slice.map((r) => JSON.stringify(r)).join('\n') + '\n');
      process.on('exit', () => rmSync(gold, { force: true }));
      const run = predict(`polnear-train-${from}`, slice);
      ms += run.ms;
      const marked = markedQuotesOnly(run.pred);
      const direct = score('quotes-polnear', ['--gold', gold, '--pred', marked]);
      const every = score('quotes-all-polnear', ['--gold', gold, '--pred', run.pred]);
      lines.push(`${label}: ${direct[direct.length - 1].replace(/^HEADLINE\s+/, '')} | ${every[every.length - 1].replace(/^HEADLINE\s+/, '')}`);
    }
    lines.push(`HEADLINE train-check ${lines.join(' || ')}`);
    return { lines, ms };
  },
};
if (only && !(only in sets) && !(only in checks)) {
  console.error(`eval: no set named ${only} (sets: ${[...Object.keys(sets), ...Object.keys(checks)].join(', ')})`);
  process.exit(2);
}

const summary = [];
for (const [name, run] of Object.entries(only && only in checks ? checks : sets)) {
  if (only && only !== name) continue;
  const { lines, ms } = run();
  console.log(`\n== ${name}  (analysis ${ms.toFixed(0)} ms, whole CLI process)`);
  for (const l of lines) console.log('  ' + l);
  summary.push(lines[lines.length - 1].replace(/^HEADLINE\s+/, ''));
}
console.log('\nSUMMARY ' + summary.join(' | '));
