/**
 * Streams JSON lines through a line handler: one output line per non-blank input line, in input order,
 * with memory bounded by the longest line and a small window of lines in flight. With `workers` > 1 the
 * lines are handled in worker threads; output still comes out in input order, and reading pauses while
 * the window is full or the output is not draining.
 */
import { Worker, parentPort } from 'worker_threads';

/** The handler's verdict on one line: the output JSON, or an error naming what is wrong with it. */
export type LineResult = { json: string } | { error: string; id: unknown };
export type LineHandler = (line: string) => LineResult;

export interface JsonlRun {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  handle: LineHandler;
  /** Worker threads to use; 1 handles lines on this thread. */
  workers: number;
  /** Script a worker runs: it must call `serveLines` with the same handler. */
  workerScript?: string;
  workerData?: unknown;
  /** Told about each line that could not be handled (after its error line is written). */
  onFailure(lineNo: number, error: string): void;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const NEWLINE = 0x0a;

/** Splits a byte stream into lines (LF or CRLF), without decoding: a line with invalid UTF-8 fails alone. */
export async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<{ lineNo: number; bytes: Buffer }> {
  let parts: Buffer[] = [];
  let lineNo = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(NEWLINE, from); nl >= 0; nl = buf.indexOf(NEWLINE, from)) {
      parts.push(buf.subarray(from, nl));
      yield { lineNo: ++lineNo, bytes: trimLine(parts, lineNo) };
      parts = [];
      from = nl + 1;
    }
    if (from < buf.length) parts.push(buf.subarray(from));
  }
  if (parts.length) yield { lineNo: ++lineNo, bytes: trimLine(parts, lineNo) };
}

function trimLine(parts: Buffer[], lineNo: number): Buffer {
  let line = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  if (line.length && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
  if (lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
  return line;
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

function decodeLine(bytes: Buffer): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** The handler's result as an output line; a handler that throws fails its line, not the run. */
function handleSafely(handle: LineHandler, line: string): LineResult {
  try {
    return handle(line);
  } catch (e) {
    return { error: `internal error: ${e instanceof Error ? e.message : String(e)}`, id: null };
  }
}

function outputLine(result: LineResult, lineNo: number): string {
  return 'json' in result ? result.json : JSON.stringify({ id: result.id ?? null, line: lineNo, error: result.error });
}

interface Done {
  lineNo: number;
  result: LineResult;
}

/** Runs the whole stream; resolves with the counts once every output line is written. */
export async function runJsonl(run: JsonlRun): Promise<{ lines: number; failures: number }> {
  const window = Math.max(4, run.workers * 4);
  const done = new Map<number, Done>();
  let nextSeq = 0;
  let nextWrite = 0;
  let lines = 0;
  let failures = 0;
  let wake: (() => void) | null = null;
  const waitForProgress = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  let draining: Promise<void> | null = null;

  const flush = (): void => {
    for (let d = done.get(nextWrite); d; d = done.get(nextWrite)) {
      done.delete(nextWrite++);
      if (!run.output.write(outputLine(d.result, d.lineNo) + '\n') && !draining) {
        draining = new Promise((resolve) => run.output.once('drain', () => resolve()));
        void draining.then(() => {
          draining = null;
        });
      }
      if ('error' in d.result) {
        failures++;
        run.onFailure(d.lineNo, d.result.error);
      }
    }
    const w = wake;
    wake = null;
    w?.();
  };
  const complete = (seq: number, lineNo: number, result: LineResult): void => {
    done.set(seq, { lineNo, result });
    flush();
  };

  const pool = run.workers > 1 && run.workerScript ? new WorkerPool(run.workers, run.workerScript, run.workerData, complete) : null;
  try {
    for await (const { lineNo, bytes } of readLines(run.input)) {
      if (isBlank(bytes)) continue;
      lines++;
      // Back-pressure: hold reading while the window of unwritten lines is full or the output is not draining.
      while (nextSeq - nextWrite >= window) await waitForProgress();
      while (draining) await draining;
      const seq = nextSeq++;
      const line = decodeLine(bytes);
      if (line === null) complete(seq, lineNo, { error: 'not valid UTF-8', id: null });
      else if (pool) pool.submit(seq, lineNo, line);
      else complete(seq, lineNo, handleSafely(run.handle, line));
    }
    while (nextWrite < nextSeq) await waitForProgress();
    while (draining) await draining;
  } finally {
    await pool?.close();
  }
  return { lines, failures };
}

interface Job {
  seq: number;
  lineNo: number;
  line: string;
}

/** Worker threads handling lines; a worker that dies fails the lines it held and is replaced. */
class WorkerPool {
  private readonly workers: { worker: Worker; jobs: Map<number, Job> }[] = [];

  constructor(
    size: number,
    private readonly script: string,
    private readonly data: unknown,
    private readonly complete: (seq: number, lineNo: number, result: LineResult) => void,
  ) {
    for (let i = 0; i < size; i++) this.workers.push(this.start());
  }

  private start(): { worker: Worker; jobs: Map<number, Job> } {
    const entry = { worker: new Worker(this.script, { workerData: this.data }), jobs: new Map<number, Job>() };
    entry.worker.on('message', (m: { seq: number; result: LineResult }) => {
      const job = entry.jobs.get(m.seq);
      if (!job) return;
      entry.jobs.delete(m.seq);
      this.complete(m.seq, job.lineNo, m.result);
    });
    entry.worker.on('error', (e: Error) => this.replace(entry, `internal error: worker stopped: ${e.message}`));
    entry.worker.on('exit', (code) => {
      if (entry.jobs.size) this.replace(entry, `internal error: worker exited with code ${code}`);
    });
    return entry;
  }

  private replace(entry: { worker: Worker; jobs: Map<number, Job> }, error: string): void {
    const i = this.workers.indexOf(entry);
    if (i < 0) return;
    this.workers[i] = this.start();
    void entry.worker.terminate();
    for (const job of entry.jobs.values()) this.complete(job.seq, job.lineNo, { error, id: null });
    entry.jobs.clear();
  }

  submit(seq: number, lineNo: number, line: string): void {
    const entry = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    entry.jobs.set(seq, { seq, lineNo, line });
    entry.worker.postMessage({ seq, line });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** The worker side: handles each line sent by the pool with `handle`. */
export function serveLines(handle: LineHandler): void {
  if (!parentPort) throw new Error('serveLines runs in a worker thread');
  const port = parentPort;
  port.on('message', (m: { seq: number; line: string }) => {
    port.postMessage({ seq: m.seq, result: handleSafely(handle, m.line) });
  });
}
