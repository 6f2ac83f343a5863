#!/usr/bin/env node
/**
 * Command line: the same engine as the extension, over one file or a stream of JSON lines.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { isMainThread, workerData } from 'worker_threads';
import { analyze } from './core/analyze';
import { runJsonl as streamJsonl, serveLines } from './jsonl';
import { checkFormat, FORMAT_NAMES, renderFile } from './cliOutput';
import type { ExportFormat } from './core/export';

const USAGE = `Usage:
  article-annotator analyze FILE             print the analysis of FILE as one JSON object
  article-annotator analyze --jsonl IN       read JSON lines {"id", "text"} from IN (- for stdin),
                                             write one JSON line {"id", ...analysis} per input, in order
                                             (a bad line gives {"id", "line", "error"} and exit status 1)
Options:
  --pretty        indent JSON output (single-file mode)
  --format F      single-file output format: ${FORMAT_NAMES} (default json)
  -o, --output P  write the single-file output to P instead of standard output
  --no-sidecar    ignore FILE.annotations.json (the corrections otherwise applied to the output)
  --workers N     analyse JSON lines in N worker threads (output order is kept)
  -h, --help      show this help
  -v, --version   show the version`;

/** An error whose message is meant for the user: printed without a stack trace. */
export class UserError extends Error {}

interface Options {
  command: string | undefined;
  file: string | undefined;
  jsonl: string | undefined;
  pretty: boolean;
  workers: number;
  format: ExportFormat | undefined;
  output: string | undefined;
  sidecar: boolean;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { command: undefined, file: undefined, jsonl: undefined, pretty: false, workers: 1, format: undefined, output: undefined, sidecar: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--pretty') opts.pretty = true;
    else if (a === '--jsonl') {
      const v = argv[++i];
      if (v === undefined) throw new UserError('--jsonl needs an input path, or - for standard input');
      opts.jsonl = v;
    } else if (a === '--workers') {
      const v = argv[++i];
      if (v === undefined || !/^[1-9][0-9]{0,2}$/.test(v)) throw new UserError('--workers needs a whole number of threads, from 1 to 999');
      opts.workers = Number(v);
    } else if (a === '--format') {
      const checked = checkFormat(argv[++i]);
      if (checked !== argv[i]) throw new UserError(checked);
      opts.format = checked as ExportFormat;
    } else if (a === '--output' || a === '-o') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new UserError(`${a} needs a file path`);
      opts.output = v;
    } else if (a === '--no-sidecar') opts.sidecar = false;
    else if (a.startsWith('-') && a !== '-') throw new UserError(`unknown option ${a}`);
    else if (opts.command === undefined) opts.command = a;
    else if (opts.file === undefined) opts.file = a;
    else throw new UserError(`unexpected argument ${a}`);
  }
  return opts;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file, refusing directories, binary content and invalid UTF-8 with a clear message. */
export function readTextFile(path: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    throw new UserError(`${path}: no such file`);
  }
  if (stat.isDirectory()) throw new UserError(`${path}: is a directory, not a text file`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return decodeText(bytes, path);
}

export function decodeText(bytes: Uint8Array, name: string): string {
  // NUL bytes first: most binary files are not valid UTF-8 either, and "binary" is the clearer message.
  if (bytes.includes(0)) throw new UserError(`${name}: looks like a binary file (contains NUL bytes)`);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new UserError(`${name}: not valid UTF-8 text (save it as UTF-8 and try again)`);
  }
  // A byte-order mark stays in the text: offsets count it, and the engine reads it as white space.
  return text;
}

async function runJsonl(input: string, workers: number): Promise<number> {
  let stream: NodeJS.ReadableStream;
  if (input === '-') stream = process.stdin;
  else {
    try {
      if (fs.statSync(input).isDirectory()) throw new UserError(`${input}: is a directory, not a JSON lines file`);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`${input}: no such file`);
    }
    stream = fs.createReadStream(input);
  }
  const name = input === '-' ? 'stdin' : input;
  const { lines, failures } = await streamJsonl({
    input: stream,
    output: process.stdout,
    handle: analyzeJsonLine,
    workers,
    // A worker runs this same script, which serves lines when it starts in a worker thread.
    workerScript: __filename,
    workerData: { role: JSONL_WORKER },
    onFailure: (lineNo, error) => process.stderr.write(`${name}:${lineNo}: ${error}\n`),
  });
  if (failures) process.stderr.write(`${failures} of ${lines} lines could not be analysed\n`);
  return failures ? 1 : 0;
}

