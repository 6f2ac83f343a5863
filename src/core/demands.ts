/**
 * Demands: who asks, requires or urges whom to do what.
 */
import type { Cast } from './cast';
import type { Doc } from './text';
import type { Demand, Quote } from './types';

/** First version: none. */
export function findDemands(_doc: Doc, _cast: Cast, _quotes: Quote[]): Demand[] {
  return [];
}
