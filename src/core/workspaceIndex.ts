/**
 * Actors across many articles: each article is analysed once (with its corrections) and kept as a
 * small summary; actors of different articles with the same name (or whose name is an unambiguous
 * alias of one) are listed as one. Updating or removing an article touches only its summary.
 */
import type { Sidecar } from './annotations';
import { applyCorrections } from './corrections';
import type { Analysis, EntityType, Span } from './types';

export interface ArticleDemand extends Span {
  holder: string | null;
  addressee: string | null;
  content: string;
}

interface ArticleActor {
  /** Type group and normalised name: what makes actors of different articles the same. */
  key: string;
  /** The same for each alias other than the name. */
  aliasKeys: string[];
  name: string;
  type: EntityType;
  aliases: string[];
  /** The first mention, where "open the article at this actor" goes. */
  first: Span | null;
  mentions: number;
  quotes: number;
  demands: ArticleDemand[];
}

interface ArticleSummary {
  id: string;
  name: string;
  actors: ArticleActor[];
}

export interface ActorInArticle {
  /** The article's id (its URI in the extension, its path in scripts). */
  id: string;
  name: string;
  first: Span | null;
  mentions: number;
  quotes: number;
}

export interface DemandInArticle extends ArticleDemand {
  id: string;
  name: string;
}

export interface WorkspaceActor {
  name: string;
  type: EntityType;
  aliases: string[];
  articles: ActorInArticle[];
  demands: DemandInArticle[];
  mentions: number;
  quotes: number;
}

/** One collator for every sort: `localeCompare` builds one per call. */
const byText = new Intl.Collator('en').compare;

function normalize(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

function typeGroup(type: EntityType): string {
  return type === 'person' || type === 'organization' || type === 'location' ? type : 'other';
}

export function summarize(id: string, name: string, analysis: Analysis): ArticleSummary {
  const byId = new Map(analysis.actors.map((a) => [a.id, a]));
  const actors = new Map<string, ArticleActor>();
  for (const a of analysis.actors) {
    const group = typeGroup(a.type);
    const key = `${group}|${normalize(a.name)}`;
    const aliasKeys = [...new Set(a.aliases.map((alias) => `${group}|${normalize(alias)}`))].filter((k) => k !== key);
    actors.set(a.id, { key, aliasKeys, name: a.name, type: a.type, aliases: a.aliases, first: a.mentions[0] ?? null, mentions: a.mentions.length, quotes: 0, demands: [] });
  }
  for (const q of analysis.quotes) {
    const actor = q.speaker?.actor ? actors.get(q.speaker.actor) : undefined;
    if (actor) actor.quotes++;
  }
  for (const d of analysis.demands) {
    const demand: ArticleDemand = {
      start: d.start,
      end: d.end,
      holder: d.holder ? (byId.get(d.holder)?.name ?? null) : null,
      addressee: d.addressee ? (byId.get(d.addressee)?.name ?? null) : null,
      content: (d.content?.text ?? d.text).replace(/\s+/g, ' ').trim(),
    };
    for (const party of new Set([d.holder, d.addressee])) if (party) actors.get(party)?.demands.push(demand);
  }
  return { id, name, actors: [...actors.values()] };
}

export class WorkspaceIndex {
  private readonly articles = new Map<string, ArticleSummary>();
  private cached: WorkspaceActor[] | null = null;

  get size(): number {
    return this.articles.size;
  }

  has(id: string): boolean {
    return this.articles.has(id);
  }

  /** Records an article's analysis (with its corrections applied when given), replacing what was known of it. */
  update(id: string, name: string, text: string, automatic: Analysis, sidecar?: Sidecar | null): void {
    const { analysis } = applyCorrections(text, automatic, sidecar);
    this.articles.set(id, summarize(id, name, analysis));
    this.cached = null;
  }

  remove(id: string): boolean {
    const removed = this.articles.delete(id);
    if (removed) this.cached = null;
    return removed;
  }

  clear(): void {
    this.articles.clear();
    this.cached = null;
  }

  /** Workspace actors, the ones in most articles first. */
  actors(): WorkspaceActor[] {
    this.cached ??= this.aggregate();
    return this.cached;
  }

  private aggregate(): WorkspaceActor[] {
    const groups = new Map<string, WorkspaceActor>();
    /** Alias (normalised, with type group) → the groups whose actors use it. */
    const aliasOwners = new Map<string, Set<string>>();
    for (const article of this.articles.values()) {
      for (const a of article.actors) {
        const key = a.key;
        let group = groups.get(key);
        if (!group) {
          group = { name: a.name, type: a.type, aliases: [], articles: [], demands: [], mentions: 0, quotes: 0 };
          groups.set(key, group);
        }
        group.articles.push({ id: article.id, name: article.name, first: a.first, mentions: a.mentions, quotes: a.quotes });
        for (const d of a.demands) group.demands.push({ ...d, id: article.id, name: article.name });
        group.mentions += a.mentions;
        group.quotes += a.quotes;
        for (const alias of a.aliases) if (!group.aliases.includes(alias)) group.aliases.push(alias);
        for (const aliasKey of a.aliasKeys) {
          let owners = aliasOwners.get(aliasKey);
          if (!owners) aliasOwners.set(aliasKey, (owners = new Set()));
          owners.add(key);
        }
      }
    }
    // "Riabkov" alone in one article is "Sergei Riabkov" of another, when only one actor is called so.
    for (const [key, group] of groups) {
      const owners = aliasOwners.get(key);
      if (!owners || owners.size !== 1) continue;
      const [ownerKey] = owners;
      const owner = groups.get(ownerKey);
      if (!owner || ownerKey === key) continue;
      owner.articles.push(...group.articles);
      owner.demands.push(...group.demands);
      owner.mentions += group.mentions;
      owner.quotes += group.quotes;
      for (const alias of group.aliases) if (!owner.aliases.includes(alias)) owner.aliases.push(alias);
      groups.delete(key);
    }
    const out = [...groups.values()];
    for (const g of out) {
      // One row per article, even when two of its actors were folded together.
      const perArticle = new Map<string, ActorInArticle>();
      for (const a of g.articles) {
        const known = perArticle.get(a.id);
        if (!known) perArticle.set(a.id, { ...a });
        else {
          known.mentions += a.mentions;
          known.quotes += a.quotes;
          if (a.first && (!known.first || a.first.start < known.first.start)) known.first = a.first;
        }
      }
      g.articles = [...perArticle.values()].sort((a, b) => b.mentions - a.mentions || byText(a.name, b.name));
      g.demands.sort((a, b) => byText(a.name, b.name) || a.start - b.start);
    }
    return out.sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || byText(a.name, b.name));
  }
}
