// Peak memory of one analysis, run by scripts/bench.mjs in a fresh process per text size:
//   node --expose-gc scripts/bench-memory.mjs CORE_BUNDLE TEXT_FILE
// Prints one JSON object. The text is read, the engine's word lists are loaded (by analysing one sentence:
// they are built once per process, whatever the text) and a garbage collection run before the baseline is
// taken, so the figures are what the analysis adds on top of holding the text and the loaded engine:
//   peakRssDelta   the kernel's high-water mark of resident memory (getrusage maxrss) minus the baseline RSS:
//                  everything the process touched while analysing, including V8's young generation and garbage.
//                  On Linux the high-water mark is reset to the current RSS just before the analysis (writing 5 to
//                  /proc/self/clear_refs), so the figure is the analysis's own; elsewhere it is an upper bound
//                  whenever loading the engine had already set a higher mark (`exactPeak` says which);
//   retainedHeap   heapUsed after a full collection with the result still alive, minus the baseline heap;
//   tablesHeap     what loading the word lists added to the heap (reported separately, not in the figures above).
// scripts/bench.mjs also runs it under decreasing --max-old-space-size limits to find the smallest heap
// with which the analysis still completes: the live memory it really needs, garbage excluded.
import { createRequire } from 'module';
import { readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';

const [coreBundle, textFile] = process.argv.slice(2);
const { analyze } = createRequire(import.meta.url)(resolve(coreBundle));
const text = readFileSync(textFile, 'utf8');
const exposedGc = globalThis.gc;
if (!exposedGc) throw new Error('run with --expose-gc');
// Two full collections: after one, the retained-heap reading sometimes still held the parsed document (about 25 MB
// more at 1 MB of text, in about one run out of four); after two it was steady.
const gc = () => {
  exposedGc();
  exposedGc();
};

gc();
const bare = process.memoryUsage();
analyze('Warm-up: “We will see,” said Jane Roe.');
gc();
let exactPeak = true;
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  exactPeak = false;
}
const before = process.memoryUsage();
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
const t0 = performance.now();
const result = analyze(text);
const ms = performance.now() - t0;
const maxRssAfter = process.resourceUsage().maxRSS * 1024;
gc();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    bytes: Buffer.byteLength(text),
    ms,
    baselineRss: before.rss,
    baselineHeap: before.heapUsed,
    peakRssDelta: maxRssAfter - before.rss,
    // Without the reset, a mark set before the analysis makes the figure an upper bound.
    exactPeak: exactPeak || maxRssAfter > maxRssBefore,
    peakRss: maxRssAfter,
    retainedHeap: after.heapUsed - before.heapUsed,
    tablesHeap: before.heapUsed - bare.heapUsed,
    entities: result.entities.length,
  }) + '\n',
);
