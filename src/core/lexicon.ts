/**
 * Word lists the engine reads. The lists themselves live in `data/*.json`, each with a note on its source.
 */
import furniture from './data/page-furniture.json';
import abbreviations from './data/abbreviations.json';

export const ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviations.abbreviations);
export const BOILERPLATE_TAIL_MARKERS: ReadonlySet<string> = new Set(furniture.tailMarkers);
export const BOILERPLATE_LINES: ReadonlySet<string> = new Set(furniture.lines);
