/**
 * The Workspace Actors view: every article in the workspace indexed in the background, each actor with
 * the articles that name or quote it and its demands across articles. Indexing starts when the view
 * is first shown, reports progress, yields to the editor between files, respects `files.exclude`
 * (the default excludes of `findFiles`) and afterwards follows file changes one file at a time.
 */
import * as vscode from 'vscode';
import { parseSidecar, SIDECAR_SUFFIX } from '../core/annotations';
import type { Sidecar } from '../core/annotations';
import type { Analysis } from '../core/types';
import { shorten } from '../core/lookup';
import type { ActorInArticle, DemandInArticle, WorkspaceActor } from '../core/workspaceIndex';
import { WorkspaceIndex } from '../core/workspaceIndex';
import type { AnalysisService } from './analysisService';
import { WorkerAnalysisEngine } from './analysisWorker';
import { onSettingsChanged } from './config';
import type { Feature } from './feature';
import { REVEAL_SPAN, type RevealSpanArgs } from './reveal';
import { articleUriFor } from './sidecar';
import { actorIcon } from './trees';

export const WORKSPACE_ACTORS_VIEW = 'articleAnnotator.workspaceActors';
const ARTICLE_EXTENSIONS = ['article', 'news'];
const MAX_FILES = 20_000;
/** Longest stretch of indexing before yielding to the extension host's event loop, in ms. */
const SLICE_MS = 25;
/** Indexing that takes longer than this shows a progress notification. */
const NOTIFY_AFTER_MS = 1000;
/** Exports written beside articles are not articles themselves. */
const EXPORT_SUFFIXES = ['.report.md', SIDECAR_SUFFIX];

/** File extensions that other extensions (and `files.associations`) give to a language id. */
function extensionsOf(language: string): { extensions: string[]; patterns: string[] } {
  const extensions: string[] = [];
  const patterns: string[] = [];
  for (const ext of vscode.extensions.all) {
    const languages = (ext.packageJSON?.contributes?.languages ?? []) as { id?: string; extensions?: string[] }[];
    for (const l of languages) if (l.id === language) for (const e of l.extensions ?? []) if (/^\.[\w.-]+$/.test(e)) extensions.push(e.slice(1));
  }
  const associations = vscode.workspace.getConfiguration('files').get<Record<string, string>>('associations') ?? {};
  for (const [pattern, id] of Object.entries(associations)) if (id === language) patterns.push(pattern.includes('/') ? pattern : `**/${pattern}`);
  return { extensions, patterns };
}

