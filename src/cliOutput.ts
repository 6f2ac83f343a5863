/**
 * Single-file output of the CLI: the analysis with the article's corrections sidecar applied,
 * rendered in one of the export formats.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from './core/analyze';
import { parseSidecar, sidecarPathFor } from './core/annotations';
import type { Sidecar } from './core/annotations';
import { applyCorrections } from './core/corrections';
import { exportAs, EXPORT_FORMATS, isExportFormat } from './core/export';
import type { ExportFormat } from './core/export';

export const FORMAT_NAMES = EXPORT_FORMATS.map((f) => f.id).join('|');

export function checkFormat(value: string | undefined): ExportFormat | string {
  if (value === undefined) return `--format needs one of ${FORMAT_NAMES}`;
  return isExportFormat(value) ? value : `unknown format "${value}" (expected ${FORMAT_NAMES})`;
}

/** The sidecar next to `file`, null when there is none, or the problem with it. */
export function readSidecar(file: string): { sidecar: Sidecar | null } | { problem: string } {
  const sidecarPath = sidecarPathFor(file);
  let json: string;
  try {
    json = fs.readFileSync(sidecarPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { sidecar: null };
    return { problem: `${sidecarPath}: cannot be read (${code ?? String(e)})` };
  }
  const parsed = parseSidecar(json, path.basename(file));
  if (!parsed.ok) return { problem: `${sidecarPath}: ${parsed.problem} (fix or remove it, or pass --no-sidecar to ignore it)` };
  return { sidecar: parsed.sidecar };
}

export interface RenderOptions {
  format: ExportFormat;
  pretty: boolean;
  useSidecar: boolean;
}

/** The text to print or write, the warnings for standard error, or the problem that stops it. */
export function renderFile(file: string, text: string, opts: RenderOptions): { output: string; warnings: string[] } | { problem: string } {
  let sidecar: Sidecar | null = null;
  if (opts.useSidecar) {
    const read = readSidecar(file);
    if ('problem' in read) return read;
    sidecar = read.sidecar;
  }
  const { analysis, orphaned } = applyCorrections(text, analyze(text), sidecar);
  const warnings = orphaned.map((o) => `${sidecarPathFor(file)}: ${o.annotation.body.type} ${o.annotation.id} could not be applied: ${o.reason}`);
  if (opts.format === 'json') return { output: JSON.stringify(analysis, null, opts.pretty ? 2 : undefined) + '\n', warnings };
  return { output: exportAs(opts.format, { text, analysis, source: path.basename(file), orphaned }), warnings };
}
