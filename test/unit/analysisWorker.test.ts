import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SAMPLE } from './helpers';
import { newsText } from './news-fragments';

// The worker needs a bundled script, as in the extension (dist/analysisWorker.js); this one is private to the test.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'article-annotator-worker-'));
const SCRIPT = path.join(work, 'analysisWorker.js');

type Module = typeof import('../../src/vscode/analysisWorker');
let mod: Module;

function settled<T>(p: Promise<T>): Promise<{ value?: T; error?: Error; ms: number }> {
  const t0 = performance.now();
  return p.then(
    (value) => ({ value, ms: performance.now() - t0 }),
    (error: Error) => ({ error, ms: performance.now() - t0 }),
  );
}

describe('analysis in a worker thread', function () {
  this.timeout(60_000);

  before(async () => {
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'src/vscode/analysisWorker.ts')], outfile: SCRIPT, bundle: true, platform: 'node', target: 'es2022', format: 'cjs', logLevel: 'warning' });
    // The bundle, not the tsc output: the engine class and its worker must be the same code.
    mod = (await import(SCRIPT)) as Module;
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('gives the same analysis as the engine on this thread', async () => {
    const engine = new mod.WorkerAnalysisEngine({ script: SCRIPT });
    // Without a worker script the same bundle analyses on this thread: the reference.
    const local = new mod.WorkerAnalysisEngine({ script: path.join(work, 'missing.js') });
    try {
      for (const text of [SAMPLE, '', newsText(5_000)]) assert.deepStrictEqual(await engine.analyze(text), await local.analyze(text));
    } finally {
      engine.dispose();
      local.dispose();
    }
  });

  it('drops a long analysis replaced by a newer one for the same document, without waiting for it', async () => {
    const engine = new mod.WorkerAnalysisEngine({ script: SCRIPT, restartAfterMs: 0 });
    try {
      await engine.analyze('Warm-up.');
      const long = settled(engine.analyze(newsText(3_000_000), { key: 'doc' }));
      const other = settled(engine.analyze(SAMPLE, { key: 'other' }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const latest = await settled(engine.analyze('“Yes,” said Anna Berg.', { key: 'doc' }));
      const first = await long;
      assert.ok(first.error instanceof mod.AnalysisCancelled, 'the replaced job is cancelled');
      assert.ok((await other).error instanceof mod.AnalysisCancelled === false, 'a job for another document still runs');
      assert.ok(latest.value && latest.value.quotes.length === 1);
    } finally {
      engine.dispose();
    }
  });

  it('cancels a queued job when its signal aborts', async () => {
    const engine = new mod.WorkerAnalysisEngine({ script: SCRIPT });
    try {
      const busy = engine.analyze(newsText(200_000));
      const controller = new AbortController();
      const queued = settled(engine.analyze(SAMPLE, { signal: controller.signal }));
      controller.abort();
      assert.ok((await queued).error instanceof mod.AnalysisCancelled);
      await busy;
    } finally {
      engine.dispose();
    }
  });

  it('fails only the job whose text exhausts the worker heap, then carries on', async () => {
    const engine = new mod.WorkerAnalysisEngine({ script: SCRIPT, maxHeapMb: 24 });
    try {
      const huge = await settled(engine.analyze(newsText(6_000_000)));
      assert.ok(huge.error && !(huge.error instanceof mod.AnalysisCancelled), 'the huge job fails with an error');
      assert.ok((await engine.analyze(SAMPLE)).quotes.length > 0);
    } finally {
      engine.dispose();
    }
  });

  it('analyses on the calling thread when the worker script cannot start', async () => {
    const engine = new mod.WorkerAnalysisEngine({ script: path.join(work, 'missing.js') });
    try {
      const result = await engine.analyze(SAMPLE);
      assert.ok(result.entities.length > 0 && result.quotes.length > 0);
    } finally {
      engine.dispose();
    }
  });
});
