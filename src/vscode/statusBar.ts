/**
 * "N actors · N quotes · N demands" in the status bar while an article is active; a click opens the sidebar.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import { onSettingsChanged, readSettings } from './config';
import type { Feature } from './feature';

function count(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

export function summary(analysis: Analysis): string {
  return `${count(analysis.actors.length, 'actor')} · ${count(analysis.quotes.length, 'quote')} · ${count(analysis.demands.length, 'demand')}`;
}

export const registerStatusBar: Feature = ({ active }) => {
  const item = vscode.window.createStatusBarItem('articleAnnotator.summary', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Article Annotator';
  item.command = { command: 'workbench.view.extension.articleAnnotator', title: 'Show Article Sidebar' };
  let enabled = readSettings().statusBarEnabled;
  const update = (): void => {
    const result = active.result;
    if (!enabled || !result || !active.editor) {
      item.hide();
      return;
    }
    item.text = summary(result.analysis);
    item.tooltip = 'Article Annotator: show the Actors, Demands and Quotes views';
    item.show();
  };
  update();
  return [
    item,
    active.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    onSettingsChanged(() => {
      enabled = readSettings().statusBarEnabled;
      update();
    }, 'statusBar'),
  ];
};
