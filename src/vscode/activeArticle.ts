/**
 * Follows the active editor: which article the sidebar, status bar and commands are about,
 * and its latest analysis. Keeps the `articleAnnotator.*` context keys used in `when` clauses up to date.
 */
import * as vscode from 'vscode';
import type { AnalysisService, ArticleAnalysis } from './analysisService';

export class ActiveArticle implements vscode.Disposable {
  private doc: vscode.TextDocument | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The active article or its analysis changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly service: AnalysisService) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.follow()),
      service.onDidChangeArticleSet(() => this.follow()),
      service.onDidChangeAnalysis((result) => {
        if (this.doc && result.uri.toString() === this.doc.uri.toString()) this.changed.fire();
      }),
      service.onDidForget((uri) => {
        if (this.doc && uri.toString() === this.doc.uri.toString()) {
          this.doc = undefined;
          this.follow();
        }
      }),
    );
    this.follow();
  }

  /** The article the views show: the active editor's document, or the last article shown while focus is elsewhere. */
  get document(): vscode.TextDocument | undefined {
    return this.doc && !this.doc.isClosed ? this.doc : undefined;
  }

  get result(): ArticleAnalysis | undefined {
    return this.document ? this.service.latest(this.document) : undefined;
  }

  /** The visible editor showing the active article, if any. */
  get editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && this.doc && active.document === this.doc) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
  }

  private follow(): void {
    const editor = vscode.window.activeTextEditor;
    let next = this.document;
    if (editor) next = this.service.isArticle(editor.document) ? editor.document : undefined;
    else {
      // No active text editor (a settings page or image has focus): stay on an article that is still on screen.
      const shown = vscode.window.visibleTextEditors.map((e) => e.document).filter((d) => this.service.isArticle(d));
      if (!next || !shown.includes(next)) next = shown[0];
    }
    void vscode.commands.executeCommand('setContext', 'articleAnnotator.isArticleEditor', !!editor && !!next && editor.document === next);
    void vscode.commands.executeCommand('setContext', 'articleAnnotator.hasArticle', !!next);
    const switched = next !== this.doc;
    this.doc = next;
    if (next && !this.service.latest(next)) void this.service.analysisOf(next, 'debounced');
    if (switched) this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