const JSONL_WORKER = 'article-annotator-jsonl-worker';

/** Analyses one JSON line; returns the output line or an error naming what is wrong. */
export function analyzeJsonLine(line: string): { json: string } | { error: string; id: unknown } {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON', id: null };
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { error: 'expected a JSON object with "id" and "text"', id: null };
  const { id, text } = row as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return { error: text === undefined ? 'missing "text"' : '"text" must be a string', id: id ?? null };
  return { json: JSON.stringify({ id: id ?? null, ...analyze(text) }) };
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (opts.command !== 'analyze') throw new UserError(opts.command ? `unknown command ${opts.command}\n${USAGE}` : USAGE);
  if (opts.jsonl !== undefined) {
    if (opts.file !== undefined) throw new UserError('give either FILE or --jsonl IN, not both');
    if (opts.format !== undefined || opts.output !== undefined) throw new UserError('--format and --output apply to a single FILE, not to --jsonl');
    return runJsonl(opts.jsonl, opts.workers);
  }
  if (opts.workers !== 1) throw new UserError('--workers applies to --jsonl input only');
  if (opts.file === undefined) throw new UserError('analyze needs a FILE (or --jsonl IN)');
  const text = readTextFile(opts.file);
  if (!text) process.stderr.write(`article-annotator: ${opts.file}: empty file\n`);
  if (require.main === module) v8.setFlagsFromString(ONE_TEXT_V8_FLAGS);
  const rendered = renderFile(opts.file, text, { format: opts.format ?? 'json', pretty: opts.pretty, useSidecar: opts.sidecar });
  if ('problem' in rendered) throw new UserError(rendered.problem);
  for (const w of rendered.warnings) process.stderr.write(`article-annotator: ${w}\n`);
  if (opts.output === undefined) process.stdout.write(rendered.output);
  else {
    if (path.resolve(opts.output) === path.resolve(opts.file)) throw new UserError(`${opts.output}: is the article itself; choose another output path`);
    fs.writeFileSync(opts.output, rendered.output);
  }
  return 0;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/**
 * A CLI run is short: TurboFan's background compilations of the engine's hot functions cost about as much CPU as
 * the analysis of 1 MB, and most of it goes into inlining. Inlining only small callees makes a whole run about a
 * fifth cheaper and leaves the speed of long runs as it was. V8 flags are per process, so only the CLI sets this.
 */
const SHORT_RUN_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=150';

/**
 * One text, however long, runs each stage over it once: V8 optimises a function after a budget of its own work
 * (`--interrupt-budget`, 132 KB of bytecode by default), and a larger budget leaves the rarely hot functions to the
 * baseline tiers instead of compiling them. On 1 MB in one file this cut the CPU time of a whole run by about a fifth
 * (six alternating runs each: 1.58 → 1.28 s); over many short articles (`--jsonl`) it was slower, so only the
 * single-file mode sets it.
 */
const ONE_TEXT_V8_FLAGS = '--interrupt-budget=300000';

if (!isMainThread && (workerData as { role?: string } | null)?.role === JSONL_WORKER) {
  serveLines(analyzeJsonLine);
} else if (require.main === module) {
  v8.setFlagsFromString(SHORT_RUN_V8_FLAGS);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A file-system error (unreadable input, closed output) is the user's to fix; anything else is ours.
      const msg = e instanceof UserError || typeof (e as NodeJS.ErrnoException)?.code === 'string' ? (e as Error).message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
      process.stderr.write(`article-annotator: ${msg}\n`);
      process.exitCode = 2;
    },
  );
}
