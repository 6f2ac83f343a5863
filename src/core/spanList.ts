/**
 * A list of spans kept sorted by start, with index access, for a cast that keeps adding mentions while it is
 * read. Stored in blocks of a few hundred items, so that an insertion moves one block instead of the whole
 * list: inserting into one long array made a 10 MB text quadratic.
 */
import type { Span } from './types';

const BLOCK = 512;

export class SortedSpanList<T extends Span> {
  private blocks: T[][] = [];
  /** Index of the first item of each block. */
  private firsts: number[] = [];
  private size = 0;
  /** The block of the last index looked up: lookups walk neighbouring indices. */
  private recent = 0;
  /** The last offset `countStartingBefore` was asked about (-1: none since the list changed), and its answer. */
  private countedOffset = -1;
  private counted = 0;

  /** A list holding `items`, which must already be sorted by start. */
  static of<T extends Span>(items: readonly T[]): SortedSpanList<T> {
    const list = new SortedSpanList<T>();
    for (let i = 0; i < items.length; i += BLOCK) {
      list.firsts.push(i);
      list.blocks.push(items.slice(i, i + BLOCK));
    }
    list.size = items.length;
    return list;
  }

  /**
   * A new list of this list's items and `added` (sorted by start), this list's items first among equal
   * starts: what a stable sort of both in that order gives, without sorting again what is already sorted.
   */
  mergedWith(added: readonly T[]): SortedSpanList<T> {
    const out = new SortedSpanList<T>();
    let j = 0;
    for (const block of this.blocks) {
      for (const item of block) {
        while (j < added.length && added[j].start < item.start) out.append(added[j++]);
        out.append(item);
      }
    }
    while (j < added.length) out.append(added[j++]);
    return out;
  }

  get length(): number {
    return this.size;
  }

  at(i: number): T {
    let b = this.recent;
    const first = this.firsts[b];
    if (first === undefined || i < first || i >= first + this.blocks[b].length) {
      b = this.blockOf(i);
      this.recent = b;
    }
    return this.blocks[b][i - this.firsts[b]];
  }

  toArray(): T[] {
    return ([] as T[]).concat(...this.blocks);
  }

  [Symbol.iterator](): Iterator<T> {
    return this.toArray()[Symbol.iterator]();
  }

  /** Appends `item` without keeping the order (while a list is being built; sort it with `of`). */
  append(item: T): void {
    this.countedOffset = -1;
    const last = this.blocks[this.blocks.length - 1];
    if (!last || last.length >= BLOCK) {
      this.firsts.push(this.size);
      this.blocks.push([item]);
    } else last.push(item);
    this.size++;
  }

  /** How many items start before `offset` (starts are sorted, so any binary search finds the one answer). */
  countStartingBefore(offset: number): number {
    // Callers mostly ask about offsets a little after the last one: every item counted then still counts.
    if (this.countedOffset >= 0 && offset >= this.countedOffset) {
      const stop = Math.min(this.size, this.counted + 8);
      let k = this.counted;
      while (k < stop && this.at(k).start < offset) k++;
      if (k < stop || k === this.size) return this.remember(offset, k);
    }
    return this.remember(offset, this.searchStartingBefore(offset));
  }

  private remember(offset: number, count: number): number {
    this.countedOffset = offset;
    this.counted = count;
    return count;
  }

  private searchStartingBefore(offset: number): number {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const block = blocks[mid];
      if (block[block.length - 1].start < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === blocks.length) return this.size;
    const block = blocks[lo];
    let i = 0;
    let j = block.length;
    while (i < j) {
      const mid = (i + j) >> 1;
      if (block[mid].start < offset) i = mid + 1;
      else j = mid;
    }
    return this.firsts[lo] + i;
  }

  /**
   * A binary search with the test `end <= offset`. Ends are not quite sorted (a mention may lie inside an
   * earlier one), so the search visits exactly the indices a search over one array would, for the same answer.
   */
  countEndingBy(offset: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts `item` after every item starting at or before it. */
  insert(item: T): void {
    this.countedOffset = -1;
    const blocks = this.blocks;
    const lastBlock = blocks[blocks.length - 1];
    if (!lastBlock || lastBlock[lastBlock.length - 1].start <= item.start) {
      this.append(item);
      return;
    }
    // The first block whose last item starts after `item`; insert into it after its items starting at or before.
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const block = blocks[mid];
      if (block[block.length - 1].start <= item.start) lo = mid + 1;
      else hi = mid;
    }
    const block = blocks[lo];
    let i = 0;
    let j = block.length;
    while (i < j) {
      const mid = (i + j) >> 1;
      if (block[mid].start <= item.start) i = mid + 1;
      else j = mid;
    }
    block.splice(i, 0, item);
    this.size++;
    for (let b = lo + 1; b < this.firsts.length; b++) this.firsts[b]++;
    if (block.length >= 2 * BLOCK) {
      blocks.splice(lo + 1, 0, block.splice(BLOCK));
      this.firsts.splice(lo + 1, 0, this.firsts[lo] + BLOCK);
    }
  }

  private blockOf(i: number): number {
    const firsts = this.firsts;
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