/** The globs of article files for the article languages (VS Code globs do not nest braces, so one per kind). */
export function articleGlobs(languages: readonly string[]): string[] {
  const extensions = new Set(ARTICLE_EXTENSIONS);
  const patterns = new Set<string>();
  for (const language of languages) {
    const found = extensionsOf(language);
    for (const e of found.extensions) extensions.add(e.toLowerCase());
    for (const p of found.patterns) patterns.add(p);
  }
  return [`**/*.{${[...extensions].sort().join(',')}}`, ...patterns];
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const text = UTF8.decode(await vscode.workspace.fs.readFile(uri));
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The article's corrections, or none when there is no sidecar or it cannot be used (the editor reports that). */
async function readSidecar(article: vscode.Uri): Promise<Sidecar | null> {
  try {
    const json = UTF8.decode(await vscode.workspace.fs.readFile(article.with({ path: article.path + SIDECAR_SUFFIX })));
    const parsed = parseSidecar(json, fileName(article));
    return parsed.ok ? parsed.sidecar : null;
  } catch {
    return null;
  }
}

type Node =
  | { kind: 'actor'; actor: WorkspaceActor }
  | { kind: 'article'; actor: WorkspaceActor; article: ActorInArticle }
  | { kind: 'demand'; actor: WorkspaceActor; demand: DemandInArticle };

export class WorkspaceActorsModel implements vscode.Disposable, vscode.TreeDataProvider<Node> {
  readonly index = new WorkspaceIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watching: vscode.Disposable | undefined;
  private globs: string[] = [];
  private indexing: Promise<void> | undefined;
  private indexed = false;
  private pending = new Map<string, 'update' | 'remove'>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly service: AnalysisService,
    /** Analyses indexed files off the extension host's thread, apart from the editor's own analysis jobs. */
    private readonly analyze: (text: string, key: string) => Promise<Analysis>,
  ) {
    this.disposables.push(
      onSettingsChanged(() => {
        if (this.indexed) void this.reindex();
      }, 'languages'),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.indexed) void this.reindex();
      }),
    );
  }

  /** Indexes the workspace once; later calls wait for the same run. */
  ensureIndexed(): Promise<void> {
    this.indexing ??= this.indexAll();
    return this.indexing;
  }

  reindex(): Promise<void> {
    this.indexing = this.indexAll();
    return this.indexing;
  }

  private isCandidate(uri: vscode.Uri): boolean {
    return !EXPORT_SUFFIXES.some((s) => uri.path.endsWith(s));
  }

  private async indexAll(): Promise<void> {
    this.globs = articleGlobs(this.service.languages);
    this.watch();
    // `undefined` as exclude: the user's files.exclude applies.
    const found = await Promise.all(this.globs.map((glob) => vscode.workspace.findFiles(glob, undefined, MAX_FILES)));
    const unique = new Map(found.flat().map((u) => [u.toString(), u]));
    const files = [...unique.values()].filter((u) => this.isCandidate(u)).sort((a, b) => a.path.localeCompare(b.path));
    const cancel = new vscode.CancellationTokenSource();
    const progress = new vscode.EventEmitter<number>();
    // A notification only when indexing takes a while; a handful of articles is done before it would show.
    const notify = setTimeout(() => {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Indexing articles', cancellable: true }, (report, token) => {
        token.onCancellationRequested(() => cancel.cancel());
        let reported = 0;
        return new Promise<void>((resolve) => {
          progress.event((done) => {
            report.report({ message: `${done.toLocaleString('en-US')} of ${files.length.toLocaleString('en-US')}`, increment: ((done - reported) / files.length) * 100 });
            reported = done;
            if (done >= files.length) resolve();
          });
        });
      });
    }, NOTIFY_AFTER_MS);
    try {
      this.index.clear();
      let sliceStart = Date.now();
      for (let i = 0; i < files.length && !cancel.token.isCancellationRequested; i++) {
        await this.indexFile(files[i]);
        if (Date.now() - sliceStart >= SLICE_MS) {
          this.message = `Indexing ${(i + 1).toLocaleString('en-US')} of ${files.length.toLocaleString('en-US')} articles…`;
          progress.fire(i + 1);
          await new Promise((resolve) => setTimeout(resolve, 0));
          sliceStart = Date.now();
        }
      }
    } finally {
      clearTimeout(notify);
      progress.fire(files.length);
      progress.dispose();
      cancel.dispose();
      this.message = undefined;
    }
    this.indexed = true;
    this.changed.fire();
  }

  private progressMessage: string | undefined;
  private readonly messageChanged = new vscode.EventEmitter<string | undefined>();
  /** The text shown above the tree while indexing changed. */
  readonly onDidChangeMessage = this.messageChanged.event;

  /** Shown above the tree while indexing. */
  get message(): string | undefined {
    return this.progressMessage;
  }

  private set message(value: string | undefined) {
    this.progressMessage = value;
    this.messageChanged.fire(value);
  }

  private async indexFile(uri: vscode.Uri): Promise<void> {
    const text = await readText(uri);
    if (text === undefined) {
      this.index.remove(uri.toString());
      return;
    }
    const analysis = await this.analyze(text, uri.toString());
    this.index.update(uri.toString(), vscode.workspace.asRelativePath(uri), text, analysis, await readSidecar(uri));
  }

  private watch(): void {
    this.watching?.dispose();
    const watchers = this.globs.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
    const sidecars = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onSidecar = (uri: vscode.Uri): void => {
      const article = articleUriFor(uri);
      if (article && this.index.has(article.toString())) this.queue(article, 'update');
    };
    const disposables: vscode.Disposable[] = [
      ...watchers,
      sidecars,
      ...watchers.flatMap((watcher) => [
        watcher.onDidCreate((u) => this.isCandidate(u) && this.queue(u, 'update')),
        watcher.onDidChange((u) => this.isCandidate(u) && this.queue(u, 'update')),
        watcher.onDidDelete((u) => this.queue(u, 'remove')),
      ]),
      sidecars.onDidChange(onSidecar),
      sidecars.onDidCreate(onSidecar),
      sidecars.onDidDelete(onSidecar),
    ];
    this.watching = vscode.Disposable.from(...disposables);
  }

  /** Collects file changes for a moment, then re-indexes just those files. */
  private queue(uri: vscode.Uri, what: 'update' | 'remove'): void {
    this.pending.set(uri.toString(), what);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), 200);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    await this.indexing;
    for (const [key, what] of batch) {
      const uri = vscode.Uri.parse(key);
      if (what === 'remove') this.index.remove(key);
      else if (!vscode.workspace.getWorkspaceFolder(uri)) continue;
      else await this.indexFile(uri);
    }
    this.changed.fire();
  }

  title(): string {
    if (!this.indexed) return 'Workspace Actors';
    return `Workspace Actors (${this.index.actors().length} in ${this.index.size} articles)`;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (!this.indexed) {
        void this.ensureIndexed();
        return [];
      }
      return this.index.actors().map((actor) => ({ kind: 'actor', actor }));
    }
    if (node.kind !== 'actor') return [];
    return [
      ...node.actor.articles.map((article): Node => ({ kind: 'article', actor: node.actor, article })),
      ...node.actor.demands.map((demand): Node => ({ kind: 'demand', actor: node.actor, demand })),
    ];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
    if (node.kind === 'actor') {
      const { actor } = node;
      const item = new vscode.TreeItem(actor.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `workspaceActor:${actor.type}:${actor.name}`;
      item.description = [plural(actor.articles.length, 'article'), actor.quotes ? plural(actor.quotes, 'quote') : '', actor.demands.length ? plural(actor.demands.length, 'demand') : '']
        .filter(Boolean)
        .join(' · ');
      const aliases = actor.aliases.filter((a) => a !== actor.name);
      item.tooltip = `${actor.name} — ${actor.type}${aliases.length ? `\nAlso: ${aliases.join(', ')}` : ''}\n${plural(actor.mentions, 'mention')} in ${plural(actor.articles.length, 'article')}`;
      item.iconPath = new vscode.ThemeIcon(actorIcon(actor.type));
      item.contextValue = 'workspaceActor';
      return item;
    }
    if (node.kind === 'article') {
      const { article } = node;
      const item = new vscode.TreeItem(article.name, vscode.TreeItemCollapsibleState.None);
      item.description = [plural(article.mentions, 'mention'), article.quotes ? plural(article.quotes, 'quote') : ''].filter(Boolean).join(' · ');
      item.iconPath = vscode.ThemeIcon.File;
      item.resourceUri = vscode.Uri.parse(article.id);
      item.command = open(article.id, article.first ?? { start: 0, end: 0 }, `Open ${article.name}`);
      return item;
    }
    const { demand } = node;
    const label = `${demand.holder ?? '?'} → ${demand.addressee ?? '?'}: ${shorten(demand.content, 70)}`;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.description = demand.name;
    item.tooltip = `${label}\n${demand.name}`;
    item.iconPath = new vscode.ThemeIcon('megaphone');
    item.command = open(demand.id, demand, 'Open the demand');
    return item;
  }

  dispose(): void {
    this.messageChanged.dispose();
    if (this.timer) clearTimeout(this.timer);
    this.watching?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function open(uri: string, span: { start: number; end: number }, title: string): vscode.Command {
  const args: RevealSpanArgs = { uri, start: span.start, end: span.end };
  return { command: REVEAL_SPAN, title, arguments: [args] };
}

export const registerWorkspaceActors: Feature = ({ service, extension }) => {
  const worker = new WorkerAnalysisEngine({ script: extension.asAbsolutePath('dist/analysisWorker.js'), maxHeapMb: 1024 });
  const model = new WorkspaceActorsModel(service, (text, key) => worker.analyze(text, { key: `workspace:${key}` }));
  const view = vscode.window.createTreeView(WORKSPACE_ACTORS_VIEW, { treeDataProvider: model, showCollapseAll: true });
  return [
    { dispose: () => worker.dispose() },
    model,
    view,
    model.onDidChangeTreeData(() => (view.title = model.title())),
    model.onDidChangeMessage((message) => (view.message = message)),
    // Returns what the view lists; `{ reindex: false }` lists what is indexed now, without indexing again.
    vscode.commands.registerCommand('articleAnnotator.refreshWorkspaceActors', async (options?: { reindex?: boolean }) => {
      await (options?.reindex === false ? model.ensureIndexed() : model.reindex());
      return model.index.actors().map((a) => ({ name: a.name, type: a.type, articles: a.articles.map((x) => x.name), demands: a.demands.length }));
    }),
  ];
};
