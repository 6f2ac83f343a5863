/**
 * Palette commands, all in the "Article" category.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { ArticleAnalysis } from './analysisService';
import { ARTICLE_LANGUAGE, SECTION } from './config';
import type { Feature, FeatureContext } from './feature';
import { revealSpan } from './reveal';
import { actorIcon } from './trees';
import { summary } from './statusBar';

/** Languages "Analyze Current File" switches to `article`; other languages are analysed only when configured. */
const SWITCHABLE = new Set(['plaintext', 'markdown']);

async function activeArticle(ctx: FeatureContext): Promise<{ editor: vscode.TextEditor; result: ArticleAnalysis } | undefined> {
  const editor = vscode.window.activeTextEditor ?? ctx.active.editor;
  if (!editor || !ctx.service.isArticle(editor.document)) return undefined;
  const result = await ctx.service.analysisOf(editor.document, 'now');
  return result ? { editor, result } : undefined;
}

async function analyzeCurrentFile(ctx: FeatureContext): Promise<Analysis | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open an article (or any text file) first, then run Article: Analyze Current File.');
    return undefined;
  }
  let document = editor.document;
  if (!ctx.service.isArticle(document)) {
    if (!SWITCHABLE.has(document.languageId)) {
      void vscode.window.showWarningMessage(
        `Article Annotator analyses plain text, Markdown and .article files; add "${document.languageId}" to the setting articleAnnotator.languages to analyse this file.`,
      );
      return undefined;
    }
    document = await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
    ctx.service.notifyArticleSetChanged();
  }
  const result = await ctx.service.refresh(document);
  if (!result) return undefined;
  vscode.window.setStatusBarMessage(`Article: ${summary(result.analysis)}`, 4000);
  return result.analysis;
}

async function goToQuote(ctx: FeatureContext, direction: 'next' | 'previous'): Promise<void> {
  const found = await activeArticle(ctx);
  if (!found) return;
  const { editor, result } = found;
  const offset = editor.document.offsetAt(editor.selection.start);
  const quote = direction === 'next' ? result.index.nextQuote(offset) : result.index.previousQuote(offset);
  if (!quote) {
    vscode.window.setStatusBarMessage('Article: no quotes in this article', 3000);
    return;
  }
  await revealSpan(editor.document, quote);
}

interface RevealActorArgs {
  /** Actor id or canonical name; skips the actor picker. */
  actor?: string;
  /** Index of the mention to go to; without it, an actor given here is revealed at its defining mention. */
  mention?: number;
}

async function revealActor(ctx: FeatureContext, args?: RevealActorArgs): Promise<void> {
  const found = await activeArticle(ctx);
  if (!found) return;
  const { editor, result } = found;
  const { analysis, index, text } = result;
  let actor = args?.actor ? analysis.actors.find((a) => a.id === args.actor || a.name === args.actor) : undefined;
  if (!actor) {
    if (!analysis.actors.length) {
      void vscode.window.showInformationMessage('No people, organizations or places found in this article.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      [...analysis.actors]
        .sort((a, b) => b.mentions.length - a.mentions.length)
        .map((a) => ({
          label: `$(${actorIcon(a.type)}) ${a.name}`,
          description: `${a.type} · ${a.mentions.length} mentions · ${index.quotesOf(a.id).length} quotes`,
          detail: a.aliases.filter((x) => x !== a.name).join(', ') || undefined,
          actor: a,
        })),
      { title: 'Go to Actor', placeHolder: 'Type a name', matchOnDescription: true, matchOnDetail: true },
    );
    actor = picked?.actor;
  }
  if (!actor || !actor.mentions.length) return;
  const document = editor.document;
  let mention = args?.mention !== undefined ? actor.mentions[args.mention] : args?.actor ? index.definitionOf(actor, text) : undefined;
  if (!mention && actor.mentions.length === 1) mention = actor.mentions[0];
  if (!mention) {
    const picked = await vscode.window.showQuickPick(
      actor.mentions.map((m) => {
        const position = document.positionAt(m.start);
        const line = document.lineAt(position.line).text;
        const from = Math.max(0, position.character - 40);
        return {
          label: text.slice(m.start, m.end),
          description: `line ${position.line + 1}`,
          detail: (from > 0 ? '…' : '') + line.slice(from, position.character + 60).trim(),
          mention: m,
        };
      }),
      { title: `Mentions of ${actor.name}`, matchOnDetail: true },
    );
    mention = picked?.mention;
  }
  if (mention) await revealSpan(document, mention);
}

async function toggleHighlights(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const enabled = !config.get<boolean>('highlight.enabled', true);
  const inspect = config.inspect<boolean>('highlight.enabled');
  const target = inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('highlight.enabled', enabled, target);
  vscode.window.setStatusBarMessage(`Article: highlights ${enabled ? 'on' : 'off'}`, 3000);
  return enabled;
}

export const registerCommands: Feature = (ctx) => [
  vscode.commands.registerCommand('articleAnnotator.analyze', () => analyzeCurrentFile(ctx)),
  vscode.commands.registerCommand('articleAnnotator.refresh', async () => {
    const document = ctx.active.document;
    if (document) return (await ctx.service.refresh(document))?.analysis;
    await ctx.service.refresh();
    return undefined;
  }),
  vscode.commands.registerCommand('articleAnnotator.nextQuote', () => goToQuote(ctx, 'next')),
  vscode.commands.registerCommand('articleAnnotator.previousQuote', () => goToQuote(ctx, 'previous')),
  vscode.commands.registerCommand('articleAnnotator.revealActor', (args?: RevealActorArgs) => revealActor(ctx, args)),
  vscode.commands.registerCommand('articleAnnotator.toggleHighlights', toggleHighlights),
];
