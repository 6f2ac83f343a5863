/**
 * What every editor feature gets when it is registered.
 */
import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { ActiveArticle } from './activeArticle';

export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly service: AnalysisService;
  readonly active: ActiveArticle;
  readonly log: vscode.LogOutputChannel;
}

/** A feature registers its providers and listeners and returns what must be disposed on deactivation. */
export type Feature = (ctx: FeatureContext) => vscode.Disposable[];
