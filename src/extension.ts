import * as vscode from 'vscode';
import { analyze } from './core/analyze';
import type { Analysis } from './core/types';

export interface ArticleAnnotatorApi {
  analyze(text: string): Analysis;
}

export function activate(_context: vscode.ExtensionContext): ArticleAnnotatorApi {
  return { analyze };
}

export function deactivate(): void {}
