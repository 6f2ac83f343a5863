/**
 * Highlighting: semantic tokens for entities (with a `speaker` modifier) and cue verbs, and a subtle
 * decoration on demand sentences. Each part has its own setting; `highlight.enabled` turns all off.
 */
import * as vscode from 'vscode';
import type { Analysis, EntityType, Span } from '../core/types';
import type { AnalysisIndex } from '../core/lookup';
import { onSettingsChanged, readSettings, type Settings } from './config';
import type { Feature } from './feature';
import { linePieces, toRange } from './ranges';
import { registerForArticles } from './selector';

export const TOKEN_TYPES = ['person', 'organization', 'location', 'cueVerb'] as const;
export const TOKEN_MODIFIERS = ['speaker'] as const;
export const LEGEND = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

type TokenType = (typeof TOKEN_TYPES)[number];
const ENTITY_TOKEN: Partial<Record<EntityType, TokenType>> = { person: 'person', organization: 'organization', location: 'location' };

interface TokenSpan extends Span {
  type: TokenType;
  speaker: boolean;
}

/** Non-overlapping token spans in reading order, as the settings allow. */
export function tokenSpans(analysis: Analysis, index: AnalysisIndex, settings: Settings): TokenSpan[] {
  if (!settings.highlightEnabled) return [];
  const spans: TokenSpan[] = [];
  if (settings.highlightEntities) {
    for (const e of analysis.entities) {
      const type = ENTITY_TOKEN[e.type] ?? ENTITY_TOKEN[index.actor(e.actor)?.type ?? 'misc'];
      if (type) spans.push({ start: e.start, end: e.end, type, speaker: index.isSpeaker(e) });
    }
    // A pronoun or role noun that speaks a quote shows whose words they are.
    for (const q of analysis.quotes) {
      const type = q.speaker ? ENTITY_TOKEN[index.actor(q.speaker.actor)?.type ?? 'misc'] : undefined;
      if (q.speaker && type) spans.push({ start: q.speaker.start, end: q.speaker.end, type, speaker: true });
    }
  }
  if (settings.highlightCueVerbs) {
    for (const item of [...analysis.quotes, ...analysis.demands]) {
      if (item.cue) spans.push({ start: item.cue.start, end: item.cue.end, type: 'cueVerb', speaker: false });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TokenSpan[] = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

export const registerHighlights: Feature = ({ service }) => {
  let settings = readSettings();
  const tokensChanged = new vscode.EventEmitter<void>();
  const demandDecoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('articleAnnotator.demandBackground'),
    overviewRulerColor: new vscode.ThemeColor('articleAnnotator.demandBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    borderRadius: '2px',
  });

  const provider: vscode.DocumentSemanticTokensProvider = {
    onDidChangeSemanticTokens: tokensChanged.event,
    async provideDocumentSemanticTokens(document, token) {
      const result = await service.analysisOf(document, 'debounced');
      if (!result || token.isCancellationRequested) return undefined;
      const builder = new vscode.SemanticTokensBuilder(LEGEND);
      for (const s of tokenSpans(result.analysis, result.index, settings)) {
        const modifiers = s.speaker ? 1 : 0;
        for (const [line, character, length] of linePieces(document, s)) {
          builder.push(line, character, length, TOKEN_TYPES.indexOf(s.type), modifiers);
        }
      }
      return builder.build();
    },
  };

  const decorate = (editor: vscode.TextEditor): void => {
    const result = service.isArticle(editor.document) ? service.latest(editor.document) : undefined;
    const on = result && settings.highlightEnabled && settings.highlightDemands;
    editor.setDecorations(
      demandDecoration,
      on ? result.analysis.demands.map((d) => ({ range: toRange(editor.document, d), hoverMessage: undefined })) : [],
    );
  };
  const decorateAll = (): void => vscode.window.visibleTextEditors.forEach(decorate);

  return [
    tokensChanged,
    demandDecoration,
    ...registerForArticles(service, (selector) => vscode.languages.registerDocumentSemanticTokensProvider(selector, provider, LEGEND)),
    service.onDidChangeArticleSet(decorateAll),
    service.onDidChangeAnalysis((result) => {
      tokensChanged.fire();
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === result.uri.toString()) decorate(editor);
    }),
    // A forgotten document (closed, declined as too large) keeps no highlights.
    service.onDidForget(() => {
      tokensChanged.fire();
      decorateAll();
    }),
    vscode.window.onDidChangeVisibleTextEditors(decorateAll),
    onSettingsChanged(() => {
      settings = readSettings();
      tokensChanged.fire();
      decorateAll();
    }, 'highlight'),
  ];
};
