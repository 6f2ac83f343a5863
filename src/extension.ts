import * as vscode from 'vscode';
import type { Analysis } from './core/types';
import { ActiveArticle } from './vscode/activeArticle';
import { AnalysisService } from './vscode/analysisService';
import { WorkerAnalysisEngine } from './vscode/analysisWorker';
import { analyzeText } from './vscode/engine';
import { registerCommands } from './vscode/commands';
import { registerCorrections } from './vscode/corrections';
import { registerDiagnostics } from './vscode/diagnostics';
import type { Feature, FeatureContext } from './vscode/feature';
import { registerHighlights } from './vscode/highlights';
import { registerHover } from './vscode/hover';
import { registerNavigation } from './vscode/navigation';
import { registerReveal } from './vscode/reveal';
import { registerStatusBar } from './vscode/statusBar';
import { registerSymbols } from './vscode/symbols';
import { registerTrees } from './vscode/trees';
import { registerWorkspaceActors } from './vscode/workspaceActors';

export interface ArticleAnnotatorApi {
  /** The same analysis the CLI prints for `text`. */
  analyze(text: string): Analysis;
  /** How long `activate()` itself took, in milliseconds (VS Code's own extension loading not included). */
  readonly activationMs: number;
}

const FEATURES: Feature[] = [
  // First: its post-processor applies the user's corrections before any other feature sees an analysis.
  registerCorrections,
  registerReveal,
  registerHighlights,
  registerTrees,
  registerHover,
  registerSymbols,
  registerNavigation,
  registerDiagnostics,
  registerCommands,
  registerStatusBar,
  registerWorkspaceActors,
];

export function activate(context: vscode.ExtensionContext): ArticleAnnotatorApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Article Annotator', { log: true });
  // The analysis runs in a worker thread, so a long article never blocks the extension host.
  const worker = new WorkerAnalysisEngine({ script: context.asAbsolutePath('dist/analysisWorker.js'), maxHeapMb: 1536 });
  context.subscriptions.push({ dispose: () => worker.dispose() });
  const service = new AnalysisService((text, job) => worker.analyzeWithMarkProblems(text, job), log);
  const active = new ActiveArticle(service);
  context.subscriptions.push(log, service, active);
  const ctx: FeatureContext = { extension: context, service, active, log };
  for (const feature of FEATURES) context.subscriptions.push(...feature(ctx));
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return { analyze: analyzeText, activationMs };
}

export function deactivate(): void {}
