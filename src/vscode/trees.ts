/**
 * The sidebar: Actors (grouped by type, with their quotes and demands), Demands and Quotes, all about the
 * active article. Clicking a row selects its span in the editor.
 */
import * as vscode from 'vscode';
import type { Actor, Demand, EntityType, Quote, Span } from '../core/types';
import { shorten, type AnalysisIndex } from '../core/lookup';
import type { ArticleAnalysis } from './analysisService';
import type { ActiveArticle } from './activeArticle';
import type { Feature } from './feature';
import { REVEAL_SPAN, type RevealSpanArgs } from './reveal';
import { escapeMarkdown as escape } from './selector';

export type ActorGroup = 'person' | 'organization' | 'location' | 'other';
export const ACTOR_GROUPS: { group: ActorGroup; label: string; icon: string }[] = [
  { group: 'person', label: 'People', icon: 'person' },
  { group: 'organization', label: 'Organizations', icon: 'organization' },
  { group: 'location', label: 'Places', icon: 'location' },
  { group: 'other', label: 'Other', icon: 'symbol-misc' },
];

export function groupOf(type: EntityType): ActorGroup {
  return type === 'person' || type === 'organization' || type === 'location' ? type : 'other';
}

export function actorIcon(type: EntityType): string {
  return ACTOR_GROUPS.find((g) => g.group === groupOf(type))!.icon;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "holder → addressee: content", with "?" for a side the engine could not name. */
export function demandLabel(demand: Demand, index: AnalysisIndex): string {
  const holder = index.actorName(demand.holder) ?? '?';
  const addressee = index.actorName(demand.addressee) ?? '?';
  return `${holder} → ${addressee}: ${shorten(demand.content?.text ?? demand.text, 70)}`;
}

/** Verbatim words in quotation marks; reported speech (an indirect quote) without them, since it is not verbatim. */
export function quoteLabel(quote: Quote): string {
  return quote.kind === 'indirect' ? shorten(quote.text, 60) : `“${shorten(quote.text, 60)}”`;
}

type Node =
  | { kind: 'group'; group: ActorGroup; actors: Actor[] }
  | { kind: 'actor'; actor: Actor }
  | { kind: 'quote'; quote: Quote; under?: string }
  | { kind: 'demand'; demand: Demand; under?: string };

abstract class ArticleTree implements vscode.TreeDataProvider<Node> {
  protected readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(protected readonly active: ActiveArticle) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  protected get result(): ArticleAnalysis | undefined {
    return this.active.result;
  }

  abstract getChildren(node?: Node): Node[];
  abstract title(): string;

  getTreeItem(node: Node): vscode.TreeItem {
    const result = this.result;
    if (!result) return new vscode.TreeItem('');
    const { index } = result;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(ACTOR_GROUPS.find((g) => g.group === node.group)!.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.group}`;
        item.description = String(node.actors.length);
        item.iconPath = new vscode.ThemeIcon(ACTOR_GROUPS.find((g) => g.group === node.group)!.icon);
        item.contextValue = 'actorGroup';
        return item;
      }
      case 'actor': {
        const { actor } = node;
        const quotes = index.quotesOf(actor.id).length;
        const demands = index.demandsOf(actor.id).length;
        const item = new vscode.TreeItem(actor.name, quotes + demands ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `actor:${actor.id}`;
        item.description = [plural(actor.mentions.length, 'mention'), quotes ? plural(quotes, 'quote') : '', demands ? plural(demands, 'demand') : '']
          .filter(Boolean)
          .join(' · ');
        const members = (actor.members ?? []).map((id) => index.actorName(id)).filter((name): name is string => !!name);
        if (members.length) item.description = [`group of ${members.length}`, item.description].filter(Boolean).join(' · ');
        const tooltip = new vscode.MarkdownString(`**${escape(actor.name)}** — ${members.length ? 'people named together' : actor.type}\n\n`);
        if (members.length) tooltip.appendMarkdown(`Members: ${members.map(escape).join(', ')}\n\n`);
        if (actor.aliases.length) tooltip.appendMarkdown(`Also: ${actor.aliases.filter((a) => a !== actor.name).map(escape).join(', ') || '—'}`);
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon(actorIcon(actor.type));
        item.contextValue = 'actor';
        const definition = index.definitionOf(actor, result.text);
        if (definition) item.command = reveal(result, definition, actor.name);
        return item;
      }
      case 'quote': {
        const { quote } = node;
        const item = new vscode.TreeItem(quoteLabel(quote), vscode.TreeItemCollapsibleState.None);
        item.description = node.under ? quote.cue?.text : (index.actorName(quote.speaker?.actor) ?? quote.speaker?.text ?? 'unattributed');
        item.tooltip = new vscode.MarkdownString(
          `> ${escape(quote.text)}\n\n${quote.kind} quote · speaker: ${escape(index.actorName(quote.speaker?.actor) ?? quote.speaker?.text ?? 'unattributed')}` +
            (quote.cue ? ` · cue: “${escape(quote.cue.text)}”` : ''),
        );
        if (quote.manual) item.description = confirmed(item.description);
        item.iconPath = new vscode.ThemeIcon(quote.kind === 'indirect' ? 'comment' : 'quote');
        item.contextValue = 'quote';
        item.command = reveal(result, quote, 'quote');
        return item;
      }
      case 'demand': {
        const { demand } = node;
        const item = new vscode.TreeItem(demandLabel(demand, index), vscode.TreeItemCollapsibleState.None);
        item.description = demand.cue?.text;
        item.tooltip = new vscode.MarkdownString(
          `**${escape(index.actorName(demand.holder) ?? '?')} → ${escape(index.actorName(demand.addressee) ?? '?')}**\n\n> ${escape(demand.text)}` +
            (demand.cue ? `\n\ncue: “${escape(demand.cue.text)}”` : ''),
        );
        if (demand.manual) item.description = confirmed(item.description);
        item.iconPath = new vscode.ThemeIcon('megaphone');
        item.contextValue = 'demand';
        item.command = reveal(result, demand, 'demand');
        return item;
      }
    }
  }
}

export class ActorsTree extends ArticleTree {
  private hidden = new Set<ActorGroup>();

  get filter(): ReadonlySet<ActorGroup> {
    return this.hidden;
  }

  setHiddenGroups(groups: Iterable<ActorGroup>): void {
    this.hidden = new Set(groups);
    void vscode.commands.executeCommand('setContext', 'articleAnnotator.actorFilterActive', this.hidden.size > 0);
    this.refresh();
  }

  private visibleActors(): Actor[] {
    return (this.result?.analysis.actors ?? []).filter((a) => !this.hidden.has(groupOf(a.type)));
  }

  title(): string {
    const result = this.result;
    if (!result) return 'Actors';
    const shown = this.visibleActors().length;
    const all = result.analysis.actors.length;
    return shown === all ? `Actors (${all})` : `Actors (${shown} of ${all})`;
  }

  getChildren(node?: Node): Node[] {
    const result = this.result;
    if (!result) return [];
    if (!node) {
      const byMentions = (a: Actor, b: Actor): number => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name);
      const actors = this.visibleActors();
      return ACTOR_GROUPS.map(({ group }) => ({ kind: 'group' as const, group, actors: actors.filter((a) => groupOf(a.type) === group).sort(byMentions) })).filter(
        (g) => g.actors.length > 0,
      );
    }
    if (node.kind === 'group') return node.actors.map((actor) => ({ kind: 'actor', actor }));
    if (node.kind === 'actor') {
      const under = `actor:${node.actor.id}`;
      return [
        ...result.index.quotesOf(node.actor.id).map((quote): Node => ({ kind: 'quote', quote, under })),
        ...result.index.demandsOf(node.actor.id).map((demand): Node => ({ kind: 'demand', demand, under })),
      ];
    }
    return [];
  }
}

export class DemandsTree extends ArticleTree {
  title(): string {
    const n = this.result?.analysis.demands.length;
    return n === undefined ? 'Demands' : `Demands (${n})`;
  }

  getChildren(node?: Node): Node[] {
    if (node || !this.result) return [];
    return [...this.result.analysis.demands].sort((a, b) => a.start - b.start).map((demand) => ({ kind: 'demand', demand }));
  }
}

export class QuotesTree extends ArticleTree {
  title(): string {
    const n = this.result?.analysis.quotes.length;
    return n === undefined ? 'Quotes' : `Quotes (${n})`;
  }

  getChildren(node?: Node): Node[] {
    if (node || !this.result) return [];
    return this.result.index.quotes.map((quote) => ({ kind: 'quote', quote }));
  }
}

/** Marks a row the user confirmed through a correction. */
function confirmed(description: string | boolean | undefined): string {
  return typeof description === 'string' && description ? `${description} · confirmed` : 'confirmed';
}

function reveal(result: ArticleAnalysis, span: Span, title: string): vscode.Command {
  const args: RevealSpanArgs = { uri: result.uri.toString(), start: span.start, end: span.end };
  return { command: REVEAL_SPAN, title: `Reveal ${title}`, arguments: [args] };
}

const FILTER_KEY = 'articleAnnotator.hiddenActorGroups';

export const registerTrees: Feature = ({ active, extension }) => {
  const actors = new ActorsTree(active);
  const trees: [string, ArticleTree][] = [
    ['articleAnnotator.actors', actors],
    ['articleAnnotator.demands', new DemandsTree(active)],
    ['articleAnnotator.quotes', new QuotesTree(active)],
  ];
  const views = trees.map(([id, tree]) => {
    const view = vscode.window.createTreeView(id, { treeDataProvider: tree, showCollapseAll: true });
    return { view, tree };
  });
  const update = (): void => {
    for (const { view, tree } of views) {
      tree.refresh();
      view.title = tree.title();
    }
  };
  actors.setHiddenGroups(extension.workspaceState.get<ActorGroup[]>(FILTER_KEY, []));
  update();

  /** Asks which actor types to show; a list of types to hide may be passed instead (from a keybinding or a test). */
  const pickFilter = async (hide?: ActorGroup[]): Promise<void> => {
    if (Array.isArray(hide)) {
      actors.setHiddenGroups(hide);
      await extension.workspaceState.update(FILTER_KEY, hide);
      update();
      return;
    }
    const picks = await vscode.window.showQuickPick(
      ACTOR_GROUPS.map(({ group, label, icon }) => ({ label: `$(${icon}) ${label}`, group, picked: !actors.filter.has(group) })),
      { canPickMany: true, title: 'Show Actors of These Types' },
    );
    if (!picks) return;
    const shown = new Set(picks.map((p) => p.group));
    const hidden = ACTOR_GROUPS.map((g) => g.group).filter((g) => !shown.has(g));
    actors.setHiddenGroups(hidden);
    await extension.workspaceState.update(FILTER_KEY, hidden);
    update();
  };
  const clearFilter = async (): Promise<void> => {
    actors.setHiddenGroups([]);
    await extension.workspaceState.update(FILTER_KEY, []);
    update();
  };

  return [
    ...views.map(({ view }) => view),
    active.onDidChange(update),
    vscode.commands.registerCommand('articleAnnotator.filterActors', pickFilter),
    vscode.commands.registerCommand('articleAnnotator.clearActorFilter', clearFilter),
  ];
};
