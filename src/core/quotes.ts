/**
 * Quotations and their speakers.
 */
import type { Cast } from './cast';
import type { Doc } from './text';
import type { Quote } from './types';

/** First version: balanced curly or straight double quotation marks, unattributed. */
export function findQuotes(doc: Doc, _cast: Cast): Quote[] {
  const out: Quote[] = [];
  const re = /[“"]([^“”"\n]+)[”"]/g;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    const start = m.index + 1;
    out.push({ start, end: start + m[1].length, text: m[1], kind: 'direct', speaker: null, cue: null });
  }
  return out;
}
