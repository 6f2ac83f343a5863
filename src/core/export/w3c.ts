/**
 * W3C Web Annotation export: an `AnnotationCollection` (JSON-LD) with one annotation per entity
 * mention, quote and demand, each targeting the article with a quote and a position selector.
 */
import { describeSpan, OffsetMap } from '../anchoring';
import { SIDECAR_CONTEXT } from '../annotations';
import type { Span } from '../types';
import type { ExportInput } from './common';
import { actorIndex, oneLine, origin } from './common';

export function toW3c({ text, analysis, source }: ExportInput): string {
  const map = new OffsetMap(text);
  const actors = actorIndex(analysis);
  const name = (id: string | null): string | undefined => (id === null ? undefined : actors.get(id)?.name);
  const target = (span: Span): Record<string, unknown> => {
    const [quote, position] = describeSpan(text, span, map);
    return { source, selector: [quote, position] };
  };
  const items: Record<string, unknown>[] = [];
  analysis.entities.forEach((e, i) => {
    items.push({
      id: `#entity-${i + 1}`,
      type: 'Annotation',
      motivation: 'classifying',
      body: withDefined({ type: e.type, actor: name(e.actor), origin: origin(e) }),
      target: target(e),
    });
  });
  analysis.quotes.forEach((q, i) => {
    items.push({
      id: `#quote-${i + 1}`,
      type: 'Annotation',
      motivation: 'classifying',
      body: withDefined({
        type: 'quote',
        kind: q.kind,
        speaker: q.speaker ? (name(q.speaker.actor) ?? (oneLine(q.speaker.text) || undefined)) : undefined,
        cue: q.cue ? oneLine(q.cue.text) : undefined,
        origin: origin(q),
      }),
      target: target(q),
    });
  });
  analysis.demands.forEach((d, i) => {
    items.push({
      id: `#demand-${i + 1}`,
      type: 'Annotation',
      motivation: 'classifying',
      body: withDefined({
        type: 'demand',
        holder: name(d.holder),
        addressee: name(d.addressee),
        cue: d.cue ? oneLine(d.cue.text) : undefined,
        content: d.content ? oneLine(d.content.text) : undefined,
        origin: origin(d),
      }),
      target: target(d),
    });
  });
  const collection = {
    '@context': SIDECAR_CONTEXT,
    type: 'AnnotationCollection',
    label: `Article Annotator analysis of ${source}`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

function withDefined(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
