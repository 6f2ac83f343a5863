/**
 * Selecting a span of an article in its editor: used by tree rows, quote navigation and actor search.
 */
import * as vscode from 'vscode';
import type { Span } from '../core/types';
import type { Feature } from './feature';
import { toSelection } from './ranges';

export const REVEAL_SPAN = 'articleAnnotator.revealSpan';

export interface RevealSpanArgs extends Span {
  uri: string;
}

/** Shows the document, selects the span and scrolls it into view. */
export async function revealSpan(document: vscode.TextDocument, span: Span, preserveFocus = false): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus, preview: false });
  editor.selection = toSelection(document, span);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export const registerReveal: Feature = () => [
  vscode.commands.registerCommand(REVEAL_SPAN, async (args: RevealSpanArgs) => {
    if (!args || typeof args.uri !== 'string') return undefined;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    await revealSpan(document, args, true);
    return undefined;
  }),
];
