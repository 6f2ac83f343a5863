/**
 * Read-only lookups over one `Analysis`, for navigation and display: what is at an offset,
 * what belongs to an actor, where an actor is first named. Built once per analysis.
 */
import type { Actor, Analysis, Demand, Quote, Span } from './types';

/** Index of the first span in `spans` (sorted by start) whose range contains `offset` (end inclusive), or -1. */
function spanIndexAt<T extends Span>(spans: readonly T[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Spans may nest (a quote inside a longer one): walk back to the innermost that still contains the offset.
  for (let i = found; i >= 0 && i > found - 8; i--) if (offset <= spans[i].end) return i;
  return -1;
}

export interface ActorMention extends Span {
  actor: string;
}

export class AnalysisIndex {
  readonly actorsById = new Map<string, Actor>();
  /** Every mention of every actor, sorted by start. */
  readonly mentions: ActorMention[];
  /** Quotes sorted by start; a quote's range here includes its quotation marks when the text has them. */
  readonly quotes: Quote[];
  private readonly quotesByActor = new Map<string, Quote[]>();
  private readonly demandsByActor = new Map<string, Demand[]>();
  private readonly speakerSpans: Span[];

  constructor(readonly analysis: Analysis) {
    for (const a of analysis.actors) this.actorsById.set(a.id, a);
    this.mentions = analysis.actors
      .flatMap((a) => a.mentions.map((m) => ({ start: m.start, end: m.end, actor: a.id })))
      .sort((x, y) => x.start - y.start || y.end - x.end);
    this.quotes = [...analysis.quotes].sort((x, y) => x.start - y.start);
    for (const q of this.quotes) {
      if (q.speaker?.actor) push(this.quotesByActor, q.speaker.actor, q);
    }
    for (const d of analysis.demands) {
      if (d.holder) push(this.demandsByActor, d.holder, d);
      if (d.addressee && d.addressee !== d.holder) push(this.demandsByActor, d.addressee, d);
    }
    this.speakerSpans = this.quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])).sort((x, y) => x.start - y.start);
  }

  actor(id: string | null | undefined): Actor | undefined {
    return id ? this.actorsById.get(id) : undefined;
  }

  actorName(id: string | null | undefined): string | undefined {
    return this.actor(id)?.name;
  }

  /** The actor mention at `offset` (an entity, alias, role noun or resolved pronoun), or undefined. */
  mentionAt(offset: number): ActorMention | undefined {
    const i = spanIndexAt(this.mentions, offset);
    if (i >= 0) return this.mentions[i];
    // A speaker span the engine attributed without listing it as a mention still names its actor.
    const s = spanIndexAt(this.speakerSpans, offset);
    const speaker = s >= 0 ? this.quotes.find((q) => q.speaker === this.speakerSpans[s])?.speaker : undefined;
    return speaker?.actor ? { start: speaker.start, end: speaker.end, actor: speaker.actor } : undefined;
  }

  /** The innermost quote whose text (or its quotation marks, one character either side) contains `offset`. */
  quoteAt(offset: number): Quote | undefined {
    let best: Quote | undefined;
    for (const q of this.quotes) {
      if (q.start - 1 > offset) break;
      if (offset <= q.end + 1 && (!best || q.end - q.start < best.end - best.start)) best = q;
    }
    return best;
  }

  quotesOf(actorId: string): readonly Quote[] {
    return this.quotesByActor.get(actorId) ?? [];
  }

  /** Demands the actor holds or is addressed by, in reading order. */
  demandsOf(actorId: string): readonly Demand[] {
    return this.demandsByActor.get(actorId) ?? [];
  }

  /** The actor's defining mention: the first whose text is its canonical name, else its first mention. */
  definitionOf(actor: Actor, text: string): Span | undefined {
    const named = actor.mentions.find((m) => text.slice(m.start, m.end) === actor.name);
    return named ?? actor.mentions[0];
  }

  /** Whether the span is a speaker of some quote (for the `speaker` highlight). */
  isSpeaker(span: Span): boolean {
    for (const offset of [span.start, span.end - 1]) {
      const i = spanIndexAt(this.speakerSpans, offset);
      if (i >= 0 && this.speakerSpans[i].start < span.end && span.start < this.speakerSpans[i].end) return true;
    }
    return false;
  }

  /** Quotes after / before `offset`, wrapping around the document. */
  nextQuote(offset: number): Quote | undefined {
    return this.quotes.find((q) => q.start > offset) ?? this.quotes[0];
  }

  previousQuote(offset: number): Quote | undefined {
    for (let i = this.quotes.length - 1; i >= 0; i--) if (this.quotes[i].start < offset) return this.quotes[i];
    return this.quotes[this.quotes.length - 1];
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Shortens text to at most `max` characters on a word boundary, with an ellipsis, on one line. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return flat.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:.]+$/, '') + '…';
}
