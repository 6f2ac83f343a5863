/**
 * Export formats shared by the CLI and the extension.
 */
import type { ExportInput } from './common';
import { toW3c } from './w3c';
import { toBrat } from './brat';
import { toConll } from './conll';
import { toCsv } from './csv';
import { toMarkdown } from './md';

export type { ExportInput } from './common';
export { bratAnnotationConf } from './brat';

export type ExportFormat = 'json' | 'w3c' | 'brat' | 'conll' | 'csv' | 'md';

export interface ExportFormatInfo {
  id: ExportFormat;
  label: string;
  description: string;
  /** Appended to the article's name without its extension, e.g. `geneva` + `.ann`. */
  extension: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { id: 'json', label: 'Analysis JSON', description: 'The analysis as the CLI prints it (UTF-16 offsets)', extension: '.analysis.json' },
  { id: 'w3c', label: 'W3C Web Annotation', description: 'JSON-LD AnnotationCollection', extension: '.w3c.jsonld' },
  { id: 'brat', label: 'brat standoff', description: '.ann for brat and INCEpTION', extension: '.ann' },
  { id: 'conll', label: 'CoNLL-2003', description: 'token and IOB2 NER columns', extension: '.conll' },
  { id: 'csv', label: 'CSV', description: 'one row per quote and per demand', extension: '.csv' },
  { id: 'md', label: 'Markdown report', description: 'who is quoted how often, the demands', extension: '.report.md' },
];

export function isExportFormat(s: string): s is ExportFormat {
  return EXPORT_FORMATS.some((f) => f.id === s);
}

export function exportAs(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'json':
      return JSON.stringify(input.analysis, null, 2) + '\n';
    case 'w3c':
      return toW3c(input);
    case 'brat':
      return toBrat(input);
    case 'conll':
      return toConll(input);
    case 'csv':
      return toCsv(input);
    case 'md':
      return toMarkdown(input);
  }
}

/** The export file name beside an article: `geneva.article` → `geneva.ann`. */
export function exportFileName(articleFileName: string, format: ExportFormat): string {
  const info = EXPORT_FORMATS.find((f) => f.id === format) as ExportFormatInfo;
  const dot = articleFileName.lastIndexOf('.');
  const base = dot > 0 ? articleFileName.slice(0, dot) : articleFileName;
  return base + info.extension;
}
