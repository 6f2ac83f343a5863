/**
 * Runs the analysis in a worker thread, off the extension host's main thread, so that a long article never
 * freezes the editor. The same file is the worker's entry point (bundled as dist/analysisWorker.js).
 *
 * Jobs run one at a time, in order. A job is cancelled by a newer job for the same document (`key`) or by
 * its abort signal: a queued job is dropped; a running one is stopped by restarting the worker, unless it is
 * about to finish anyway. A worker that crashes (out of memory on a huge text) fails only its own job.
 * This module does not import `vscode`, so it can be tested outside the editor.
 */
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { analyzeTextWithMarkProblems } from './engine';
import type { AnalysisWithMarkProblems } from '../core/analyze';
import type { Analysis } from '../core/types';

const WORKER_ROLE = 'article-annotator-analysis-worker';

/** Thrown (as a rejection) for a job that a newer one replaced or that was aborted. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

export interface JobOptions {
  /** Jobs with the same key replace each other: a document's URI. */
  key?: string;
  signal?: AbortSignal;
}

export interface WorkerEngineOptions {
  /** Path of the bundled worker script (dist/analysisWorker.js). */
  script: string;
  /** A running job younger than this is left to finish when replaced: restarting costs more than it saves. */
  restartAfterMs?: number;
  /** Heap limit of the worker; a text that needs more fails alone instead of taking the editor down. */
  maxHeapMb?: number;
}

interface Job {
  id: number;
  text: string;
  key: string | undefined;
  startedAt: number;
  resolve(result: AnalysisWithMarkProblems): void;
  reject(error: Error): void;
  cleanup(): void;
}

export class WorkerAnalysisEngine {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  /** Set when no worker can be started here: jobs then run on this thread. */
  private inProcess = false;

  constructor(private readonly options: WorkerEngineOptions) {}

  /** Analyses `text` in the worker. Rejects with `AnalysisCancelled` when replaced or aborted. */
  async analyze(text: string, options: JobOptions = {}): Promise<Analysis> {
    return (await this.analyzeWithMarkProblems(text, options)).analysis;
  }

  /** `analyze`, with the quotation-mark problems the engine met. */
  analyzeWithMarkProblems(text: string, { key, signal }: JobOptions = {}): Promise<AnalysisWithMarkProblems> {
    if (this.disposed) return Promise.reject(new AnalysisCancelled());
    if (signal?.aborted) return Promise.reject(new AnalysisCancelled());
    return new Promise<AnalysisWithMarkProblems>((resolve, reject) => {
      const onAbort = (): void => this.cancel(job);
      const job: Job = {
        id: this.nextId++,
        text,
        key,
        startedAt: 0,
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (key !== undefined) {
        for (const queued of this.queue.filter((j) => j.key === key)) this.cancel(queued);
        if (this.running?.key === key) this.cancel(this.running, false);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Cancels a job; a running one is stopped only when `force` or when it has run long enough to be worth it. */
  private cancel(job: Job, force = true): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, new AnalysisCancelled());
    } else if (this.running === job && this.worker && (force || performance.now() - job.startedAt >= (this.options.restartAfterMs ?? 150))) {
      this.running = undefined;
      this.stopWorker();
      this.settle(job, new AnalysisCancelled());
      this.pump();
    }
  }

  private settle(job: Job, outcome: AnalysisWithMarkProblems | Error): void {
    job.cleanup();
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    job.startedAt = performance.now();
    if (this.inProcess) {
      // Still asynchronous, so callers behave the same; the text is analysed on this thread.
      setImmediate(() => this.finish(job, () => analyzeTextWithMarkProblems(job.text)));
      return;
    }
    const worker = this.ensureWorker();
    if (worker) worker.postMessage({ id: job.id, text: job.text });
    else this.pump();
  }

  private finish(job: Job, compute: () => AnalysisWithMarkProblems): void {
    if (this.running !== job) return;
    this.running = undefined;
    let outcome: AnalysisWithMarkProblems | Error;
    try {
      outcome = compute();
    } catch (e) {
      outcome = e instanceof Error ? e : new Error(String(e));
    }
    this.settle(job, outcome);
    this.pump();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.options.script, {
        workerData: { role: WORKER_ROLE },
        resourceLimits: this.options.maxHeapMb ? { maxOldGenerationSizeMb: this.options.maxHeapMb } : undefined,
      });
    } catch {
      this.inProcess = true;
      const job = this.running;
      this.running = undefined;
      if (job) this.queue.unshift(job);
      return undefined;
    }
    // Ready once the worker has loaded the engine and said so; a failure before that is a failure to start.
    let ready = false;
    worker.on('message', (m: { id: number; result?: AnalysisWithMarkProblems; error?: string } | 'ready') => {
      if (m === 'ready') {
        ready = true;
        return;
      }
      const job = this.running;
      if (!job || job.id !== m.id || worker !== this.worker) return;
      this.finish(job, () => {
        if (m.error !== undefined) throw new Error(m.error);
        return m.result as AnalysisWithMarkProblems;
      });
    });
    worker.on('error', (e: Error) => this.workerFailed(worker, ready, `the analysis worker stopped: ${e.message}`));
    worker.on('exit', (code) => this.workerFailed(worker, ready, `the analysis worker exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  /**
   * The running job fails with the worker's error, and the next job starts a fresh worker. A worker that
   * never came up (its script missing or unloadable) means none will: jobs then run on this thread.
   */
  private workerFailed(worker: Worker, started: boolean, message: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const job = this.running;
    if (!started) {
      this.inProcess = true;
      this.running = undefined;
      if (job) this.queue.unshift(job);
      this.pump();
    } else if (job) {
      this.finish(job, () => {
        throw new Error(message);
      });
    }
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  /** Stops the worker; pending jobs are cancelled. */
  dispose(): void {
    this.disposed = true;
    const pending = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = undefined;
    this.stopWorker();
    for (const job of pending) this.settle(job, new AnalysisCancelled());
  }
}

/** Worker side: analyse each text sent, answer with the analysis or the error message. */
function serve(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (m: { id: number; text: string }) => {
    try {
      port.postMessage({ id: m.id, result: analyzeTextWithMarkProblems(m.text) });
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage('ready');
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) serve();
