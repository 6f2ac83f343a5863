import * as assert from 'assert';
import { SortedSpanList } from '../../src/core/spanList';

interface Item {
  start: number;
  end: number;
  id: number;
}

/** The same operations on a plain array, as the cast did before: the reference the list must agree with. */
function insertIntoArray(items: Item[], item: Item): void {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= item.start) lo = mid + 1;
    else hi = mid;
  }
  items.splice(lo, 0, item);
}

function searchArray(items: Item[], test: (item: Item) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('sorted span list', () => {
  it('agrees with a sorted array under thousands of inserts anywhere, ties after equal starts', () => {
    const next = random(7);
    const initial: Item[] = [];
    for (let i = 0; i < 3000; i++) {
      const start = Math.floor(next() * 20000);
      initial.push({ start, end: start + 1 + Math.floor(next() * 40), id: i });
    }
    initial.sort((a, b) => a.start - b.start);
    const reference = [...initial];
    const list = SortedSpanList.of(initial);
    for (let i = 0; i < 4000; i++) {
      // Mostly near the end (as quotes are read in order), some anywhere, some on an existing start.
      const r = next();
      const start = r < 0.5 ? 20000 + i : r < 0.8 ? Math.floor(next() * 20000) : reference[Math.floor(next() * reference.length)].start;
      const item = { start, end: start + 1 + Math.floor(next() * 300), id: 10000 + i };
      insertIntoArray(reference, item);
      list.insert(item);
    }
    assert.strictEqual(list.length, reference.length);
    assert.deepStrictEqual(list.toArray().map((x) => x.id), reference.map((x) => x.id));
    for (let i = 0; i < reference.length; i += 7) assert.strictEqual(list.at(i), reference[i]);
    for (let k = 0; k < 500; k++) {
      const offset = Math.floor(next() * 26000);
      assert.strictEqual(list.countStartingBefore(offset), searchArray(reference, (x) => x.start < offset));
      // Ends are not sorted here: the search must still visit what the array search visits.
      assert.strictEqual(list.countEndingBy(offset), searchArray(reference, (x) => x.end <= offset));
    }
  });

  it('counts the same for offsets read forward, with inserts in between, as a search from scratch', () => {
    const next = random(11);
    const reference: Item[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = Math.floor(next() * 10000);
      reference.push({ start, end: start + 5, id: i });
    }
    reference.sort((a, b) => a.start - b.start);
    const list = SortedSpanList.of([...reference]);
    for (let offset = 0; offset < 10500; offset += 1 + Math.floor(next() * 12)) {
      assert.strictEqual(list.countStartingBefore(offset), searchArray(reference, (x) => x.start < offset), `at ${offset}`);
      if (next() < 0.05) {
        const item = { start: offset + Math.floor(next() * 30) - 15, end: offset + 20, id: 5000 + offset };
        insertIntoArray(reference, item);
        list.insert(item);
      }
    }
  });

  it('merges added items as a stable sort of both lists would, its own items first among equal starts', () => {
    const next = random(3);
    const own: Item[] = [];
    const added: Item[] = [];
    for (let i = 0; i < 1500; i++) {
      const start = Math.floor(next() * 800);
      (next() < 0.7 ? own : added).push({ start, end: start + 3, id: i });
    }
    own.sort((a, b) => a.start - b.start);
    added.sort((a, b) => a.start - b.start);
    const expected = [...own, ...added].sort((a, b) => a.start - b.start).map((x) => x.id);
    const merged = SortedSpanList.of(own).mergedWith(added);
    assert.deepStrictEqual(merged.toArray().map((x) => x.id), expected);
    assert.strictEqual(merged.length, expected.length);
    assert.deepStrictEqual(new SortedSpanList<Item>().mergedWith(added).toArray(), added);
  });

  it('keeps the order of appends until sorted, and handles an empty list', () => {
    const list = new SortedSpanList<Item>();
    assert.strictEqual(list.length, 0);
    assert.strictEqual(list.countStartingBefore(10), 0);
    for (let i = 0; i < 1200; i++) list.append({ start: 1200 - i, end: 1201 - i, id: i });
    assert.deepStrictEqual([...list].slice(0, 3).map((x) => x.id), [0, 1, 2]);
    const sorted = SortedSpanList.of(list.toArray().sort((a, b) => a.start - b.start));
    assert.strictEqual(sorted.at(0).start, 1);
    assert.strictEqual(sorted.at(1199).start, 1200);
  });
});
