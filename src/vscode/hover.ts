/**
 * Hovers: on an actor's mention, who it is (type, canonical name, aliases, mentions, quotes, demands);
 * on a quote, who says it and with which verb.
 */
import * as vscode from 'vscode';
import type { Actor, Quote } from '../core/types';
import { shorten, type AnalysisIndex } from '../core/lookup';
import type { AnalysisService } from './analysisService';
import type { Feature } from './feature';
import { toRange } from './ranges';
import { demandLabel } from './trees';
import { escapeMarkdown as md, registerForArticles } from './selector';

const LIST_LIMIT = 5;

export function actorMarkdown(actor: Actor, index: AnalysisIndex): vscode.MarkdownString {
  const out = new vscode.MarkdownString();
  const members = (actor.members ?? []).map((id) => index.actorName(id)).filter((name): name is string => !!name);
  const kind = members.length ? 'people named together' : actor.type;
  out.appendMarkdown(`**${md(actor.name)}** — ${kind} · ${actor.mentions.length} ${actor.mentions.length === 1 ? 'mention' : 'mentions'}\n\n`);
  if (members.length) out.appendMarkdown(`Members: ${members.map(md).join(', ')}\n\n`);
  const aliases = actor.aliases.filter((a) => a !== actor.name);
  if (aliases.length) out.appendMarkdown(`Also called: ${aliases.map((a) => `*${md(a)}*`).join(', ')}\n\n`);
  const quotes = index.quotesOf(actor.id);
  if (quotes.length) {
    out.appendMarkdown(`Quotes (${quotes.length}):\n`);
    for (const q of quotes.slice(0, LIST_LIMIT)) out.appendMarkdown(`- “${md(shorten(q.text, 80))}”\n`);
    if (quotes.length > LIST_LIMIT) out.appendMarkdown(`- …and ${quotes.length - LIST_LIMIT} more\n`);
    out.appendMarkdown('\n');
  }
  const demands = index.demandsOf(actor.id);
  if (demands.length) {
    out.appendMarkdown(`Demands (${demands.length}):\n`);
    for (const d of demands.slice(0, LIST_LIMIT)) out.appendMarkdown(`- ${md(demandLabel(d, index))}\n`);
    if (demands.length > LIST_LIMIT) out.appendMarkdown(`- …and ${demands.length - LIST_LIMIT} more\n`);
  }
  return out;
}

export function quoteMarkdown(quote: Quote, index: AnalysisIndex): vscode.MarkdownString {
  const speaker = index.actorName(quote.speaker?.actor) ?? quote.speaker?.text;
  const out = new vscode.MarkdownString();
  out.appendMarkdown(`**${quote.kind[0].toUpperCase()}${quote.kind.slice(1)} quote** — ${speaker ? `speaker: **${md(speaker)}**` : '*unattributed*'}`);
  if (quote.cue) out.appendMarkdown(` · cue: *${md(quote.cue.text)}*`);
  if (quote.manual) out.appendMarkdown(' · *confirmed*');
  return out;
}

export function createHoverProvider(service: AnalysisService): vscode.HoverProvider {
  return {
    async provideHover(document, position, token) {
      const result = await service.analysisOf(document, 'now');
      if (!result || token.isCancellationRequested || result.version !== document.version) return undefined;
      const offset = document.offsetAt(position);
      const { index } = result;
      const parts: vscode.MarkdownString[] = [];
      let range: vscode.Range | undefined;
      const mention = index.mentionAt(offset);
      const actor = index.actor(mention?.actor);
      if (mention && actor) {
        parts.push(actorMarkdown(actor, index));
        range = toRange(document, mention);
      }
      const quote = index.quoteAt(offset);
      if (quote) {
        parts.push(quoteMarkdown(quote, index));
        range ??= toRange(document, quote);
      }
      return parts.length ? new vscode.Hover(parts, range) : undefined;
    },
  };
}

export const registerHover: Feature = ({ service }) => {
  const provider = createHoverProvider(service);
  return registerForArticles(service, (selector) => vscode.languages.registerHoverProvider(selector, provider));
};
