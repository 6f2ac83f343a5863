/**
 * What every export format needs: the article, its merged analysis and the name of its file.
 */
import type { Actor, Analysis, Span } from '../types';
import type { OrphanedAnnotation } from '../corrections';

export interface ExportInput {
  /** The article text the analysis was made on. */
  text: string;
  analysis: Analysis;
  /** The article's file name, used as the annotation target and in report titles. */
  source: string;
  /** Corrections that could not be applied; listed by the report. */
  orphaned?: OrphanedAnnotation[];
}

export function actorIndex(analysis: Analysis): Map<string, Actor> {
  return new Map(analysis.actors.map((a) => [a.id, a]));
}

export function origin(item: { manual?: boolean }): 'manual' | 'automatic' {
  return item.manual ? 'manual' : 'automatic';
}

/** The mention of `actor` closest to `span`: inside it first, then before it, then after it. */
export function mentionNear(actor: Actor, span: Span): Span | null {
  let best: Span | null = null;
  let bestDistance = Infinity;
  for (const m of actor.mentions) {
    const distance = m.start >= span.start && m.end <= span.end ? 0 : m.end <= span.start ? span.start - m.end + 1 : m.start - span.end + 1.5;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}

/** Runs of white space (line breaks included) as one space, trimmed. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
