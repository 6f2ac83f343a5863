/**
 * CSV export (RFC 4180: comma separated, CRLF line ends, fields with a quote, comma or line break
 * quoted and inner quotes doubled): one row per quote and per demand. Offsets count code points.
 */
import { OffsetMap } from '../anchoring';
import { parseDocument, sentenceAt } from '../text';
import type { Span } from '../types';
import type { ExportInput } from './common';
import { actorIndex, origin } from './common';

export const CSV_COLUMNS = ['type', 'speaker_or_holder', 'addressee', 'kind', 'cue', 'text', 'sentence', 'start', 'end', 'origin'] as const;

export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv({ text, analysis }: ExportInput): string {
  const map = new OffsetMap(text);
  const doc = parseDocument(text);
  const actors = actorIndex(analysis);
  const name = (id: string | null | undefined): string => (id ? (actors.get(id)?.name ?? '') : '');
  const sentenceOf = (span: Span): string => {
    const first = sentenceAt(doc, span.start);
    const last = sentenceAt(doc, Math.max(span.start, span.end - 1));
    if (first < 0) return '';
    return text.slice(doc.sentences[first].start, doc.sentences[last < 0 ? first : last].end);
  };
  type Row = { start: number; fields: (string | number)[] };
  const rows: Row[] = [];
  for (const q of analysis.quotes) {
    const speaker = q.speaker ? name(q.speaker.actor) || q.speaker.text : '';
    rows.push({ start: q.start, fields: ['quote', speaker, '', q.kind, q.cue?.text ?? '', q.text, sentenceOf(q), map.toCodePoint(q.start), map.toCodePoint(q.end), origin(q)] });
  }
  for (const d of analysis.demands) {
    const content = d.content ?? d;
    rows.push({ start: d.start, fields: ['demand', name(d.holder), name(d.addressee), '', d.cue?.text ?? '', content.text, d.text, map.toCodePoint(content.start), map.toCodePoint(content.end), origin(d)] });
  }
  rows.sort((a, b) => a.start - b.start);
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.fields.map(csvField).join(','))].join('\r\n') + '\r\n';
}
