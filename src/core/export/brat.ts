/**
 * brat standoff export (`.ann`), readable by brat and INCEpTION. Offsets count Unicode code points.
 *
 * - T lines: entity mentions (Person, Organization, Location, …), Quote and Demand spans, cue words
 *   (Attribution for quotes, Request for demands). A span over several lines becomes a discontinuous
 *   annotation with one fragment per line, because a T line's text may not contain a line break
 *   (nor a tab, the field separator).
 * - E lines: `Attribution:cue Speaker:… Quote:…` and `Request:cue Holder:… Addressee:… Demand:…`.
 *   Without a cue, R lines link the quote to its Speaker and the demand to its Holder and Addressee.
 * - A lines: `Manual` on what the user marked. `#` lines: the actor's canonical name when it differs
 *   from the text (pronouns, aliases), and speakers or parties that have no span in the text.
 */
import { OffsetMap } from '../anchoring';
import type { Actor, EntityType, Span } from '../types';
import type { ExportInput } from './common';
import { actorIndex, mentionNear, oneLine } from './common';

export const BRAT_ENTITY_TYPES: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  location: 'Location',
  nationality: 'Nationality',
  date: 'Date',
  event: 'Event',
  misc: 'Misc',
};

/** The brat `annotation.conf` describing the types this export uses. */
export function bratAnnotationConf(): string {
  return [
    '[entities]',
    ...Object.values(BRAT_ENTITY_TYPES),
    'Quote',
    'Demand',
    '',
    '[relations]',
    'Speaker Arg1:Quote, Arg2:<ENTITY>',
    'Holder Arg1:Demand, Arg2:<ENTITY>',
    'Addressee Arg1:Demand, Arg2:<ENTITY>',
    '<OVERLAP> Arg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    'Attribution Speaker?:<ENTITY>, Quote:Quote',
    'Request Holder?:<ENTITY>, Addressee?:<ENTITY>, Demand:Demand',
    '',
    '[attributes]',
    'Manual Arg:<ANY>',
    '',
  ].join('\n');
}

/** Line breaks end a T line; a tab would be read as the field separator. */
function isFragmentBreak(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** The span cut at line breaks and tabs into fragments that hold more than white space. */
export function lineFragments(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i < span.end && !isFragmentBreak(text.charCodeAt(i))) continue;
    if (i > start && text.slice(start, i).trim()) out.push({ start, end: i });
    start = i + 1;
  }
  return out;
}

class AnnWriter {
  private readonly lines: string[] = [];
  private readonly textBoundIds = new Map<string, string>();
  private readonly notes = new Set<string>();
  private counts = { T: 0, E: 0, R: 0, A: 0, '#': 0 };

  constructor(
    private readonly text: string,
    private readonly map: OffsetMap,
  ) {}

  private next(kind: keyof AnnWriter['counts']): string {
    return `${kind}${++this.counts[kind]}`;
  }

  /** A T line for `span` typed `type` (one per distinct type and span); null for a span with no text. */
  textBound(type: string, span: Span): string | null {
    const key = `${type} ${span.start} ${span.end}`;
    const known = this.textBoundIds.get(key);
    if (known) return known;
    const fragments = lineFragments(this.text, span);
    if (!fragments.length) return null;
    const id = this.next('T');
    const offsets = fragments.map((f) => `${this.map.toCodePoint(f.start)} ${this.map.toCodePoint(f.end)}`).join(';');
    const body = fragments.map((f) => this.text.slice(f.start, f.end)).join(' ');
    this.lines.push(`${id}\t${type} ${offsets}\t${body}`);
    this.textBoundIds.set(key, id);
    return id;
  }

  event(type: string, trigger: string, args: [string, string | null][]): void {
    const parts = args.filter((a): a is [string, string] => a[1] !== null).map(([role, id]) => `${role}:${id}`);
    this.lines.push(`${this.next('E')}\t${type}:${trigger}${parts.map((p) => ' ' + p).join('')}`);
  }

  relation(type: string, from: string, to: string): void {
    this.lines.push(`${this.next('R')}\t${type} Arg1:${from} Arg2:${to}`);
  }

  attribute(name: string, id: string): void {
    this.lines.push(`${this.next('A')}\t${name} ${id}`);
  }

  note(id: string, note: string): void {
    const flat = oneLine(note);
    if (!flat || this.notes.has(`${id}\t${flat}`)) return;
    this.notes.add(`${id}\t${flat}`);
    this.lines.push(`${this.next('#')}\tAnnotatorNotes ${id}\t${flat}`);
  }

  toString(): string {
    return this.lines.length ? this.lines.join('\n') + '\n' : '';
  }
}

export function toBrat({ text, analysis }: ExportInput): string {
  const out = new AnnWriter(text, new OffsetMap(text));
  const actors = actorIndex(analysis);
  for (const e of analysis.entities) {
    const id = out.textBound(BRAT_ENTITY_TYPES[e.type], e);
    if (!id) continue;
    if (e.manual) out.attribute('Manual', id);
    const actor = e.actor === null ? undefined : actors.get(e.actor);
    if (actor && oneLine(e.text) !== actor.name) out.note(id, actor.name);
  }
  /** The T line of the mention of an actor that stands for it near `span`, or a note on `owner` naming it. */
  const party = (actorId: string | null, span: Span, owner: string, role: string): string | null => {
    const actor: Actor | undefined = actorId === null ? undefined : actors.get(actorId);
    if (!actor) return null;
    const at = mentionNear(actor, span);
    const id = at ? out.textBound(BRAT_ENTITY_TYPES[actor.type], at) : null;
    if (id && at && oneLine(text.slice(at.start, at.end)) !== actor.name) out.note(id, actor.name);
    if (!id) out.note(owner, `${role}: ${actor.name}`);
    return id;
  };
  for (const q of analysis.quotes) {
    const id = out.textBound('Quote', q);
    if (!id) continue;
    if (q.manual) out.attribute('Manual', id);
    let speaker: string | null = null;
    if (q.speaker) {
      const actor = q.speaker.actor === null ? undefined : actors.get(q.speaker.actor);
      if (q.speaker.end > q.speaker.start) {
        speaker = out.textBound(BRAT_ENTITY_TYPES[actor?.type ?? 'person'], q.speaker);
        if (speaker && actor && oneLine(q.speaker.text) !== actor.name) out.note(speaker, actor.name);
      } else speaker = party(q.speaker.actor, q, id, 'Speaker');
    }
    const cue = q.cue ? out.textBound('Attribution', q.cue) : null;
    if (cue) out.event('Attribution', cue, [['Speaker', speaker], ['Quote', id]]);
    else if (speaker) out.relation('Speaker', id, speaker);
  }
  for (const d of analysis.demands) {
    const id = out.textBound('Demand', d);
    if (!id) continue;
    if (d.manual) out.attribute('Manual', id);
    const holder = party(d.holder, d, id, 'Holder');
    const addressee = party(d.addressee, d, id, 'Addressee');
    const cue = d.cue ? out.textBound('Request', d.cue) : null;
    if (cue) out.event('Request', cue, [['Holder', holder], ['Addressee', addressee], ['Demand', id]]);
    else {
      if (holder) out.relation('Holder', id, holder);
      if (addressee) out.relation('Addressee', id, addressee);
    }
  }
  return out.toString();
}
