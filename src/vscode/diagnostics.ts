/**
 * Problems panel: the quotation-mark problems the engine met while pairing marks (warnings; mixed styles are
 * information) and quotes without a speaker (information).
 */
import * as vscode from 'vscode';
import type { ArticleAnalysis } from './analysisService';
import { onSettingsChanged, readSettings, type Settings } from './config';
import type { Feature } from './feature';
import { toRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Article Annotator';

export function articleDiagnostics(document: vscode.TextDocument, result: ArticleAnalysis, settings: Settings): vscode.Diagnostic[] {
  if (!settings.diagnosticsEnabled) return [];
  const out: vscode.Diagnostic[] = [];
  for (const p of result.markProblems) {
    const severity = p.kind === 'mixed-styles' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
    const d = new vscode.Diagnostic(toRange(document, p), p.message, severity);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = `quote-mark-${p.kind}`;
    out.push(d);
  }
  if (settings.diagnoseUnattributedQuotes) {
    for (const q of result.index.quotes) {
      if (q.speaker || q.kind === 'scare') continue;
      const d = new vscode.Diagnostic(toRange(document, q), `Quote without a speaker: “${q.text.length > 50 ? q.text.slice(0, 49) + '…' : q.text}”`, vscode.DiagnosticSeverity.Information);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'unattributed-quote';
      out.push(d);
    }
  }
  return out;
}

export const registerDiagnostics: Feature = ({ service }) => {
  const collection = vscode.languages.createDiagnosticCollection('articleAnnotator');
  let settings = readSettings();
  const update = (result: ArticleAnalysis): void => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri.toString());
    if (document) collection.set(result.uri, articleDiagnostics(document, result, settings));
  };
  const analyseOpenArticles = (): void => {
    for (const d of vscode.workspace.textDocuments) if (service.isArticle(d) && !service.latest(d)) void service.analysisOf(d, 'debounced');
  };
  analyseOpenArticles();
  return [
    collection,
    service.onDidChangeAnalysis(update),
    service.onDidForget((uri) => collection.delete(uri)),
    service.onDidChangeArticleSet(analyseOpenArticles),
    onSettingsChanged(() => {
      settings = readSettings();
      for (const d of vscode.workspace.textDocuments) {
        const result = service.latest(d);
        if (result) update(result);
      }
    }, 'diagnostics'),
  ];
};
