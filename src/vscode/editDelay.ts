/**
 * How long to wait after an edit before analysing the document again.
 *
 * A fixed debounce makes a short article, which analyses in a few milliseconds, lag behind the typing as much as a
 * book-length one. The wait is therefore proportional to what the last analysis of the document cost, within
 * [MIN_EDIT_DELAY_MS, debounceMs]: short articles refresh almost at once, long ones are analysed only once the
 * typing pauses. Before the first analysis the cost is unknown and the full debounce applies.
 */
export const MIN_EDIT_DELAY_MS = 20;

/**
 * Wait a quarter of the last analysis's cost: the analysis runs in a worker, so waiting is only for coalescing
 * keystrokes; a long article (whose analysis costs seconds) still reaches the full debounce.
 */
const COST_FACTOR = 0.25;

export function editDelayMs(debounceMs: number, lastCostMs: number | undefined): number {
  if (debounceMs <= MIN_EDIT_DELAY_MS) return Math.max(0, debounceMs);
  if (lastCostMs === undefined || !Number.isFinite(lastCostMs)) return debounceMs;
  return Math.round(Math.min(debounceMs, Math.max(MIN_EDIT_DELAY_MS, COST_FACTOR * lastCostMs)));
}
