/**
 * Outline, breadcrumbs and Go to Symbol: actors with the quotes they speak and the demands they hold,
 * then unattributed quotes.
 */
import * as vscode from 'vscode';
import type { Actor, EntityType, Span } from '../core/types';
import { shorten } from '../core/lookup';
import type { ArticleAnalysis } from './analysisService';
import type { Feature } from './feature';
import { toRange } from './ranges';
import { registerForArticles } from './selector';
import { demandLabel, quoteLabel } from './trees';

const ACTOR_KIND: Partial<Record<EntityType, vscode.SymbolKind>> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Module,
  location: vscode.SymbolKind.Package,
};

function cover(spans: Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

export function documentSymbols(document: vscode.TextDocument, result: ArticleAnalysis): vscode.DocumentSymbol[] {
  const { analysis, index, text } = result;
  const actorSymbol = (actor: Actor): vscode.DocumentSymbol | undefined => {
    const definition = index.definitionOf(actor, text);
    if (!definition) return undefined;
    const quotes = index.quotesOf(actor.id);
    const demands = index.demandsOf(actor.id).filter((d) => d.holder === actor.id);
    const range = toRange(document, cover([...actor.mentions, ...quotes, ...demands]));
    const symbol = new vscode.DocumentSymbol(
      actor.name,
      `${actor.type} · ${actor.mentions.length} mentions`,
      ACTOR_KIND[actor.type] ?? vscode.SymbolKind.Variable,
      range,
      toRange(document, definition),
    );
    symbol.children = [
      ...quotes.map((q) => new vscode.DocumentSymbol(quoteLabel(q), q.cue?.text ?? q.kind, vscode.SymbolKind.String, toRange(document, q), toRange(document, q))),
      ...demands.map(
        (d) => new vscode.DocumentSymbol(shorten(demandLabel(d, index), 80), d.cue?.text ?? 'demand', vscode.SymbolKind.Event, toRange(document, d), toRange(document, d)),
      ),
    ].sort((a, b) => a.range.start.compareTo(b.range.start));
    return symbol;
  };
  const unattributed = index.quotes
    .filter((q) => !q.speaker?.actor)
    .map((q) => new vscode.DocumentSymbol(quoteLabel(q), q.speaker?.text ?? 'unattributed', vscode.SymbolKind.String, toRange(document, q), toRange(document, q)));
  return [...analysis.actors.map(actorSymbol).filter((s): s is vscode.DocumentSymbol => !!s), ...unattributed];
}

export const registerSymbols: Feature = ({ service }) =>
  registerForArticles(service, (selector) =>
    vscode.languages.registerDocumentSymbolProvider(
      selector,
      {
        async provideDocumentSymbols(document, token) {
          const result = await service.analysisOf(document, 'now');
          if (!result || token.isCancellationRequested) return undefined;
          return documentSymbols(document, result);
        },
      },
      { label: 'Article' },
    ),
  );
