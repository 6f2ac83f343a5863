/**
 * The user's corrections in the editor: the sidecar is applied to every analysis (so highlighting,
 * sidebar, hover and exports show the merged view), what the user marked gets a "confirmed" underline,
 * and the Corrections view lists every correction of the active article, orphaned ones first.
 * After a save, corrections whose text moved get their stored position and context refreshed.
 */
import * as vscode from 'vscode';
import type { SidecarAnnotation } from '../core/annotations';
import { reanchorSidecar } from '../core/annotations';
import type { OrphanedAnnotation, PlacedAnnotation } from '../core/corrections';
import { applyCorrections } from '../core/corrections';
import { shorten } from '../core/lookup';
import type { Span } from '../core/types';
import type { ActiveArticle } from './activeArticle';
import type { AnalysisService } from './analysisService';
import type { Feature } from './feature';
import { REVEAL_SPAN, type RevealSpanArgs } from './reveal';
import { toRange } from './ranges';
import type { SidecarState } from './sidecar';
import { SidecarStore } from './sidecar';
import { registerAnnotationCommands } from './annotate';

export interface ArticleCorrections {
  uri: vscode.Uri;
  /** The document version the corrections were placed in. */
  version: number;
  state: SidecarState | undefined;
  placed: PlacedAnnotation[];
  orphaned: OrphanedAnnotation[];
  /** Renames and merges that were applied. */
  actorEdits: SidecarAnnotation[];
}

/** Corrections per open article, kept in step with the analysis service. */
export class CorrectionsModel implements vscode.Disposable {
  private readonly byUri = new Map<string, ArticleCorrections>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    readonly service: AnalysisService,
    readonly store: SidecarStore,
  ) {
    this.disposables.push(
      service.addPostProcessor(async (analysis, document, text) => {
        const state = await store.get(document.uri);
        const sidecar = state?.status === 'ok' ? state.sidecar : null;
        const merged = applyCorrections(text, analysis, sidecar);
        const orphanedIds = new Set(merged.orphaned.map((o) => o.annotation.id));
        this.byUri.set(document.uri.toString(), {
          uri: document.uri,
          version: document.version,
          state,
          placed: merged.manual,
          orphaned: merged.orphaned,
          actorEdits: (sidecar?.annotations ?? []).filter((a) => !a.target.selector && !orphanedIds.has(a.id)),
        });
        this.changed.fire(document.uri);
        return merged.analysis;
      }),
      store.onDidChange((article) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === article.toString());
        if (document && service.isArticle(document)) void service.refresh(document);
      }),
      service.onDidForget((uri) => {
        this.byUri.delete(uri.toString());
        store.forget(uri);
        this.changed.fire(uri);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => void this.reanchorAfterSave(document)),
    );
  }

  of(uri: vscode.Uri): ArticleCorrections | undefined {
    return this.byUri.get(uri.toString());
  }

  /** Stores the current place of corrections whose text moved, once the text they were placed in is on disk. */
  private async reanchorAfterSave(document: vscode.TextDocument): Promise<void> {
    if (!this.service.isArticle(document)) return;
    const result = await this.service.analysisOf(document, 'now');
    const corrections = this.of(document.uri);
    if (!result || !corrections || corrections.version !== document.version || document.isDirty) return;
    if (corrections.state?.status !== 'ok' || !corrections.placed.some((p) => p.method !== 'position')) return;
    const spans = new Map<string, Span>(corrections.placed.map((p) => [p.annotation.id, p.span]));
    const text = result.text;
    try {
      await this.store.update(document.uri, (sidecar) => reanchorSidecar(sidecar, text, spans));
    } catch {
      // A sidecar that became unreadable meanwhile has been reported by the store.
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// The Corrections view

type CorrectionNode =
  | { kind: 'group'; label: string; icon: string; items: CorrectionNode[]; id: string }
  | { kind: 'correction'; annotation: SidecarAnnotation; span?: Span; reason?: string; uri: vscode.Uri }
  | { kind: 'problem'; message: string; uri: vscode.Uri };

export function describeCorrection(a: SidecarAnnotation): string {
  const body = a.body;
  switch (body.type) {
    case 'person':
    case 'organization':
    case 'location':
      return body.actor ? `${body.type} · ${body.actor}` : body.type;
    case 'quote':
      return body.speaker ? `quote · ${body.speaker}` : 'quote';
    case 'demand':
      return `demand · ${body.holder ?? '?'} → ${body.addressee ?? '?'}`;
    case 'rejection':
      return `not a ${body.rejects}`;
    case 'rename':
      return `rename “${body.actor}” to “${body.name}”`;
    case 'merge':
      return `merge “${body.actor}” into “${body.into}”`;
  }
}

const TYPE_ICONS: Record<string, string> = {
  person: 'person',
  organization: 'organization',
  location: 'location',
  quote: 'quote',
  demand: 'megaphone',
  rejection: 'circle-slash',
  rename: 'edit',
  merge: 'merge',
};

class CorrectionsTree implements vscode.TreeDataProvider<CorrectionNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly active: ActiveArticle,
    private readonly model: CorrectionsModel,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  count(): number | undefined {
    const c = this.current();
    return c ? c.placed.length + c.orphaned.length + c.actorEdits.length : undefined;
  }

  private current(): ArticleCorrections | undefined {
    const document = this.active.document;
    return document ? this.model.of(document.uri) : undefined;
  }

  getChildren(node?: CorrectionNode): CorrectionNode[] {
    if (node) return node.kind === 'group' ? node.items : [];
    const c = this.current();
    if (!c) return [];
    const out: CorrectionNode[] = [];
    if (c.state?.status === 'corrupt') out.push({ kind: 'problem', message: `${vscode.workspace.asRelativePath(c.state.uri)}: ${c.state.problem}`, uri: c.state.uri });
    const correction = (annotation: SidecarAnnotation, span?: Span, reason?: string): CorrectionNode => ({ kind: 'correction', annotation, span, reason, uri: c.uri });
    const group = (id: string, label: string, icon: string, items: CorrectionNode[]): void => {
      if (items.length) out.push({ kind: 'group', id, label: `${label} (${items.length})`, icon, items });
    };
    group('orphaned', 'Orphaned', 'warning', c.orphaned.map((o) => correction(o.annotation, undefined, o.reason)));
    group('marked', 'Marked', 'pass', c.placed.filter((p) => p.annotation.body.type !== 'rejection').map((p) => correction(p.annotation, p.span)));
    group('rejected', 'Rejected', 'circle-slash', c.placed.filter((p) => p.annotation.body.type === 'rejection').map((p) => correction(p.annotation, p.span)));
    group('actors', 'Actor changes', 'edit', c.actorEdits.map((a) => correction(a)));
    return out;
  }

  getTreeItem(node: CorrectionNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `corrections:${node.id}`;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      return item;
    }
    if (node.kind === 'problem') {
      const item = new vscode.TreeItem('Corrections file not used', vscode.TreeItemCollapsibleState.None);
      item.description = node.message;
      item.tooltip = node.message;
      item.iconPath = new vscode.ThemeIcon('error');
      item.command = { command: 'vscode.open', title: 'Open Corrections File', arguments: [node.uri] };
      return item;
    }
    const { annotation, span, reason } = node;
    const selector = annotation.target.selector;
    const label = selector ? `“${shorten(selector[0].exact, 50)}”` : describeCorrection(annotation);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `correction:${annotation.id}`;
    item.description = reason ?? (selector ? describeCorrection(annotation) : undefined);
    item.tooltip = new vscode.MarkdownString().appendText(`${describeCorrection(annotation)}\n\n${reason ? `Orphaned: ${reason}\n\n` : ''}Made ${annotation.created}`);
    item.iconPath = new vscode.ThemeIcon(reason ? 'warning' : (TYPE_ICONS[annotation.body.type] ?? 'pass'));
    item.contextValue = reason ? 'orphanedCorrection' : 'correction';
    if (span) {
      const args: RevealSpanArgs = { uri: node.uri.toString(), start: span.start, end: span.end };
      item.command = { command: REVEAL_SPAN, title: 'Reveal', arguments: [args] };
    }
    return item;
  }
}

