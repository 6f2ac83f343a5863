/**
 * Typed access to the `articleAnnotator.*` settings declared in package.json.
 */
import * as vscode from 'vscode';

export const SECTION = 'articleAnnotator';
export const ARTICLE_LANGUAGE = 'article';

export interface Settings {
  languages: string[];
  debounceMs: number;
  /** Larger documents are not analysed (0: no limit). */
  maxFileSizeKB: number;
  highlightEnabled: boolean;
  highlightEntities: boolean;
  highlightCueVerbs: boolean;
  highlightDemands: boolean;
  diagnosticsEnabled: boolean;
  diagnoseUnattributedQuotes: boolean;
  statusBarEnabled: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const languages = c.get<string[]>('languages', [ARTICLE_LANGUAGE]);
  return {
    languages: Array.isArray(languages) ? languages.filter((l) => typeof l === 'string') : [ARTICLE_LANGUAGE],
    debounceMs: Math.max(0, Number(c.get<number>('debounceMs', 300)) || 0),
    maxFileSizeKB: Math.max(0, Number(c.get<number>('maxFileSizeKB', 10_240)) || 0),
    highlightEnabled: c.get<boolean>('highlight.enabled', true),
    highlightEntities: c.get<boolean>('highlight.entities', true),
    highlightCueVerbs: c.get<boolean>('highlight.cueVerbs', true),
    highlightDemands: c.get<boolean>('highlight.demands', true),
    diagnosticsEnabled: c.get<boolean>('diagnostics.enabled', true),
    diagnoseUnattributedQuotes: c.get<boolean>('diagnostics.unattributedQuotes', true),
    statusBarEnabled: c.get<boolean>('statusBar.enabled', true),
  };
}

/** Fires `listener` when any setting under `articleAnnotator.<key>` changes (all of them when no keys are given). */
export function onSettingsChanged(listener: () => void, ...keys: string[]): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    const names = keys.length ? keys.map((k) => `${SECTION}.${k}`) : [SECTION];
    if (names.some((n) => e.affectsConfiguration(n))) listener();
  });
}
