/**
 * The analysis pipeline: text in, `Analysis` out. Pure and synchronous; no I/O.
 */
import type { Analysis } from './types';
import { parseDocument, type Doc } from './text';
import { buildCast } from './actors';
import { findEntityMentions } from './entities';
import { findQuotes } from './quotes';
import { findDemands } from './demands';
import { quoteMarkProblemsOf, type QuoteMarkProblem } from './quoteMarks';

export interface AnalysisWithMarkProblems {
  analysis: Analysis;
  /** The quotation-mark problems the engine worked around while pairing the marks. */
  quoteMarkProblems: QuoteMarkProblem[];
}

export function analyze(text: string): Analysis {
  return analyzeDocument(parseDocument(text));
}

/** The analysis and the quotation-mark problems of a text, from one parse. */
export function analyzeWithMarkProblems(text: string): AnalysisWithMarkProblems {
  const doc = parseDocument(text);
  const quoteMarkProblems = quoteMarkProblemsOf(doc);
  return { analysis: analyzeDocument(doc), quoteMarkProblems };
}

function analyzeDocument(doc: Doc): Analysis {
  const cast = buildCast(doc, findEntityMentions(doc));
  const quotes = findQuotes(doc, cast);
  const demands = findDemands(doc, cast, quotes);
  cast.finish();
  return { entities: cast.entities, actors: cast.actors, quotes, demands };
}