// ---------------------------------------------------------------------------------------------

export const CORRECTIONS_VIEW = 'articleAnnotator.corrections';

export function registerCorrectionsView(ctx: { active: ActiveArticle; service: AnalysisService }, model: CorrectionsModel): vscode.Disposable[] {
  const tree = new CorrectionsTree(ctx.active, model);
  const view = vscode.window.createTreeView(CORRECTIONS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const confirmed = vscode.window.createTextEditorDecorationType({
    borderStyle: 'solid',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('articleAnnotator.confirmedBorder'),
    overviewRulerColor: new vscode.ThemeColor('articleAnnotator.confirmedBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const decorate = (editor: vscode.TextEditor): void => {
    const result = ctx.service.isArticle(editor.document) ? ctx.service.latest(editor.document) : undefined;
    const analysis = result?.analysis;
    const spans: Span[] = analysis ? [...analysis.entities, ...analysis.quotes, ...analysis.demands].filter((s) => s.manual) : [];
    editor.setDecorations(
      confirmed,
      spans.map((s) => ({ range: toRange(editor.document, s), hoverMessage: new vscode.MarkdownString('$(pass) Confirmed by you', true) })),
    );
  };
  const update = (): void => {
    tree.refresh();
    const n = tree.count();
    view.title = n === undefined ? 'Corrections' : `Corrections (${n})`;
    vscode.window.visibleTextEditors.forEach(decorate);
  };
  update();
  return [view, confirmed, ctx.active.onDidChange(update), model.onDidChange(update), vscode.window.onDidChangeVisibleTextEditors(() => vscode.window.visibleTextEditors.forEach(decorate))];
}

export const registerCorrections: Feature = (ctx) => {
  const store = new SidecarStore(ctx.log);
  const model = new CorrectionsModel(ctx.service, store);
  return [store, model, ...registerCorrectionsView(ctx, model), ...registerAnnotationCommands(ctx, model)];
};
