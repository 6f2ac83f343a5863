/**
 * The one place where core spans (UTF-16 offsets, end exclusive) become VS Code ranges, locations and selections.
 * Offsets are clamped to the document, so a result computed for a slightly older version never throws.
 */
import * as vscode from 'vscode';
import type { Span } from '../core/types';

export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function toLocation(document: vscode.TextDocument, span: Span): vscode.Location {
  return new vscode.Location(document.uri, toRange(document, span));
}

export function toSelection(document: vscode.TextDocument, span: Span): vscode.Selection {
  return new vscode.Selection(document.positionAt(span.start), document.positionAt(span.end));
}

/**
 * Splits a span at line breaks into per-line pieces, for APIs (semantic tokens) that cannot span lines.
 * Returns [line, character, length] triples.
 */
export function linePieces(document: vscode.TextDocument, span: Span): [number, number, number][] {
  const start = document.positionAt(span.start);
  const end = document.positionAt(span.end);
  if (start.line === end.line) return end.character > start.character ? [[start.line, start.character, end.character - start.character]] : [];
  const out: [number, number, number][] = [];
  for (let line = start.line; line <= end.line; line++) {
    const from = line === start.line ? start.character : 0;
    const to = line === end.line ? end.character : document.lineAt(line).range.end.character;
    if (to > from) out.push([line, from, to - from]);
  }
  return out;
}
