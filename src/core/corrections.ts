/**
 * The merged view: the automatic analysis with the user's corrections from the sidecar applied.
 * Manual marks are added (flagged `manual: true`) and replace the automatic items they overlap,
 * rejected automatic items are removed, then actor renames and merges run in the order they were made.
 */
import type { Actor, Analysis, Demand, Entity, EntityType, Quote, Span } from './types';
import type { Anchor, AnchorMethod } from './anchoring';
import { anchor, OffsetMap } from './anchoring';
import type { DemandBody, DocumentBody, EntityBody, QuoteBody, RejectionBody, Sidecar, SidecarAnnotation } from './annotations';
import { isSpanBody, orderedAnnotations } from './annotations';

export interface PlacedAnnotation {
  annotation: SidecarAnnotation;
  /** Where the annotation sits in the current text (UTF-16 offsets). */
  span: Span;
  method: AnchorMethod;
}

export interface OrphanedAnnotation {
  annotation: SidecarAnnotation;
  /** Why it could not be applied, for the user. */
  reason: string;
}

export interface CorrectionsResult {
  analysis: Analysis;
  /** Annotations that could not be applied to the current text; they stay in the sidecar. */
  orphaned: OrphanedAnnotation[];
  /** Span annotations (marks and rejections) placed in the current text. */
  manual: PlacedAnnotation[];
}

