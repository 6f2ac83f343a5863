/**
 * Registers language providers for the article languages and registers them again when
 * `articleAnnotator.languages` changes.
 */
import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';

export function registerForArticles(service: AnalysisService, register: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable[] {
  const selector = (): vscode.DocumentFilter[] => service.languages.map((language) => ({ language }));
  let registeredFor = service.languages.join(',');
  let registration = register(selector());
  return [
    { dispose: () => registration.dispose() },
    service.onDidChangeArticleSet(() => {
      const now = service.languages.join(',');
      if (now === registeredFor) return;
      registeredFor = now;
      registration.dispose();
      registration = register(selector());
    }),
  ];
}

/** Escapes text for a MarkdownString. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
