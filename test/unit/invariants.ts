/**
 * Structural invariants every analysis must satisfy, whatever the text: used by the property and
 * adversarial tests. Returns the violations found (empty when the analysis is sound).
 */
import type { Analysis, Span } from '../../src/core/types';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair (inside one astral character). */
function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

export function violations(text: string, analysis: Analysis): string[] {
  const found: string[] = [];
  const checkSpan = (where: string, span: Span & { text?: string }): void => {
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end)) found.push(`${where}: offsets ${start}..${end} are not integers`);
    else if (start < 0 || end > text.length) found.push(`${where}: ${start}..${end} outside the text (length ${text.length})`);
    else if (start > end) found.push(`${where}: start ${start} after end ${end}`);
    else if (typeof span.text === 'string' && text.slice(start, end) !== span.text)
      found.push(`${where}: text ${JSON.stringify(span.text)} but the text at ${start}..${end} is ${JSON.stringify(text.slice(start, end))}`);
    else if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) found.push(`${where}: ${start}..${end} cuts an astral character in half`);
  };

  const ids = new Set<string>();
  analysis.actors.forEach((actor, i) => {
    if (ids.has(actor.id)) found.push(`actors[${i}]: duplicate id ${actor.id}`);
    ids.add(actor.id);
    actor.mentions.forEach((m, j) => checkSpan(`actors[${i}].mentions[${j}]`, m));
  });
  const checkActor = (where: string, id: string | null): void => {
    if (id !== null && !ids.has(id)) found.push(`${where}: actor ${id} does not exist`);
  };

  analysis.entities.forEach((e, i) => {
    checkSpan(`entities[${i}]`, e);
    checkActor(`entities[${i}].actor`, e.actor);
  });
  analysis.quotes.forEach((q, i) => {
    checkSpan(`quotes[${i}]`, q);
    if (q.speaker) {
      checkSpan(`quotes[${i}].speaker`, q.speaker);
      checkActor(`quotes[${i}].speaker.actor`, q.speaker.actor);
    }
    if (q.cue) checkSpan(`quotes[${i}].cue`, q.cue);
  });
  analysis.demands.forEach((d, i) => {
    checkSpan(`demands[${i}]`, d);
    if (d.cue) checkSpan(`demands[${i}].cue`, d.cue);
    if (d.content) checkSpan(`demands[${i}].content`, d.content);
    checkActor(`demands[${i}].holder`, d.holder);
    checkActor(`demands[${i}].addressee`, d.addressee);
  });

  // Entity spans may nest or be disjoint, never partly overlap.
  const sorted = [...analysis.entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const open: Span[] = [];
  for (const e of sorted) {
    while (open.length && open[open.length - 1].end <= e.start) open.pop();
    const enclosing = open[open.length - 1];
    if (enclosing && e.end > enclosing.end) {
      found.push(`entities ${enclosing.start}..${enclosing.end} and ${e.start}..${e.end} cross`);
      break;
    }
    open.push(e);
  }
  return found;
}
