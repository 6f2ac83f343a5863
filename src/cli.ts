#!/usr/bin/env node
/**
 * Command line: the same engine as the extension, over one file or a stream of JSON lines.
 */
import * as fs from 'fs';
import * as readline from 'readline';
import { analyze } from './core/analyze';

const USAGE = `Usage:
  article-annotator analyze FILE             print the analysis of FILE as one JSON object
  article-annotator analyze --jsonl IN       read JSON lines {"id", "text"} from IN (- for stdin),
                                             write one JSON line {"id", ...analysis} per input, in order
Options:
  --pretty        indent JSON output (single-file mode)
  -h, --help      show this help
  -v, --version   show the version`;

/** An error whose message is meant for the user: printed without a stack trace. */
export class UserError extends Error {}

interface Options {
  command: string | undefined;
  file: string | undefined;
  jsonl: string | undefined;
  pretty: boolean;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { command: undefined, file: undefined, jsonl: undefined, pretty: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--pretty') opts.pretty = true;
    else if (a === '--jsonl') {
      const v = argv[++i];
      if (v === undefined) throw new UserError('--jsonl needs an input path, or - for standard input');
      opts.jsonl = v;
    } else if (a.startsWith('-') && a !== '-') throw new UserError(`unknown option ${a}`);
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
  const bytes = fs.readFileSync(path);
  return decodeText(bytes, path);
}

export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new UserError(`${name}: not valid UTF-8 text`);
  }
  if (text.includes('\u0000')) throw new UserError(`${name}: looks like a binary file (contains NUL bytes)`);
  // A byte-order mark stays in the text: offsets count it, and the engine reads it as white space.
  return text;
}

async function runJsonl(input: string): Promise<number> {
  let stream: NodeJS.ReadableStream;
  if (input === '-') stream = process.stdin;
  else {
    try {
      if (fs.statSync(input).isDirectory()) throw new UserError(`${input}: is a directory, not a JSON lines file`);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`${input}: no such file`);
    }
    stream = fs.createReadStream(input, { encoding: 'utf8' });
  }
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let failures = 0;
  const name = input === '-' ? 'stdin' : input;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    const result = analyzeJsonLine(line);
    if ('error' in result) {
      failures++;
      process.stderr.write(`${name}:${lineNo}: ${result.error}\n`);
      process.stdout.write(JSON.stringify({ id: result.id, line: lineNo, error: result.error }) + '\n');
    } else {
      if (!process.stdout.write(result.json + '\n')) await new Promise((r) => process.stdout.once('drain', r));
    }
  }
  if (failures) process.stderr.write(`${failures} of ${lineNo} lines could not be analysed\n`);
  return failures ? 1 : 0;
}

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
    return runJsonl(opts.jsonl);
  }
  if (opts.file === undefined) throw new UserError('analyze needs a FILE (or --jsonl IN)');
  const text = readTextFile(opts.file);
  process.stdout.write(JSON.stringify(analyze(text), null, opts.pretty ? 2 : undefined) + '\n');
  return 0;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const msg = e instanceof UserError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
      process.stderr.write(`article-annotator: ${msg}\n`);
      process.exitCode = 2;
    },
  );
}
