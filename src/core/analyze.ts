/**
 * The analysis pipeline: text in, `Analysis` out. Pure and synchronous; no I/O.
 */
import type { Analysis } from './types';
import { parseDocument } from './text';
import { buildCast } from './actors';
import { findEntityMentions } from './entities';
import { findQuotes } from './quotes';
import { findDemands } from './demands';

export function analyze(text: string): Analysis {
  const doc = parseDocument(text);
  const cast = buildCast(doc, findEntityMentions(doc));
  const quotes = findQuotes(doc, cast);
  const demands = findDemands(doc, cast, quotes);
  cast.finish();
  return { entities: cast.entities, actors: cast.actors, quotes, demands };
}
