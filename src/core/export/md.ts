/**
 * A readable Markdown report: who is quoted how often, every quote under its speaker, the demands
 * each with the sentence it was found in, the actors, and corrections that could not be applied.
 */
import { parseDocument } from '../text';
import type { Actor, Quote } from '../types';
import type { ExportInput } from './common';
import { actorIndex, oneLine } from './common';

/** Escapes text for use inside a Markdown paragraph or table cell. */
export function mdText(s: string): string {
  return oneLine(s).replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

const TYPE_LABELS: Record<string, string> = {
  person: 'person',
  organization: 'organization',
  location: 'place',
  nationality: 'nationality',
  date: 'date',
  event: 'event',
  misc: 'other',
};

const MANUAL = ' *(confirmed)*';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function toMarkdown({ text, analysis, source, orphaned = [] }: ExportInput): string {
  const actors = actorIndex(analysis);
  const doc = parseDocument(text);
  const headline = doc.paragraphs.find((p) => p.kind === 'headline');
  const title = headline ? oneLine(text.slice(headline.start, headline.end)) : source;
  const name = (id: string | null): string | null => (id === null ? null : (actors.get(id)?.name ?? null));
  const out: string[] = [];
  out.push(`# ${mdText(title)}`, '');
  out.push(
    `Source: \`${source.replace(/`/g, "'")}\` · ${plural(analysis.actors.length, 'actor', 'actors')} · ${plural(analysis.quotes.length, 'quote', 'quotes')} · ${plural(analysis.demands.length, 'demand', 'demands')}`,
    '',
  );

  const bySpeaker = new Map<string, Quote[]>();
  for (const q of analysis.quotes) {
    const speaker = q.speaker ? (name(q.speaker.actor) ?? (oneLine(q.speaker.text) || 'unattributed')) : 'unattributed';
    const list = bySpeaker.get(speaker) ?? [];
    list.push(q);
    bySpeaker.set(speaker, list);
  }
  const speakers = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] === 'unattributed' ? 1 : b[0] === 'unattributed' ? -1 : a[0].localeCompare(b[0])));
  out.push('## Who is quoted', '');
  if (!speakers.length) out.push('No quotes found.', '');
  else {
    out.push('| Speaker | Quotes |', '| --- | ---: |');
    for (const [speaker, quotes] of speakers) out.push(`| ${speaker === 'unattributed' ? '*unattributed*' : mdText(speaker)} | ${quotes.length} |`);
    out.push('');
    out.push('## Quotes', '');
    for (const [speaker, quotes] of speakers) {
      out.push(`### ${speaker === 'unattributed' ? 'Unattributed' : mdText(speaker)}`, '');
      for (const q of quotes) {
        const cue = q.cue ? ` — ${mdText(q.cue.text)}` : '';
        // Indirect speech is the reporter's paraphrase: no quotation marks around it.
        const said = q.kind === 'indirect' ? mdText(q.text) : `“${mdText(q.text)}”`;
        out.push(`- ${said}${cue} (${q.kind})${q.manual ? MANUAL : ''}`);
      }
      out.push('');
    }
  }

  out.push('## Demands', '');
  if (!analysis.demands.length) out.push('No demands found.', '');
  for (const d of analysis.demands) {
    const holder = name(d.holder) ?? 'someone';
    const addressee = name(d.addressee);
    const content = d.content ? mdText(d.content.text) : mdText(d.text);
    out.push(`- **${mdText(holder)}${addressee ? ` → ${mdText(addressee)}` : ''}**: ${content}${d.manual ? MANUAL : ''}`, '');
    out.push(`  > ${mdText(d.text)}`, '');
  }

  out.push('## Actors', '');
  if (!analysis.actors.length) out.push('No actors found.', '');
  else {
    out.push('| Actor | Type | Mentions | Also called |', '| --- | --- | ---: | --- |');
    const sorted = [...analysis.actors].sort((a: Actor, b: Actor) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
    for (const a of sorted) {
      const aliases = a.aliases.filter((x) => x !== a.name).map(mdText).join(', ');
      out.push(`| ${mdText(a.name)} | ${TYPE_LABELS[a.type] ?? a.type} | ${a.mentions.length} | ${aliases} |`);
    }
    out.push('');
  }

  if (orphaned.length) {
    out.push('## Corrections that could not be applied', '');
    for (const o of orphaned) out.push(`- ${mdText(o.annotation.body.type)}: ${mdText(o.reason)}`);
    out.push('');
  }
  return out.join('\n');
}
