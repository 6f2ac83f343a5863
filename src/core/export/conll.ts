/**
 * CoNLL-2003-style NER columns: `token POS chunk tag`, one token a line, a blank line between
 * sentences, a `-DOCSTART-` line first. POS and chunk are not produced (`_`). Tags are IOB2
 * (B- opens every entity) over PER, ORG, LOC and MISC; dates are outside the CoNLL tag set (O).
 */
import { parseDocument, tokenText } from '../text';
import type { Entity, EntityType } from '../types';
import type { ExportInput } from './common';

export const CONLL_TAGS: Record<EntityType, string | null> = {
  person: 'PER',
  organization: 'ORG',
  location: 'LOC',
  nationality: 'MISC',
  event: 'MISC',
  misc: 'MISC',
  date: null,
};

export function toConll({ text, analysis }: ExportInput): string {
  const doc = parseDocument(text);
  const entities = [...analysis.entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const lines = ['-DOCSTART- -X- -X- O', ''];
  let e = 0;
  let previous: Entity | null = null;
  let sentence = -1;
  const starts = doc.tokenStart;
  const sentences = doc.tokenSentence;
  for (let i = 0; i < doc.tokenCount; i++) {
    const start = starts[i];
    if (sentences[i] !== sentence) {
      if (sentence >= 0) lines.push('');
      sentence = sentences[i];
      previous = null;
    }
    while (e < entities.length && entities[e].end <= start) e++;
    // The entity covering this token's start, if any (entities are sorted and rarely overlap).
    let covering: Entity | null = null;
    for (let k = e; k < entities.length && entities[k].start <= start; k++) {
      if (entities[k].end > start) {
        covering = entities[k];
        break;
      }
    }
    const tag = covering ? CONLL_TAGS[covering.type] : null;
    if (!covering || !tag) {
      lines.push(`${tokenText(doc, i)} _ _ O`);
      previous = null;
      continue;
    }
    lines.push(`${tokenText(doc, i)} _ _ ${covering === previous ? 'I' : 'B'}-${tag}`);
    previous = covering;
  }
  lines.push('');
  return lines.join('\n');
}
