/**
 * The single place where "text of this document → analysis" happens.
 *
 * Keeps one cached result per open article, keyed by document version; re-analyses on edit after a wait
 * proportional to what the last analysis cost (editDelay.ts); never stores a result computed for a version older
 * than the document's current one; forgets a document when it closes. Post-processors (manual corrections, guards) run on every result
 * before anyone sees it.
 */
import * as vscode from 'vscode';
import type { AnalysisWithMarkProblems } from '../core/analyze';
import type { Analysis } from '../core/types';
import { AnalysisIndex } from '../core/lookup';
import type { QuoteMarkProblem } from '../core/quoteMarks';
import { AnalysisCancelled } from './analysisWorker';
import { ARTICLE_LANGUAGE, onSettingsChanged, readSettings } from './config';
import { editDelayMs } from './editDelay';

/**
 * Text in, analysis and quotation-mark problems out, possibly in a worker. `key` names the document, so that a
 * newer job replaces an older one; `signal` aborts a job whose result nobody needs any more. A cancelled job
 * rejects with `AnalysisCancelled`.
 */
export type AnalysisEngine = (text: string, job?: { key: string; signal: AbortSignal }) => AnalysisWithMarkProblems | Promise<AnalysisWithMarkProblems>;

/** Texts longer than this show progress in the status bar while they are analysed. */
const PROGRESS_CHARS = 200_000;

/** Adjusts an analysis before it is handed out; gets the exact text it was computed from. */
export type PostProcessor = (analysis: Analysis, document: vscode.TextDocument, text: string) => Analysis | Promise<Analysis>;

export interface ArticleAnalysis {
  readonly uri: vscode.Uri;
  /** The document version the analysis was computed from. */
  readonly version: number;
  readonly text: string;
  readonly analysis: Analysis;
  readonly index: AnalysisIndex;
  /** The quotation-mark problems the engine worked around while pairing the marks of `text`. */
  readonly markProblems: readonly QuoteMarkProblem[];
}

interface Waiter {
  version: number;
  resolve(result: ArticleAnalysis | undefined): void;
}

interface Entry {
  result?: ArticleAnalysis;
  timer?: ReturnType<typeof setTimeout>;
  running?: Promise<ArticleAnalysis | undefined>;
  /** Aborts the running job: the document changed again or closed. */
  abort?: AbortController;
  waiters: Waiter[];
  /** Milliseconds from the start of the last completed analysis to its result being ready (engine + post-processing). */
  lastCostMs?: number;
}

