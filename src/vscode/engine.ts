/**
 * The analysis engine, loaded on first use rather than at activation: its lexicons are large, and
 * activating the extension must stay fast. The build makes this require load dist/engine.js.
 */
import type * as Engine from '../core/analyze';
import type { Analysis } from '../core/types';

let engine: typeof Engine | undefined;

function loadEngine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  engine ??= require('../core/analyze') as typeof Engine;
  return engine;
}

export function analyzeText(text: string): Analysis {
  return loadEngine().analyze(text);
}

export function analyzeTextWithMarkProblems(text: string): Engine.AnalysisWithMarkProblems {
  return loadEngine().analyzeWithMarkProblems(text);
}