function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** Share of the union of two spans that they have in common. */
function overlapRatio(a: Span, b: Span): number {
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (common <= 0) return 0;
  return common / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A rejection applies to the automatic item it was made on, even when the engine now draws it slightly differently. */
const SAME_ITEM_RATIO = 0.8;

function shorten(s: string, max = 60): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

class Merger {
  readonly entities: Entity[];
  readonly actors: Actor[];
  quotes: Quote[];
  demands: Demand[];
  private nextId = 1;

  constructor(
    readonly text: string,
    analysis: Analysis,
  ) {
    const copy = structuredClone(analysis);
    this.entities = copy.entities;
    this.actors = copy.actors;
    this.quotes = copy.quotes;
    this.demands = copy.demands;
  }

  actorById(id: string | null): Actor | undefined {
    return id === null ? undefined : this.actors.find((a) => a.id === id);
  }

  /** The actor called `name` (canonical name first, then an alias), preferring one of `type`. */
  findActor(name: string, type?: EntityType): Actor | undefined {
    const key = normalizeName(name);
    const byName = this.actors.filter((a) => normalizeName(a.name) === key);
    const byAlias = byName.length ? byName : this.actors.filter((a) => a.aliases.some((x) => normalizeName(x) === key));
    return byAlias.find((a) => a.type === type) ?? byAlias[0];
  }

  newActor(name: string, type: EntityType): Actor {
    let id: string;
    do id = `m${this.nextId++}`;
    while (this.actors.some((a) => a.id === id));
    const actor: Actor = { id, name: name.replace(/\s+/g, ' ').trim(), type, aliases: [], mentions: [] };
    this.actors.push(actor);
    return actor;
  }

  /** Removes an actor; whatever referred to it refers to `replacement` instead (or to nobody). */
  dropActor(id: string, replacement: string | null): void {
    const i = this.actors.findIndex((a) => a.id === id);
    if (i < 0) return;
    this.actors.splice(i, 1);
    for (const e of this.entities) if (e.actor === id) e.actor = replacement;
    for (const q of this.quotes) if (q.speaker?.actor === id) q.speaker.actor = replacement;
    for (const d of this.demands) {
      if (d.holder === id) d.holder = replacement;
      if (d.addressee === id) d.addressee = replacement;
    }
  }

  /** Removes entity mentions; an actor left without any named mention goes too. */
  removeEntities(doomed: Entity[], replacement: string | null): void {
    if (!doomed.length) return;
    const gone = new Set(doomed);
    const affected = new Set<string>();
    for (let i = this.entities.length - 1; i >= 0; i--) {
      const e = this.entities[i];
      if (!gone.has(e)) continue;
      this.entities.splice(i, 1);
      if (!e.actor) continue;
      const actor = this.actorById(e.actor);
      if (actor) actor.mentions = actor.mentions.filter((m) => m.start !== e.start || m.end !== e.end);
      affected.add(e.actor);
    }
    for (const id of affected) {
      if (id !== replacement && !this.entities.some((e) => e.actor === id)) this.dropActor(id, replacement);
    }
  }

  reject(span: Span, body: RejectionBody): void {
    const same = (item: Span): boolean => overlapRatio(item, span) >= SAME_ITEM_RATIO;
    if (body.rejects === 'quote') this.quotes = this.quotes.filter((q) => q.manual || !same(q));
    else if (body.rejects === 'demand') this.demands = this.demands.filter((d) => d.manual || !same(d));
    else this.removeEntities(this.entities.filter((e) => !e.manual && e.type === body.rejects && same(e)), null);
  }

  markEntity(span: Span, body: EntityBody): void {
    const text = this.text.slice(span.start, span.end);
    const replaced = this.entities.filter((e) => !e.manual && overlaps(e, span));
    let actor = this.findActor(body.actor ?? text, body.type);
    if (actor && !body.actor && actor.type !== body.type) actor = undefined;
    if (!actor && !body.actor) {
      const sameType = replaced.find((e) => e.type === body.type && e.actor);
      actor = sameType ? this.actorById(sameType.actor) : undefined;
    }
    actor ??= this.newActor(body.actor ?? text, body.type);
    this.removeEntities(replaced, actor.id);
    this.entities.push({ start: span.start, end: span.end, text, type: body.type, actor: actor.id, manual: true });
    actor.mentions.push({ start: span.start, end: span.end });
    if (!actor.aliases.includes(text)) actor.aliases.push(text);
    if (body.role && !actor.aliases.includes(body.role)) actor.aliases.push(body.role);
  }

  /** The mention of `actor` nearest to `span` (preferring one before it), as a speaker span. */
  private nearestMention(actor: Actor, span: Span): Span | null {
    let best: Span | null = null;
    let bestDistance = Infinity;
    for (const m of actor.mentions) {
      const distance = m.end <= span.start ? span.start - m.end : m.start >= span.end ? (m.start - span.end) * 1.5 : 0;
      if (distance < bestDistance) {
        best = m;
        bestDistance = distance;
      }
    }
    return best;
  }

  private actorFor(name: string, fallbackType: EntityType): Actor {
    return this.findActor(name) ?? this.newActor(name, fallbackType);
  }

  markQuote(span: Span, body: QuoteBody): void {
    const replaced = this.quotes.filter((q) => !q.manual && overlaps(q, span));
    this.quotes = this.quotes.filter((q) => !replaced.includes(q));
    const previous = replaced[0];
    let speaker = previous?.speaker ?? null;
    if (body.speaker) {
      const actor = this.actorFor(body.speaker, 'person');
      const at = this.nearestMention(actor, span) ?? { start: span.start, end: span.start };
      speaker = { start: at.start, end: at.end, text: this.text.slice(at.start, at.end), actor: actor.id };
    }
    this.quotes.push({
      start: span.start,
      end: span.end,
      text: this.text.slice(span.start, span.end),
      kind: body.kind ?? previous?.kind ?? 'direct',
      speaker,
      cue: previous?.cue ?? null,
      manual: true,
    });
  }

  markDemand(span: Span, body: DemandBody): void {
    const replaced = this.demands.filter((d) => !d.manual && overlaps(d, span));
    this.demands = this.demands.filter((d) => !replaced.includes(d));
    const previous = replaced[0];
    const text = this.text.slice(span.start, span.end);
    this.demands.push({
      start: span.start,
      end: span.end,
      text,
      holder: body.holder ? this.actorFor(body.holder, 'person').id : (previous?.holder ?? null),
      addressee: body.addressee ? this.actorFor(body.addressee, 'person').id : (previous?.addressee ?? null),
      cue: previous?.cue && overlaps(previous.cue, span) ? previous.cue : null,
      content: { start: span.start, end: span.end, text },
      manual: true,
    });
  }

  /** Applies a rename or merge; returns why it could not be applied, or null. */
  editActors(body: DocumentBody): string | null {
    const actor = this.findActor(body.actor);
    if (!actor) return `no actor "${body.actor}" in this article`;
    if (body.type === 'rename') {
      const other = this.findActor(body.name);
      if (other && other !== actor && normalizeName(other.name) === normalizeName(body.name)) {
        this.merge(actor, other);
        return null;
      }
      if (!actor.aliases.includes(actor.name)) actor.aliases.push(actor.name);
      actor.name = body.name;
      return null;
    }
    const into = this.findActor(body.into);
    if (!into) return `no actor "${body.into}" to merge "${body.actor}" into`;
    if (into !== actor) this.merge(actor, into);
    return null;
  }

  private merge(from: Actor, into: Actor): void {
    for (const alias of [from.name, ...from.aliases]) if (!into.aliases.includes(alias)) into.aliases.push(alias);
    into.mentions.push(...from.mentions);
    this.dropActor(from.id, into.id);
  }

  finish(): Analysis {
    const byStart = (a: Span, b: Span): number => a.start - b.start || a.end - b.end;
    for (const actor of this.actors) {
      actor.mentions.sort(byStart);
      actor.mentions = actor.mentions.filter((m, i, all) => i === 0 || m.start !== all[i - 1].start || m.end !== all[i - 1].end);
    }
    return { entities: this.entities.sort(byStart), actors: this.actors, quotes: this.quotes.sort(byStart), demands: this.demands.sort(byStart) };
  }
}

/**
 * Applies the sidecar's corrections to an automatic analysis of `text`. Pure: the input analysis is
 * not modified. Span annotations are re-anchored in the current text first; those that cannot be
 * placed are returned as orphaned, as are renames and merges whose actor is not in the article.
 */
export function applyCorrections(text: string, analysis: Analysis, sidecar: Sidecar | null | undefined): CorrectionsResult {
  if (!sidecar || !sidecar.annotations.length) return { analysis, orphaned: [], manual: [] };
  const merger = new Merger(text, analysis);
  const map = new OffsetMap(text);
  const orphaned: OrphanedAnnotation[] = [];
  const manual: PlacedAnnotation[] = [];
  const ordered = orderedAnnotations(sidecar.annotations);
  const placed = new Map<SidecarAnnotation, Anchor>();
  for (const a of ordered) {
    if (!a.target.selector) continue;
    const [quote, position] = a.target.selector;
    const at = anchor(text, { quote, position }, map);
    if (at) {
      placed.set(a, at);
      manual.push({ annotation: a, span: { start: at.start, end: at.end }, method: at.method });
    } else orphaned.push({ annotation: a, reason: `"${shorten(quote.exact)}" is no longer in the article` });
  }
  // Rejections first, so a manual mark made in the place of a rejected item is never itself rejected.
  for (const [a, at] of placed) if (a.body.type === 'rejection') merger.reject(at, a.body);
  for (const [a, at] of placed) {
    const body = a.body;
    if (body.type === 'quote') merger.markQuote(at, body);
    else if (body.type === 'demand') merger.markDemand(at, body);
    else if (body.type === 'person' || body.type === 'organization' || body.type === 'location') merger.markEntity(at, body);
  }
  for (const a of ordered) {
    if (isSpanBody(a.body)) continue;
    const problem = merger.editActors(a.body);
    if (problem) orphaned.push({ annotation: a, reason: problem });
  }
  return { analysis: merger.finish(), orphaned, manual };
}