export class AnalysisService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly postProcessors: PostProcessor[] = [];
  private readonly changed = new vscode.EventEmitter<ArticleAnalysis>();
  private readonly forgotten = new vscode.EventEmitter<vscode.Uri>();
  private readonly articleSetChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents declined as too large, so that the user is told once, not on every edit. */
  private readonly declined = new Set<string>();
  private settings = readSettings();

  /** A new result is available for a document. */
  readonly onDidChangeAnalysis = this.changed.event;
  /** A document was closed or stopped being an article; its result is gone. */
  readonly onDidForget = this.forgotten.event;
  /** Which documents count as articles may have changed (setting or language switch). */
  readonly onDidChangeArticleSet = this.articleSetChanged.event;

  constructor(
    private readonly engine: AnalysisEngine,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      this.forgotten,
      this.articleSetChanged,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isArticle(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        // A language switch closes and reopens the document under the new language id.
        if (this.isArticle(doc)) this.articleSetChanged.fire();
        else this.forget(doc.uri);
      }),
      onSettingsChanged(() => {
        const before = this.settings.languages.join('\n');
        const limitBefore = this.settings.maxFileSizeKB;
        this.settings = readSettings();
        if (this.settings.maxFileSizeKB !== limitBefore && this.declined.size) {
          this.declined.clear();
          this.articleSetChanged.fire();
        }
        if (this.settings.languages.join('\n') !== before) {
          for (const doc of vscode.workspace.textDocuments) if (!this.isArticle(doc)) this.forget(doc.uri);
          this.articleSetChanged.fire();
        }
      }),
    );
  }

  /** Language ids analysed as articles: always `article`, plus those in `articleAnnotator.languages`. */
  get languages(): string[] {
    return [ARTICLE_LANGUAGE, ...this.settings.languages.filter((l) => l !== ARTICLE_LANGUAGE)];
  }

  isArticle(document: vscode.TextDocument): boolean {
    return this.languages.includes(document.languageId);
  }

  /** Registers a step that adjusts every analysis before it is handed out, in registration order. */
  addPostProcessor(processor: PostProcessor): vscode.Disposable {
    this.postProcessors.push(processor);
    this.refreshAll();
    return new vscode.Disposable(() => {
      const i = this.postProcessors.indexOf(processor);
      if (i >= 0) this.postProcessors.splice(i, 1);
      this.refreshAll();
    });
  }

  /** The latest result for the document, possibly for an older version while an edit is pending. */
  latest(document: vscode.TextDocument | vscode.Uri): ArticleAnalysis | undefined {
    const uri = document instanceof vscode.Uri ? document : document.uri;
    return this.entries.get(uri.toString())?.result;
  }

  /**
   * The analysis of the document's current version. `now` analyses at once (for an explicit request such as a
   * hover or a command); `debounced` waits for the debounced run (for highlighting while the user types).
   * Resolves to undefined when the document is not an article or closes meanwhile.
   */
  analysisOf(document: vscode.TextDocument, when: 'now' | 'debounced' = 'now'): Promise<ArticleAnalysis | undefined> {
    if (!this.isArticle(document) || document.isClosed) return Promise.resolve(undefined);
    if (this.declined.has(document.uri.toString()) && this.tooLarge(document)) return Promise.resolve(undefined);
    const entry = this.entry(document.uri);
    if (entry.result && entry.result.version === document.version) return Promise.resolve(entry.result);
    const waiting = new Promise<ArticleAnalysis | undefined>((resolve) => entry.waiters.push({ version: document.version, resolve }));
    if (when === 'now') void this.run(document);
    else if (!entry.timer && !entry.running) this.schedule(document, entry.result ? undefined : 0);
    return waiting;
  }

  /** Drops every cached result and analyses the given document (or all open articles) again. */
  async refresh(document?: vscode.TextDocument): Promise<ArticleAnalysis | undefined> {
    const docs = document ? [document] : vscode.workspace.textDocuments.filter((d) => this.entries.has(d.uri.toString()));
    const results = await Promise.all(
      docs.map((d) => {
        const entry = this.entries.get(d.uri.toString());
        if (entry) entry.result = undefined;
        return this.analysisOf(d, 'now');
      }),
    );
    return results[0];
  }

  /** Tells listeners that the set of article documents changed (after a language switch, for instance). */
  notifyArticleSetChanged(): void {
    this.articleSetChanged.fire();
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const entry = this.entries.get(doc.uri.toString());
      if (entry?.result) {
        entry.result = undefined;
        this.schedule(doc, 0);
      }
    }
  }

  private entry(uri: vscode.Uri): Entry {
    const key = uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { waiters: [] };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    const entry = this.entry(document.uri);
    delay ??= editDelayMs(this.settings.debounceMs, entry.lastCostMs);
    if (entry.timer) clearTimeout(entry.timer);
    // The running job is for an older version: stop it rather than wait for a result that will be thrown away.
    entry.abort?.abort();
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.run(document);
    }, delay);
  }

  private async run(document: vscode.TextDocument): Promise<ArticleAnalysis | undefined> {
    const entry = this.entry(document.uri);
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    // One run at a time per document; a run for an older version is followed by one for the current version.
    while (entry.running) await entry.running;
    if (entry.result?.version === document.version) return this.settle(entry, entry.result);
    if (this.tooLarge(document)) return this.decline(document, entry);
    const running = this.compute(document);
    entry.running = running;
    try {
      const result = await running;
      if (this.entries.get(document.uri.toString()) !== entry) return undefined;
      if (!result) {
        // The engine failed: hand out the previous result rather than leave callers waiting.
        for (const w of entry.waiters.splice(0)) w.resolve(entry.result);
        return undefined;
      }
      if (document.isClosed || document.version !== result.version) {
        // Stale: the document changed while analysing. Its change event scheduled a fresh run.
        if (!entry.timer && !document.isClosed) this.schedule(document, 0);
        return undefined;
      }
      entry.result = result;
      this.changed.fire(result);
      return this.settle(entry, result);
    } finally {
      if (entry.running === running) entry.running = undefined;
    }
  }

  private settle(entry: Entry, result: ArticleAnalysis): ArticleAnalysis {
    const ready = entry.waiters.filter((w) => w.version <= result.version);
    entry.waiters = entry.waiters.filter((w) => w.version > result.version);
    for (const w of ready) w.resolve(result);
    return result;
  }

  /** Length of the document in UTF-16 units, without copying its text. */
  private static length(document: vscode.TextDocument): number {
    return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  }

  private tooLarge(document: vscode.TextDocument): boolean {
    const limitKB = this.settings.maxFileSizeKB;
    const large = limitKB > 0 && AnalysisService.length(document) > limitKB * 1024;
    if (!large) this.declined.delete(document.uri.toString());
    return large;
  }

  /** Drops what was shown for a document that grew past the size limit, and says why, once. */
  private decline(document: vscode.TextDocument, entry: Entry): undefined {
    const key = document.uri.toString();
    const shown = entry.result !== undefined || !this.declined.has(key);
    entry.result = undefined;
    for (const w of entry.waiters.splice(0)) w.resolve(undefined);
    if (shown) this.forgotten.fire(document.uri);
    if (!this.declined.has(key)) {
      this.declined.add(key);
      const sizeKB = Math.round(AnalysisService.length(document) / 1024);
      const name = document.uri.path.split('/').pop() ?? key;
      const message = `Article Annotator: ${name} is ${sizeKB.toLocaleString('en-US')} KB, more than the ${this.settings.maxFileSizeKB.toLocaleString('en-US')} KB limit (articleAnnotator.maxFileSizeKB), so it is not analysed. The command line analyses files of any size: article-annotator analyze FILE.`;
      void vscode.window.showWarningMessage(message, 'Change the Limit').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'articleAnnotator.maxFileSizeKB');
      });
    }
    return undefined;
  }

  private async compute(document: vscode.TextDocument): Promise<ArticleAnalysis | undefined> {
    // Let the caller (activation, an event handler) return before the engine runs.
    await Promise.resolve();
    const version = document.version;
    const started = performance.now();
    const text = document.getText();
    const entry = this.entry(document.uri);
    const abort = new AbortController();
    entry.abort = abort;
    try {
      const job = this.engine(text, { key: document.uri.toString(), signal: abort.signal });
      const computed =
        text.length > PROGRESS_CHARS
          ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Analysing the article…' }, () => Promise.resolve(job))
          : await job;
      let analysis = computed.analysis;
      for (const processor of this.postProcessors) analysis = await processor(analysis, document, text);
      entry.lastCostMs = performance.now() - started;
      return { uri: document.uri, version, text, analysis, index: new AnalysisIndex(analysis), markProblems: computed.quoteMarkProblems };
    } catch (e) {
      if (!(e instanceof AnalysisCancelled)) this.log?.error(`Analysis of ${document.uri.toString(true)} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return undefined;
    } finally {
      if (entry.abort === abort) entry.abort = undefined;
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.abort?.abort();
    this.entries.delete(key);
    for (const w of entry.waiters) w.resolve(undefined);
    this.forgotten.fire(uri);
  }

  dispose(): void {
    for (const key of [...this.entries.keys()]) this.forget(vscode.Uri.parse(key));
    for (const d of this.disposables) d.dispose();
  }
}
