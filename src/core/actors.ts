/**
 * Merges entity mentions into actors: one actor per person, organization or place, with every name,
 * alias and reference that points to it (surnames, acronyms, capital-for-country, titles and
 * appositions, role nouns such as "the diplomat", pronouns resolved on request).
 */
import type { Cast } from './cast';
import { sortSpans } from './cast';
import { isRegExpSpace, startsUpperCase } from './chars';
import { SortedSpanList } from './spanList';
import type { EntityMention } from './entities';
import { gazetteer, Kind } from './gazetteer';
import type { Gazetteer } from './gazetteer';
import { aliasGroupOf } from './aliases';
import { collapseSpaces, foldToken, isWordToken, paragraphAt, tokenIndexAt, TokenKind, tokenText } from './text';
import type { Doc } from './text';
import type { Actor, Entity, EntityType, Span } from './types';

const ACTOR_TYPES = new Set<EntityType>(['person', 'organization', 'location']);
const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
const PLURAL_PRONOUNS = new Set(['they', 'them', 'their', 'theirs', 'themselves']);
const RELATIVE_PRONOUNS = new Set(['who', 'which']);
/** Between a name and its relative pronoun: nothing, a comma, an apposition set off by commas, or "of Texas,". */
const APPOSITION_GAP = /^,[^,.;:!?"“”()]{1,80},\s*$/;
const RELATIVE_GAP = /^\)?(?:\s+(?:of|from)\s+[^,.;:!?"“”]{1,40})?(?:,[^,.;:!?"“”()]{1,80})?,?\s*$/;
const DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those']);
/** Prepositions after which a capital city is a place, not its government ("in Moscow"). */
const LOCATIVE = new Set(['in', 'at', 'from', 'near', 'outside', 'around', 'across', 'inside', 'into', 'via', 'through', 'throughout', 'of', 'over']);
const MOTION = /^(?:go|goes|went|gone|going|travel\w*|fl[eoy]\w*|trip|trips|visit\w*|return\w*|arriv\w*|mov\w*|back|head\w*|came|come|comes|sent|send|drive|drove|flown|journey\w*|way)$/i;
const REFERENCE_FOLLOWERS = new Set(['said', 'says', 'told', 'is', 'was', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'also', 'then', 'later', 'now', 'and', 'but', 'or', 'who', 'which', 'that', 'in', 'at', 'on', 'for', 'to', 'from', 'with', 'by', 'since', 'after', 'before', 'during', 'over', 'about', 'against', 'last', 'this', 'today', 'yesterday', 'himself', 'herself', 'itself', 'themselves', 'not', 'did', 'does', 'do', 'are', 'were', 'be', 'been', 'being']);
const ROLE_LINKS = new Set(['of', 'for', 'to', 'and', 'the', 'a', 'an', 'at', 'in', '’s', "'s"]);
const ROLE_ADJECTIVES = new Set(['policy', 'security', 'party', 'campaign', 'presidential', 'national', 'general', 'federal', 'regional', 'local', 'state', 'military', 'political', 'economic', 'trade', 'press', 'communications', 'permanent', 'special', 'former', 'veteran', 'top', 'senior', 'chief', 'new', 'current', 'outgoing', 'incoming', 'acting', 'young', 'experienced', 'seasoned', 'deputy', 'foreign', 'defence', 'defense', 'finance', 'interior', 'prime', 'vice', 'assistant', 'lead', 'main', 'head', 'retired', 'embattled', 'powerful', 'influential']);
/** How many mentions after a pronoun are read for the people its clause names later, and how many tokens that clause may run. */
const MENTIONS_AHEAD = 12;
const CLAUSE_TOKENS = 40;
const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '-', '(', ')', '“', '”', '"', '‘', '’', '«', '»']);
/** How far back (in characters) a role noun or pronoun may look for the person it refers to. */
const REFERENCE_WINDOW = 2500;
/** What may stand between coordinated names: a comma, "and", or an apposition set off by commas; group 1 is "and". */
const COORDINATION_JOINER = /^(?:,[^,.;:!?"“”()]{1,60})?(?:,\s+|,?\s+(and|&)\s+)$/;
/** Longest gap (in characters) between two coordinated names. */
const COORDINATION_GAP = 80;
/** Longest first paragraph (in characters) read as the story's headline block. */
const HEADLINE_LENGTH = 300;
/** Body nouns that refer only to an actor whose name carries them ("the court" → "Supreme Court"). */
const NAMED_BODY_HEADS = new Set(['court', 'union', 'league', 'federation', 'committee', 'council', 'commission', 'ministry']);
/** Labour unions are often named without the word: "Association of Flight Attendants", "United Auto Workers". */
const UNION_NAME_WORDS = ['association', 'workers', 'federation', 'brotherhood', 'guild', 'teamsters'];
/** Party words and the words that mark the opposing side: "the Republican" is not someone known as "Democratic nominee". */
const OPPOSING_PARTY = new Map<string, readonly string[]>([
  ['republican', ['democrat', 'democratic', 'democrats']],
  ['republicans', ['democrat', 'democratic', 'democrats']],
  ['gop', ['democrat', 'democratic', 'democrats']],
  ['democrat', ['republican', 'republicans', 'gop']],
  ['democratic', ['republican', 'republicans', 'gop']],
  ['democrats', ['republican', 'republicans', 'gop']],
  ['conservative', ['labour', 'liberal']],
  ['labour', ['conservative', 'tory']],
  ['tory', ['labour', 'liberal']],
]);
/** Words opening an adverbial phrase or clause before a sentence's subject: "In the wake of …, Trump said". */
const SENTENCE_OPENERS = new Set(['in', 'on', 'at', 'after', 'before', 'during', 'since', 'following', 'despite', 'with', 'without', 'when', 'while', 'as', 'once', 'although', 'though', 'because', 'last', 'earlier', 'later', 'meanwhile', 'still', 'yet', 'but', 'and', 'speaking', 'asked', 'for', 'by', 'under', 'amid', 'unlike', 'like']);
/** Words opening a subordinate clause before the main clause: "After he left office, Obama …". */
const FRONTED_CLAUSE_OPENERS = new Set(['after', 'as', 'when', 'while', 'before', 'since', 'although', 'though', 'because', 'once', 'until', 'even']);
/** Longest fronted clause (in tokens) read before its comma. */
const FRONTED_CLAUSE_TOKENS = 40;
const CLOSING_MARKS = new Set(['”', '’', '"', "'", '»']);
const FOREIGN_ARTICLES = new Set(['La', 'Le', 'Les', 'El', 'Los', 'Las', 'Il', 'Der', 'Die', 'Das']);
const POSSESSIVE_AFTER = /^['’]s/;
const LEADING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so', 'still', 'now', 'then', 'instead']);
/** Role nouns that name a relation to someone ("the client", "the employer"): never just the last person named. */
const RELATIONAL_NOUNS = new Set(['client', 'clients', 'employer', 'employee', 'colleague', 'partner', 'friend', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'boss', 'neighbor', 'neighbour', 'girlfriend', 'boyfriend', 'fiancé', 'fiancée', 'widow', 'widower', 'parent', 'child', 'aide', 'assistant', 'rival', 'opponent', 'challenger', 'successor', 'predecessor']);
const MALE_NOUNS = new Set(['man', 'husband', 'son', 'father', 'brother', 'boyfriend', 'widower', 'king', 'prince', 'congressman', 'chairman', 'spokesman', 'businessman', 'sportsman', 'gentleman', 'boy', 'uncle', 'nephew', 'grandfather', 'duke']);
const FEMALE_NOUNS = new Set(['woman', 'wife', 'daughter', 'mother', 'sister', 'girlfriend', 'widow', 'queen', 'princess', 'congresswoman', 'chairwoman', 'spokeswoman', 'businesswoman', 'sportswoman', 'lady', 'girl', 'aunt', 'niece', 'grandmother', 'duchess']);
/** Nouns for the people working for a person: "the Clinton campaign" is a group, not Clinton herself. */
const PERSON_COLLECTIVES = new Set(['campaign', 'administration', 'camp', 'team']);
/** A middle initial between two names: "Loretta E. Lynch", "Patrick J. Leahy". */
const MIDDLE_INITIAL = /(?<=\S) (?:\p{Lu}\. ?){1,3}(?=\p{Lu}\p{Ll})/gu;
const NEXT_WORD = /^\s([a-z]+)/;
const OF_AFTER = /^\s+of\s/;
const HONORIFIC = /^(Mrs?|Ms|Miss)\.?(?:\s|$)/i;

interface ActorState extends Actor {
  /** Position in creation order: earlier actors win name lookups. */
  order: number;
  /** Lower-cased words of every name and alias: for surname and role matching. */
  words: Set<string>;
  /** Lower-cased alias texts already listed. */
  aliasKeys: Set<string>;
  /** Raw alias texts already seen (a fast check before normalising). */
  aliasTexts: Set<string>;
  gender: 'male' | 'female' | null;
  /** Whether "Mr."/"Mrs." gave the gender, which the story's pronouns then never overrule. */
  genderByHonorific: boolean;
  /** How many of its mentions are names from pass 1 of `assignActors` (see `lastMentionBefore`). */
  namesFromFirstPass: number;
  /** The name words under which `byNameWord` lists this actor. */
  listedUnder: Set<string>;
  /** Whether one of `words` is a title head ("president", "minister"). */
  hasTitleHead: boolean;
  /** The last `referent` search that looked at this actor. */
  visited: number;
  /** For a group made of coordinated people ("Smith and Jones"): its members. */
  memberStates?: ActorState[];
}

/** People named together ("Ann Lee and Tom Ray", "Lee, a senator, and Ray"), whom "they" may stand for. */
interface Coordination extends Span {
  members: ActorState[];
  group?: ActorState;
}

/**
 * The actors of one type bearing one name word, and their mentions in reading order: pass 1's names (with
 * `end`s for the binary search) and the latest mention pass 2 has given any of them.
 */
interface NameWordTimeline {
  /** The first bearer of the type in `byNameWord` order: the answer when none was mentioned yet. */
  first: ActorState;
  ends: number[];
  starts: number[];
  actors: ActorState[];
  latestStart: number;
  latestActor: ActorState | undefined;
}

/** Name words borne by more actors than this get a timeline; shorter lists are searched directly. */
const TIMELINE_MIN_BEARERS = 8;

/** The words of a reference phrase ("the Democratic senator"), lower-cased, and the party words opposed to them. */
interface ReferencePhraseWords {
  lower: string[];
  opposing: readonly string[];
}

interface Mention extends Span {
  actor: ActorState;
  /** "the Clinton campaign", "Obama's administration": a person's organization, which "they" may stand for. */
  collective?: boolean;
}

export function buildCast(doc: Doc, found: EntityMention[]): Cast {
  return new ArticleCast(doc, found);
}

class ArticleCast implements Cast {
  readonly entities: Entity[];
  readonly actors: Actor[] = [];
  private readonly g: Gazetteer = gazetteer();
  private readonly states: ActorState[] = [];
  /** Every mention, kept sorted by start for binary search. */
  private mentions = new SortedSpanList<Mention>();
  private readonly byKey = new Map<string, ActorState>();
  /** Acronyms and the initials of multi-word names -> actor. */
  private readonly byInitials = new Map<string, ActorState>();
  /** Words of multi-word names -> actors bearing them (for surnames and head words). */
  private readonly byNameWord = new Map<string, ActorState[]>();
  /**
   * Pass 2 of `assignActors`: for name words borne by many actors, who bore them last (see `NameWordTimeline`).
   * A word whose list of bearers grows during pass 2 is dropped and looked up the slow way.
   */
  private timelines: Map<string, Map<EntityType, NameWordTimeline>> | null = null;
  /** Lower-cased alias -> the earliest actor listing it. */
  private readonly byAliasKey = new Map<string, ActorState>();
  /** "male:obama" -> the person an honorific set apart from the other-gender bearer of that surname. */
  private readonly namesakes = new Map<string, ActorState>();
  /** Lower-cased name word -> the earliest person bearing it. */
  private readonly personByWord = new Map<string, ActorState>();
  /** Name keys by entity type and mention text: an article repeats its names, and a key takes some building. */
  private readonly keysByType = new Map<EntityType, Map<string, string>>();
  private mentionsSorted = false;
  /** Coordinated people in reading order. */
  private readonly coordinations: Coordination[];
  /** Mentions added during a building phase, merged when the phase ends. */
  private pending: Mention[] | null = null;
  /** Reference phrases as written -> their lower-cased words: the same few phrases ("the president") recur. */
  private readonly referencePhraseWords = new Map<string, ReferencePhraseWords>();
  /** `isDoubtfulPerson` by name: it depends on the name alone, and is asked for every sentence naming a person. */
  private readonly doubtfulNames = new Map<string, boolean>();
  /** Counts `referent` searches, to mark the actors each has looked at. */
  private referentVisit = 0;

  constructor(private readonly doc: Doc, found: EntityMention[]) {
    const sorted = isSorted(found) ? found : [...found].sort((a, b) => a.start - b.start);
    const actorOf = this.assignActors(sorted);
    this.entities = sorted.map((m, i) => ({ start: m.start, end: m.end, text: m.text, type: m.type, actor: actorOf[i]?.id ?? null }));
    this.mentions = SortedSpanList.of(this.mentions.toArray().sort((a, b) => a.start - b.start));
    this.genderFromPronouns();
    this.coordinations = this.findCoordinations();
    // Each phase reads the mentions of the phases before it; its own additions are merged in at its end.
    const words = this.phraseWords();
    this.pending = [];
    this.addTitlesAndAppositions();
    this.endPhase();
    this.addGovernmentPhrases(words.governmentNouns);
    this.endPhase();
    this.addCollectivePhrases(words.collectives);
    this.endPhase();
    this.addRoleNounReferences(words.determiners);
    this.endPhase();
    this.addHeadlineRoleNouns();
    this.endPhase();
    this.pending = null;
    this.mentionsSorted = true;
  }

  /** Merges the mentions a building phase added into the list the next phase reads. */
  private endPhase(): void {
    if (this.pending?.length) this.mentions = this.mentions.mergedWith(this.pending.sort((a, b) => a.start - b.start));
    this.pending = [];
  }

  // ---- building ------------------------------------------------------------------------------

  private newActor(m: EntityMention, name = m.text): ActorState {
    const a: ActorState = {
      id: `a${this.states.length + 1}`,
      order: this.states.length,
      name,
      type: m.type,
      aliases: [],
      mentions: [],
      words: new Set(),
      aliasKeys: new Set(),
      aliasTexts: new Set(),
      gender: null,
      genderByHonorific: false,
      namesFromFirstPass: 0,
      listedUnder: new Set(),
      hasTitleHead: false,
      visited: 0,
    };
    this.states.push(a);
    this.actors.push(a);
    return a;
  }

  private addMention(a: ActorState, span: Span, aliasText: string | null): void {
    a.mentions.push({ start: span.start, end: span.end });
    const m = { start: span.start, end: span.end, actor: a };
    if (this.pending) this.pending.push(m);
    else if (this.mentionsSorted) this.mentions.insert(m);
    else this.mentions.append(m);
    if (aliasText !== null) this.addAlias(a, aliasText);
  }

  private addAlias(a: ActorState, text: string): void {
    if (a.aliasTexts.has(text)) return;
    a.aliasTexts.add(text);
    this.genderFromHonorific(a, text);
    const clean = collapseSpaces(text);
    const key = clean.toLowerCase();
    if (!clean || a.aliasKeys.has(key)) return;
    a.aliasKeys.add(key);
    keepEarliest(this.byAliasKey, key, a);
    a.aliases.push(clean);
    if (a.type !== 'person' && /^\p{Lu}{2,6}$/u.test(clean)) this.byInitials.set(clean, a);
    // A name of several words is listed under each of them.
    const listed = startsUpperCase(clean) && hasWordBreak(key);
    if (listed) {
      const abbreviation = a.type !== 'person' ? initials(clean) : '';
      if (abbreviation.length > 1 && !this.byInitials.has(abbreviation)) this.byInitials.set(abbreviation, a);
    }
    // The words between runs of spaces and hyphens, as `key.split(/[\s-]+/)` gives them (empty at a leading or trailing hyphen).
    let from = 0;
    for (;;) {
      let to = from;
      while (to < key.length && !isWordBreak(key.charCodeAt(to))) to++;
      const w = key.slice(from, to);
      if (w) this.addWord(a, w);
      if (listed) this.listUnder(a, w);
      if (to === key.length) break;
      from = to + 1;
      while (from < key.length && isWordBreak(key.charCodeAt(from))) from++;
    }
    // A person's canonical name is the fullest proper name seen (organizations and places: see chooseNames).
    if (a.type === 'person' && clean.length > a.name.length && this.isProperName(a, clean) && !/^(?:the|a|an)\s/i.test(clean)) a.name = clean;
  }

  private listUnder(a: ActorState, word: string): void {
    if (a.listedUnder.has(word)) return;
    a.listedUnder.add(word);
    this.timelines?.delete(word);
    const list = this.byNameWord.get(word);
    if (!list) this.byNameWord.set(word, [a]);
    else list.push(a);
  }

  /** "Mr. Novak" tells a man, "Mrs./Ms. Novak" a woman, when the first name did not. */
  private genderFromHonorific(a: ActorState, text: string): void {
    if (a.type !== 'person' || a.gender !== null) return;
    const honorific = HONORIFIC.exec(text);
    if (!honorific) return;
    a.gender = honorific[1].toLowerCase() === 'mr' ? 'male' : 'female';
    a.genderByHonorific = true;
  }

  private addWord(a: ActorState, word: string): void {
    a.words.add(word);
    if (this.g.titleHeads.has(word)) a.hasTitleHead = true;
    if (a.type === 'person') keepEarliest(this.personByWord, word, a);
  }

  /**
   * Organizations take their most used name (ties: the shorter, usually the acronym): "NATO" over
   * "Atlantic Alliance". Places take their most complete standard name: "United States" over "US".
   */
  private chooseNames(): void {
    const counts = new Map<ActorState, Map<string, number>>();
    for (let i = 0; i < this.mentions.length; i++) {
      const m = this.mentions.at(i);
      // People keep the name `addAlias` chose.
      if (m.actor.type === 'person') continue;
      const text = this.doc.text.slice(m.start, m.end);
      if (!startsUpperCase(text)) continue;
      const c = counts.get(m.actor) ?? new Map<string, number>();
      c.set(text, (c.get(text) ?? 0) + 1);
      counts.set(m.actor, c);
    }
    for (const a of this.states) {
      const c = counts.get(a);
      if (!c || a.type === 'person') continue;
      let best = a.name;
      let bestScore = -Infinity;
      for (const [name, n] of c) {
        const grouped = aliasGroupOf(name) !== null;
        const capital = a.type === 'location' && this.g.capitals.has(name) && c.size > 1;
        const score = capital ? -1e6 : a.type === 'location' && grouped ? name.length * 100 + n : n * 100 - name.length;
        if (score > bestScore) {
          bestScore = score;
          best = name;
        }
      }
      a.name = best;
    }
  }

  private isProperName(a: ActorState, text: string): boolean {
    if (a.type === 'person') return startsUpperCase(text) && !this.hasRoleWord(text) && !PERSON_COLLECTIVES.has(text.slice(text.lastIndexOf(' ') + 1));
    return startsUpperCase(text) && !/\s(?:side|diplomacy|government)$/i.test(text);
  }

  private hasRoleWord(text: string): boolean {
    for (const w of text.toLowerCase().split(/\s+/)) if (this.g.personNouns.has(w) || this.isTitleWord(w)) return true;
    return false;
  }

  private isTitleWord(lowerWord: string): boolean {
    return this.g.titleWords.has(lowerWord);
  }

  /** Links each entity mention to an actor; returns the actor per mention (or undefined). */
  private assignActors(sorted: EntityMention[]): (ActorState | undefined)[] {
    const result: (ActorState | undefined)[] = new Array(sorted.length);
    // Head words of longer names ("Alliance" of "Atlantic Alliance") wait for pass 2 to join them.
    const heads = new Set<string>();
    for (let i = 0; i < sorted.length; i++) {
      const text = sorted[i].text;
      if (sorted[i].type !== 'person' && text.includes(' ')) heads.add(text.slice(text.lastIndexOf(' ') + 1).toLowerCase());
    }
    // Pass 1: full names and non-person names create actors.
    for (let i = 0; i < sorted.length; i++) {
      const m = sorted[i];
      if (!ACTOR_TYPES.has(m.type)) continue;
      if (m.type === 'person' && !m.text.includes(' ')) continue;
      if (m.type !== 'person' && !m.text.includes(' ') && heads.has(m.text.toLowerCase())) continue;
      if (m.type === 'location' && this.capitalAsGovernment(m)) continue;
      const key = this.keyOf(m);
      let a = this.byKey.get(key);
      if (!a) {
        a = this.findAcronymPartner(m);
        if (!a) {
          a = this.newActor(m);
          if (m.type === 'person') a.gender = this.genderOf(m.text);
          if (m.type === 'person' && a.gender === null) this.setHonorificGender(a, this.honorificGenderBefore(m.start));
        }
        this.byKey.set(key, a);
      }
      result[i] = a;
      this.addMention(a, m, m.text);
    }
    for (let k = 0; k < this.states.length; k++) this.states[k].namesFromFirstPass = this.states[k].mentions.length;
    this.addHonorificNamesakes(sorted, result);
    this.timelines = this.nameWordTimelines();
    // Pass 2: single-word people, capitals standing for their country, heads of longer names.
    for (let i = 0; i < sorted.length; i++) {
      if (result[i]) continue;
      const m = sorted[i];
      if (!ACTOR_TYPES.has(m.type)) continue;
      let a: ActorState | undefined;
      if (m.type === 'location') a = this.countryActorForCapital(m);
      a ??= this.byKey.get(this.keyOf(m)) ?? this.partOfLongerName(m);
      const honorific = m.type === 'person' ? this.honorificGenderBefore(m.start) : null;
      // "Mrs. Clinton" after "Bill Clinton": the honorific picks the person of its gender bearing the name; "Mr. Obama"
      // when only "Michelle Obama" was named is someone else of that name, never her.
      if (a && honorific && a.type === 'person' && a.gender !== null && a.gender !== honorific) a = this.partOfLongerName(m, honorific) ?? this.namesake(m, honorific);
      if (!a) {
        a = this.newActor(m);
        if (m.type === 'person') a.gender = this.genderOf(m.text);
        this.byKey.set(this.keyOf(m), a);
      }
      // "Mr. Obama" tells a man even when no given name was written.
      if (a.type === 'person' && (a.gender === null || !a.genderByHonorific) && !a.memberStates) this.setHonorificGender(a, honorific);
      result[i] = a;
      this.addMention(a, m, m.text);
      this.noteLatestMention(a, m.start);
      // "the Alliance": a common noun used as a name keeps its article in the alias list.
      const prev = tokenIndexAt(this.doc, m.start) - 1;
      if (prev >= 0 && this.lowerAt(prev) === 'the' && !m.text.includes(' ') && this.isCommonNoun(m.text)) {
        this.addAlias(a, `${tokenText(this.doc, prev)} ${m.text}`);
      }
    }
    this.timelines = null;
    this.chooseNames();
    return result;
  }

  /** Timelines of the name words borne by many actors, from pass 1's names. */
  private nameWordTimelines(): Map<string, Map<EntityType, NameWordTimeline>> {
    const timelines = new Map<string, Map<EntityType, NameWordTimeline>>();
    // `forEach` rather than `for…of`: no [word, bearers] pair is made per entry of this large map.
    this.byNameWord.forEach((bearers, word) => {
      if (bearers.length < TIMELINE_MIN_BEARERS) return;
      const byType = new Map<EntityType, NameWordTimeline>();
      const events: Mention[] = [];
      for (const a of bearers) {
        if (!byType.has(a.type)) byType.set(a.type, { first: a, ends: [], starts: [], actors: [], latestStart: -1, latestActor: undefined });
        for (let k = 0; k < a.namesFromFirstPass; k++) events.push({ start: a.mentions[k].start, end: a.mentions[k].end, actor: a });
      }
      // Mentions do not overlap, so ordering by end orders by start too.
      events.sort((x, y) => x.end - y.end);
      for (const e of events) {
        const timeline = byType.get(e.actor.type) as NameWordTimeline;
        timeline.ends.push(e.end);
        timeline.starts.push(e.start);
        timeline.actors.push(e.actor);
      }
      timelines.set(word, byType);
    });
    return timelines;
  }

  /** Pass 2 gave `a` a mention at `start`, after every mention it gave before. */
  private noteLatestMention(a: ActorState, start: number): void {
    if (!this.timelines) return;
    for (const w of a.listedUnder) {
      const timeline = this.timelines.get(w)?.get(a.type);
      if (timeline) {
        timeline.latestStart = start;
        timeline.latestActor = a;
      }
    }
  }

  /**
   * "Mr. Obama" in a story that names only "Michelle Obama" in full: the man known by the surname is made before
   * pass 2 and listed first among its bearers, so that a bare "Obama" before her full name appears is him.
   */
  private addHonorificNamesakes(sorted: EntityMention[], assigned: (ActorState | undefined)[]): void {
    for (let i = 0; i < sorted.length; i++) {
      const m = sorted[i];
      if (assigned[i] || m.type !== 'person' || m.text.includes(' ')) continue;
      const bearers = this.byNameWord.get(m.text.toLowerCase());
      if (!bearers || !bearers.some((a) => a.type === 'person' && a.gender !== null)) continue;
      const honorific = this.honorificGenderBefore(m.start);
      if (!honorific || bearers.some((a) => a.type === 'person' && a.gender === honorific)) continue;
      if (!this.namesakes.has(`${honorific}:${m.text.toLowerCase()}`)) {
        const namesake = this.namesake(m, honorific);
        namesake.listedUnder.add(m.text.toLowerCase());
        bearers.unshift(namesake);
      }
    }
  }

  /** The person of `gender` known only by the surname `m` bears, made on first sight (kept apart from the name key). */
  private namesake(m: EntityMention, gender: 'male' | 'female'): ActorState {
    const key = `${gender}:${m.text.toLowerCase()}`;
    let a = this.namesakes.get(key);
    if (!a) {
      a = this.newActor(m);
      this.setHonorificGender(a, gender);
      this.namesakes.set(key, a);
    }
    return a;
  }

  private setHonorificGender(a: ActorState, gender: 'male' | 'female' | null): void {
    if (!gender) return;
    a.gender = gender;
    a.genderByHonorific = true;
  }

  /** The gender "Mr." or "Mrs./Ms./Miss" right before `start` gives, or null. */
  private honorificGenderBefore(start: number): 'male' | 'female' | null {
    const i = tokenIndexAt(this.doc, start);
    let k = i - 1;
    if (k >= 0 && tokenText(this.doc, k) === '.') k--;
    const honorific = k >= 0 && k < i ? HONORIFIC.exec(tokenText(this.doc, k)) : null;
    return honorific ? (honorific[1].toLowerCase() === 'mr' ? 'male' : 'female') : null;
  }

  private isCommonNoun(word: string): boolean {
    const lower = word.toLowerCase();
    return this.g.isCommonWord(lower) || this.g.blocNouns.has(lower) || ((this.g.exact.get(word) ?? 0) & (Kind.OrgHead | Kind.LocHead)) !== 0;
  }

  private keyOf(m: EntityMention): string {
    let keys = this.keysByType.get(m.type);
    if (!keys) {
      keys = new Map();
      this.keysByType.set(m.type, keys);
    }
    let key = keys.get(m.text);
    if (key === undefined) {
      key = this.buildKey(m);
      keys.set(m.text, key);
    }
    return key;
  }

  private buildKey(m: EntityMention): string {
    const group = aliasGroupOf(m.text);
    if (group !== null) return `group:${group}`;
    // "Loretta E. Lynch" and "Loretta Lynch" are one person: middle initials do not count.
    const text = m.type === 'person' && m.text.length < 60 && m.text.includes('.') ? m.text.replace(MIDDLE_INITIAL, ' ') : m.text;
    return `${m.type}:${text.toLowerCase()}`;
  }

  private genderOf(name: string): 'male' | 'female' | null {
    // The first given name decides, also after words a mistyped name may open with ("Missouri Republican Roy Blunt").
    // Every word but the last, read off between the spaces.
    let space = name.indexOf(' ');
    let given = space < 0 ? name : name.slice(0, space);
    for (let from = 0; space >= 0; from = space + 1, space = name.indexOf(' ', from)) {
      const word = name.slice(from, space);
      if (!this.isPlaceLike(word) && (this.g.maleNames.has(word) || this.g.femaleNames.has(word))) {
        given = word;
        break;
      }
    }
    const male = this.g.maleNames.has(given);
    const female = this.g.femaleNames.has(given);
    return male && !female ? 'male' : female && !male ? 'female' : null;
  }

  /**
   * The story's own pronouns tell a person's gender where the given-name list guessed wrong or knew nothing
   * ("Graham assures his audience he will …"): counted outside quotation marks, after the subject of a sentence that
   * names one person only, and trusted when they all agree, at least twice. An honorific is never overruled.
   */
  private genderFromPronouns(): void {
    const { sentences, tokenCount, folds, formOf } = this.doc;
    const tokenSentences = this.doc.tokenSentence;
    const kinds = this.doc.tokenKind;
    const starts = this.doc.tokenStart;
    const male = new Map<ActorState, number>();
    const female = new Map<ActorState, number>();
    let e = 0;
    let t = 0;
    const people = this.entities;
    for (let s = 0; s < sentences.length; s++) {
      const end = sentences[s].end;
      let person: ActorState | null = null;
      let named: Span | null = null;
      let alone = true;
      for (; e < people.length && people[e].start < end; e++) {
        const id = people[e].actor;
        if (people[e].type !== 'person' || !id) continue;
        const a = this.stateById(id);
        // "La Raza", "Customs Enforcement": a mistyped body does not share the sentence with anyone.
        if (a.gender === null && this.isDoubtfulPerson(a)) continue;
        if (person && person !== a) alone = false;
        person = a;
        named ??= people[e];
      }
      // Only the subject's own pronouns after it: "The woman's enthusiasm for Trump shows in her …" tells nothing of Trump.
      if (person && alone && named && !this.isSentenceSubject(named)) person = null;
      let he = 0;
      let she = 0;
      let inQuote = false;
      for (; t < tokenCount && tokenSentences[t] <= s; t++) {
        if (!person || !alone) continue;
        const w = folds[formOf[t]];
        if (kinds[t] === TokenKind.Punct) {
          const mark = tokenText(this.doc, t);
          if (mark === '“' || mark === '«' || mark === '„') inQuote = true;
          else if (mark === '"') inQuote = !inQuote;
          else if (mark === '”' || mark === '»') {
            // A closing mark nothing opened: the sentence began inside a quotation, so what came before is quoted.
            if (!inQuote) he = she = 0;
            inQuote = false;
          }
        } else if (inQuote || starts[t] < (named as Span).end) continue;
        else if (MALE_PRONOUNS.has(w)) he++;
        else if (FEMALE_PRONOUNS.has(w)) she++;
      }
      if (!person || !alone || he + she === 0 || person.genderByHonorific) continue;
      if (he) male.set(person, (male.get(person) ?? 0) + he);
      if (she) female.set(person, (female.get(person) ?? 0) + she);
    }
    for (const [a, n] of male) if (n >= 2 && !female.has(a) && this.onlyBearerOfSurname(a)) a.gender = 'male';
    for (const [a, n] of female) if (n >= 2 && !male.has(a) && this.onlyBearerOfSurname(a)) a.gender = 'female';
  }

  /** "Cruz said he …" may be Ted, not Heidi Cruz: a surname shared by several people says nothing about one of them. */
  private onlyBearerOfSurname(a: ActorState): boolean {
    const surname = a.name.slice(a.name.lastIndexOf(' ') + 1).toLowerCase();
    const bearers = this.byNameWord.get(surname);
    return !bearers || bearers.every((b) => b === a || b.type !== 'person' || !b.name.toLowerCase().endsWith(surname));
  }

  /** "OSCE" and "Organization for Security and Cooperation in Europe" are one actor. */
  private findAcronymPartner(m: EntityMention): ActorState | undefined {
    if (m.type !== 'organization' && m.type !== 'location') return undefined;
    const key = /^\p{Lu}{2,6}$/u.test(m.text) ? m.text : m.text.includes(' ') ? initials(m.text) : '';
    const a = key.length > 1 ? this.byInitials.get(key) : undefined;
    return a && a.type === m.type ? a : undefined;
  }

  /** "Riabkov" after "Sergei Riabkov"; "the Alliance" after "Atlantic Alliance"; with a gender, only people of that gender. */
  private partOfLongerName(m: EntityMention, gender: 'male' | 'female' | null = null): ActorState | undefined {
    const word = m.text.toLowerCase();
    const candidates = this.byNameWord.get(word) ?? [];
    if (candidates.length === 1 && !gender) return candidates[0].type === m.type ? candidates[0] : undefined;
    const byType = gender ? undefined : this.timelines?.get(word);
    if (byType) return this.latestBearer(byType.get(m.type), m.start);
    let best: ActorState | undefined;
    let bestStart = -2;
    for (const a of candidates) {
      if (a.type !== m.type || (gender && a.gender !== gender)) continue;
      // Prefer the actor mentioned most recently before this mention.
      const last = this.lastMentionBefore(a, m.start);
      if (last > bestStart) {
        best = a;
        bestStart = last;
      }
    }
    return best;
  }

  /** The bearer mentioned last before `start` (the same answer as the search over all bearers), else the first. */
  private latestBearer(timeline: NameWordTimeline | undefined, start: number): ActorState | undefined {
    if (!timeline) return undefined;
    let best = timeline.latestActor;
    let bestStart = timeline.latestStart;
    let lo = 0;
    let hi = timeline.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (timeline.ends[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && timeline.starts[lo - 1] > bestStart) {
      best = timeline.actors[lo - 1];
      bestStart = timeline.starts[lo - 1];
    }
    return best ?? timeline.first;
  }

  /**
   * Start of the actor's latest mention that ends by `start`, or -1, during pass 2 of `assignActors`.
   * Entity mentions do not overlap and pass 2 reads them in order, so an actor's mentions are its
   * pass-1 names in reading order followed by pass-2 mentions that all lie before `start`.
   */
  private lastMentionBefore(a: ActorState, start: number): number {
    const mentions = a.mentions;
    const names = a.namesFromFirstPass;
    let last = mentions.length > names ? mentions[mentions.length - 1].start : -1;
    let lo = 0;
    let hi = names;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) last = Math.max(last, mentions[lo - 1].start);
    return last;
  }

  /** A capital used for its government ("Moscow will decide", "together with Washington"). */
  private capitalAsGovernment(m: EntityMention): boolean {
    return this.g.capitals.has(m.text) && !this.isLocative(m.start);
  }

  private countryActorForCapital(m: EntityMention): ActorState | undefined {
    const country = this.g.capitals.get(m.text);
    if (!country || this.isLocative(m.start)) return undefined;
    const group = aliasGroupOf(country);
    return this.byKey.get(group !== null ? `group:${group}` : `location:${country.toLowerCase()}`);
  }

  private isLocative(start: number): boolean {
    const i = tokenIndexAt(this.doc, start);
    if (!isWordToken(this.doc, i - 1)) return false;
    const w = this.lowerAt(i - 1);
    if (LOCATIVE.has(w)) return true;
    if (w === 'to') {
      const before = i > 1 ? tokenText(this.doc, i - 2) : '';
      return MOTION.test(before);
    }
    return false;
  }

  /** Runs of person names joined by "and" (and commas, with an optional apposition after each name) in one sentence. */
  private findCoordinations(): Coordination[] {
    const out: Coordination[] = [];
    const people = this.entities.filter((e) => e.type === 'person' && e.actor);
    let run: Entity[] = [];
    let joinedByAnd = false;
    for (let n = 0; n < people.length; n++) {
      const e = people[n];
      const prev = run[run.length - 1];
      const joiner = prev && e.start - prev.end <= COORDINATION_GAP && this.sameSentence(prev.start, e.start) ? COORDINATION_JOINER.exec(this.doc.text.slice(prev.end, e.start)) : null;
      if (!joiner) {
        if (joinedByAnd) this.addCoordination(run, out);
        run = [e];
        joinedByAnd = false;
        continue;
      }
      if (joiner[1]) joinedByAnd = true;
      run.push(e);
    }
    if (joinedByAnd) this.addCoordination(run, out);
    return out;
  }

  /** Records the people of `run`, joined by "and", as a coordination when there are two or more of them. */
  private addCoordination(run: Entity[], out: Coordination[]): void {
    const members = [...new Set(run.map((e) => this.stateById(e.actor as string)))];
    if (members.length > 1) out.push({ start: run[0].start, end: run[run.length - 1].end, members });
  }

  private sameSentence(a: number, b: number): boolean {
    const i = tokenIndexAt(this.doc, a);
    const j = tokenIndexAt(this.doc, b);
    return i >= 0 && j >= 0 && this.doc.tokenSentence[i] === this.doc.tokenSentence[j];
  }

  /** The group actor of a coordination, made when first referred to. */
  private groupOf(c: Coordination): ActorState {
    if (c.group) return c.group;
    const name = c.members.length === 2 ? `${c.members[0].name} and ${c.members[1].name}` : `${c.members.slice(0, -1).map((m) => m.name).join(', ')} and ${c.members[c.members.length - 1].name}`;
    const g = this.newActor({ start: c.start, end: c.end, text: name, type: 'person' });
    g.memberStates = c.members;
    g.members = c.members.map((m) => m.id);
    c.group = g;
    // Only the references to the group are its mentions: the names stay mentions of each person.
    this.addAlias(g, name);
    return g;
  }

  // ---- titles, appositions and other references ---------------------------------------------------

  /** "Russian President Vladimir Putin", "Sergei Riabkov, Russian deputy foreign minister," and "the US envoy, Wendy Sherman,". */
  private addTitlesAndAppositions(): void {
    const doc = this.doc;
    const { text } = doc;
    const starts = doc.tokenStart;
    const ends = doc.tokenEnd;
    const sentences = doc.tokenSentence;
    const kinds = doc.tokenKind;
    for (let n = 0; n < this.entities.length; n++) {
      const e = this.entities[n];
      if (e.type !== 'person' || !e.actor) continue;
      const a = this.stateById(e.actor);
      const i = tokenIndexAt(this.doc, e.start);
      if (i < 0) continue;
      // Title words written before the name.
      let k = i - 1;
      while (k >= 0 && sentences[k] === sentences[i] && kinds[k] === TokenKind.Word && startsUpperCase(tokenText(doc, k)) && this.isTitleWord(this.lowerAt(k))) k--;
      // One word of origin may open the title ("Russian President", "US Secretary of State"), unless it ends a longer name.
      if (k >= 0 && k < i - 1 && sentences[k] === sentences[i] && this.isTitleOrOrigin(tokenText(doc, k)) && !(k > 0 && kinds[k - 1] === TokenKind.Word && startsUpperCase(tokenText(doc, k - 1)) && sentences[k - 1] === sentences[k])) k--;
      if (k < i - 1 && this.hasRoleWord(text.slice(starts[k + 1], ends[i - 1]))) {
        this.addMention(a, { start: starts[k + 1], end: ends[i - 1] }, text.slice(starts[k + 1], ends[i - 1]));
      } else if (k === i - 1 && this.isPartyWordBefore(i - 1)) {
        // "Republican Donald Trump": the party tells who "the Republican" is later.
        this.addMention(a, { start: starts[i - 1], end: ends[i - 1] }, tokenText(doc, i - 1));
      }
      // Apposition after the name: ", ROLE" up to the next comma or full stop.
      const last = tokenIndexAt(doc, e.end - 1);
      if (last + 1 < doc.tokenCount && tokenText(doc, last + 1) === ',') {
        const role = this.rolePhrase(last + 2, 1);
        if (role) this.addMention(a, role, text.slice(role.start, role.end));
      }
      // Apposition before the name: "ROLE, NAME".
      if (i > 1 && tokenText(doc, i - 1) === ',') {
        const role = this.rolePhrase(i - 2, -1);
        if (role) this.addMention(a, role, text.slice(role.start, role.end));
      }
    }
  }

  /** A capitalised party or role noun standing alone before a name: "Republican Donald Trump", "Democrat Ann Lee". */
  private isPartyWordBefore(k: number): boolean {
    const doc = this.doc;
    if (!isWordToken(doc, k) || !/^\p{Lu}\p{Ll}/u.test(tokenText(doc, k)) || !OPPOSING_PARTY.has(this.lowerAt(k))) return false;
    // The word before, if any, in the same sentence.
    const before = k - 1;
    return before < 0 || doc.tokenSentence[before] !== doc.tokenSentence[k] || doc.tokenKind[before] !== TokenKind.Word || !startsUpperCase(tokenText(doc, before));
  }

  private isTitleOrOrigin(word: string): boolean {
    const f = this.g.exact.get(word) ?? 0;
    return (f & (Kind.TitleHead | Kind.TitleModifier | Kind.Group | Kind.Location | Kind.Country)) !== 0;
  }

  /**
   * A role phrase starting (dir 1) or ending (dir -1) at token `from`, inside one sentence, bounded by
   * commas, full stops, brackets or a determiner: "Russian deputy foreign minister", "US Undersecretary of State".
   */
  private rolePhrase(from: number, dir: 1 | -1): Span | null {
    const doc = this.doc;
    const starts = doc.tokenStart;
    const ends = doc.tokenEnd;
    if (from < 0 || from >= doc.tokenCount) return null;
    const sentence = doc.tokenSentence[from];
    let k = from;
    let n = 0;
    let edge = from;
    while (k >= 0 && k < doc.tokenCount && doc.tokenSentence[k] === sentence && n < 9) {
      const word = tokenText(doc, k);
      if (doc.tokenKind[k] === TokenKind.Punct && word !== '-') break;
      const w = this.lowerAt(k);
      if (dir === -1 && DETERMINERS.has(w)) break;
      if (dir === 1 && n === 0 && DETERMINERS.has(w)) {
        k += dir;
        edge = k;
        continue;
      }
      if (this.isVerbLike(w) || !this.isRolePhraseWord(word, w)) return null;
      if (this.actorAtRaw(starts[k], ends[k])?.type === 'person') return null;
      edge = k;
      n++;
      k += dir;
    }
    if (n === 0 || n > 8) return null;
    const start = dir === 1 ? starts[from] : starts[edge];
    const end = dir === 1 ? ends[edge] : ends[from];
    const first = dir === 1 ? tokenIndexAt(doc, start) : edge;
    if (dir === 1 && DETERMINERS.has(this.lowerAt(first))) return null;
    const phrase = this.doc.text.slice(start, end);
    // The role noun must end the phrase or head an "X of Y" / "X and Y" title.
    const words = phrase.toLowerCase().split(/\s+/);
    const hasRole = words.some((w) => this.g.personNouns.has(w) || this.g.titleHeads.has(w));
    if (!hasRole || /^(?:who|which|that|whose|where|when|said|says)$/.test(words[0])) return null;
    const trimmed = this.doc.text.slice(dir === 1 ? starts[from] : starts[edge], end);
    return { start: end - trimmed.length, end };
  }

  /** Words a title or role phrase is made of: names and origins, role nouns, office adjectives, a few links ("of", "and"). */
  private isRolePhraseWord(word: string, lower: string): boolean {
    if (startsUpperCase(word) || /^\d+-year-old$/.test(lower)) return true;
    return ROLE_LINKS.has(lower) || this.g.personNouns.has(lower) || this.isTitleWord(lower) || ROLE_ADJECTIVES.has(lower);
  }

  private isVerbLike(w: string): boolean {
    return this.g.cueVerbs.has(w) || /^(?:is|was|were|are|has|had|have|will|would|said|says|who|which|that)$/.test(w);
  }

  /** "Russian diplomacy", "the US side": a nationality or country with a government noun stands for that country. */
  private addGovernmentPhrases(nouns: readonly number[]): void {
    const doc = this.doc;
    const { text } = doc;
    const starts = doc.tokenStart;
    const ends = doc.tokenEnd;
    const sentences = doc.tokenSentence;
    for (let k = 0; k < nouns.length; k++) {
      // i is the nationality or country, i + 1 the government noun after it.
      const i = nouns[k] - 1;
      if (i < 0) continue;
      const next = i + 1;
      if (sentences[next] !== sentences[i] || !this.g.governmentNouns.has(tokenText(doc, next))) continue;
      let country: ActorState | undefined;
      const place = this.g.nationalities.get(tokenText(doc, i));
      if (place) {
        const group = aliasGroupOf(place);
        country = this.byKey.get(group !== null ? `group:${group}` : `location:${place.toLowerCase()}`);
      } else {
        const a = this.actorAtRaw(starts[i], ends[i]);
        if (a && a.type === 'location') country = a;
      }
      if (!country || !this.isStoryOffset(starts[i])) continue;
      const hasThe = i > 0 && sentences[i - 1] === sentences[i] && this.lowerAt(i - 1) === 'the';
      const start = hasThe ? starts[i - 1] : starts[i];
      if (!this.actorAtRaw(starts[i], ends[i]) || hasThe) this.addMention(country, { start, end: ends[next] }, text.slice(start, ends[next]));
    }
  }

  /**
   * The tokens the phrase-finding phases start from, in reading order, found in one pass over the folded
   * tokens: every "the", and the words that may be government nouns or a person's collective. Each phase
   * still checks the token's own text.
   */
  private phraseWords(): { determiners: number[]; governmentNouns: number[]; collectives: number[] } {
    const kinds = phraseWordKinds(this.g.governmentNouns);
    const out = { determiners: [] as number[], governmentNouns: [] as number[], collectives: [] as number[] };
    const { folds, formOf, tokenCount } = this.doc;
    // Looked up once per form (`Doc.folds` is indexed by form), then read per token.
    const kindOfForm = new Uint8Array(folds.length);
    for (let f = 0; f < folds.length; f++) kindOfForm[f] = kinds.get(folds[f]) ?? 0;
    for (let i = 0; i < tokenCount; i++) {
      const kind = kindOfForm[formOf[i]];
      if (kind === 0) continue;
      if (kind & PhraseWord.Determiner) out.determiners.push(i);
      if (kind & PhraseWord.GovernmentNoun) out.governmentNouns.push(i);
      if (kind & PhraseWord.Collective) out.collectives.push(i);
    }
    return out;
  }

  /** "the Clinton campaign", "Trump's campaign", "the Obama administration": a person's team, recorded under that person. */
  private addCollectivePhrases(nouns: readonly number[]): void {
    const doc = this.doc;
    const { text } = doc;
    const starts = doc.tokenStart;
    const sentences = doc.tokenSentence;
    for (let k = 0; k < nouns.length; k++) {
      const i = nouns[k];
      // i is the collective noun, i - 1 its owner.
      if (i < 1) continue;
      const sentence = sentences[i];
      if (doc.tokenKind[i] !== TokenKind.Word || !PERSON_COLLECTIVES.has(tokenText(doc, i)) || sentences[i - 1] !== sentence) continue;
      const ownerStart = starts[i - 1];
      const a = this.actorAtRaw(ownerStart, doc.tokenEnd[i - 1]);
      if (!a || a.type !== 'person' || a.memberStates) continue;
      let first = tokenIndexAt(doc, this.mentionStartAt(ownerStart));
      if (first > 0 && sentences[first - 1] === sentence && DETERMINERS.has(this.lowerAt(first - 1))) first--;
      if (first < 0) continue;
      const span = { start: starts[first], end: doc.tokenEnd[i] };
      this.addMention(a, span, text.slice(span.start, span.end));
      const added = this.pending?.[this.pending.length - 1];
      if (added) added.collective = true;
    }
  }

  /** Start of the name mention covering `offset` (the owner word may end a longer name: "Hillary Clinton's"). */
  private mentionStartAt(offset: number): number {
    const ms = this.mentions;
    const lo = ms.countStartingBefore(offset + 1);
    let start = offset;
    for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if (ms.at(k).end > offset) start = Math.min(start, ms.at(k).start);
    return start;
  }

  /** "The diplomat argued…", "the Russian deputy minister", "the bloc": determiners with a role or body noun. */
  private addRoleNounReferences(determiners: readonly number[]): void {
    const doc = this.doc;
    for (let k = 0; k < determiners.length; k++) {
      const i = determiners[k];
      if (i + 1 >= doc.tokenCount) continue;
      const w = tokenText(doc, i);
      if ((w !== 'the' && w !== 'The') || !this.isStoryOffset(doc.tokenStart[i])) continue;
      const phrase = this.referencePhrase(i);
      if (!phrase) continue;
      const a = this.referent(phrase.start, phrase.end, phrase.head);
      if (a) this.addMention(a, phrase, this.doc.text.slice(phrase.start, phrase.end));
    }
  }

  /**
   * "Lawmaker urges …", "Member of House panel says …": a bare role noun opening a clause of the opening
   * headline refers forward to the person the story's lead names.
   */
  private addHeadlineRoleNouns(): void {
    const doc = this.doc;
    const { paragraphs } = doc;
    const starts = doc.tokenStart;
    const sentences = doc.tokenSentence;
    const head = paragraphs[0];
    if (!head || paragraphs.length < 2 || head.kind === 'boilerplate' || head.end - head.start > HEADLINE_LENGTH) return;
    for (let i = Math.max(0, tokenIndexAt(doc, head.start)); i < doc.tokenCount && starts[i] < head.end; i++) {
      const word = tokenText(doc, i);
      const lower = this.lowerAt(i);
      if (doc.tokenKind[i] !== TokenKind.Word || !/^\p{Lu}/u.test(word) || !this.g.personNouns.has(lower) || this.actorAtRaw(starts[i], doc.tokenEnd[i])) continue;
      const prev = i - 1;
      const opensClause = prev < 0 || starts[prev] < head.start || sentences[prev] !== sentences[i] || (doc.tokenKind[prev] === TokenKind.Punct && /^[:;—–-]$/.test(tokenText(doc, prev)));
      const next = i + 1;
      // "Senator Jones says" names its person; only the bare noun reaches forward.
      if (!opensClause || !isWordToken(doc, next) || /^\p{Lu}/u.test(tokenText(doc, next))) continue;
      const a = this.leadPerson(head.end, lower);
      if (a) this.addMention(a, { start: starts[i], end: doc.tokenEnd[i] }, null);
    }
  }

  /** The person the first lines after `from` are about: the first named, unless a later one carries the role word. */
  private leadPerson(from: number, role: string): ActorState | null {
    let best: ActorState | null = null;
    let bestScore = -Infinity;
    for (let i = this.lastMentionIndexBefore(from) + 1; i < this.mentions.length; i++) {
      const m = this.mentions.at(i);
      if (m.start - from > REFERENCE_WINDOW) break;
      const a = m.actor;
      if (a.type !== 'person' || a.memberStates || contradictsParty([role], a.words)) continue;
      const score = (a.words.has(role) ? 3 : 0) - (m.start - from) / 1000;
      if (score > bestScore) {
        best = a;
        bestScore = score;
      }
    }
    return best;
  }

  /** "the [nationality|adjective]* NOUN" where NOUN is a person role or a body ("bloc", "alliance"); not followed by "of". */
  private referencePhrase(detIndex: number): (Span & { head: string }) | null {
    const doc = this.doc;
    const starts = doc.tokenStart;
    const ends = doc.tokenEnd;
    const sentences = doc.tokenSentence;
    const sentence = sentences[detIndex];
    for (let k = detIndex + 1; k < doc.tokenCount && k <= detIndex + 4 && sentences[k] === sentence && doc.tokenKind[k] === TokenKind.Word; k++) {
      const w = this.lowerAt(k);
      if (this.g.personNouns.has(w) || this.g.blocNouns.has(w) || this.g.titleHeads.has(w)) {
        const next = k + 1;
        const hasNext = next < doc.tokenCount;
        const nextWord = hasNext && sentences[next] === sentence && doc.tokenKind[next] === TokenKind.Word ? this.lowerAt(next) : '';
        const nextIsNoun = !!nextWord && (this.g.personNouns.has(nextWord) || this.isTitleWord(nextWord) || this.g.blocNouns.has(nextWord));
        if (!nextIsNoun) {
          if (nextWord === 'of' || (hasNext && /^\p{Lu}/u.test(tokenText(doc, next)))) return null;
          // The noun must end its phrase: "the diplomat argued", "the bloc since 1997", not "the private email".
          if (nextWord && !REFERENCE_FOLLOWERS.has(nextWord) && !/(?:ed|s)$/.test(nextWord)) return null;
          // Capitalised heads are names in their own right ("the Alliance") and already entities.
          if (this.actorAtRaw(starts[k], ends[k])) return null;
          return { start: starts[detIndex], end: ends[k], head: w };
        }
      }
      if (!this.isReferenceModifier(tokenText(doc, k), w)) return null;
    }
    return null;
  }

  /** Words allowed between "the" and a role noun: nationalities, title words, a few adjectives of office and age. */
  private isReferenceModifier(word: string, lower: string): boolean {
    const f = this.g.exact.get(word) ?? 0;
    if (f & (Kind.Group | Kind.Country)) return true;
    if (this.g.closedClass.has(lower) || this.g.cueVerbs.has(lower)) return false;
    return this.isTitleWord(lower) || ROLE_ADJECTIVES.has(lower) || /^\d+-year-old$/.test(lower);
  }

  /** The actor a role noun or body noun refers to, from what came before `start`. */
  private referent(start: number, end: number, head: string): ActorState | null {
    const words = this.phraseWordsOf(this.doc.text.slice(start, end));
    const phrase = words.lower;
    const isPerson = this.g.personNouns.has(head) || this.g.titleHeads.has(head);
    const isBody = this.g.blocNouns.has(head) && !isPerson;
    // What depends only on the phrase, worked out once for all the candidates.
    const titleHead = isPerson && this.g.titleHeads.has(head);
    const namedBody = isBody && NAMED_BODY_HEADS.has(head);
    const relational = RELATIONAL_NOUNS.has(head);
    const gender = MALE_NOUNS.has(head) ? 'male' : FEMALE_NOUNS.has(head) ? 'female' : null;
    const opposing = isPerson ? words.opposing : [];
    let best: ActorState | null = null;
    let bestScore = -Infinity;
    const visit = ++this.referentVisit;
    for (let i = this.lastMentionIndexBefore(start); i >= 0; i--) {
      const m = this.mentions.at(i);
      if (start - m.end > REFERENCE_WINDOW) break;
      const a = m.actor;
      if (a.visited === visit) continue;
      a.visited = visit;
      if ((isPerson && a.type !== 'person') || a.memberStates) continue;
      // "the president" does not refer to someone introduced with another title ("deputy foreign minister").
      if (titleHead && a.hasTitleHead && !a.words.has(head)) continue;
      if (isBody && a.type !== 'organization' && !(head === 'government' && a.type === 'location')) continue;
      // "the court", "the union": a body of one kind is an actor named as such, never just any organization.
      if (namedBody && !a.words.has(head) && !(head === 'union' && hasAny(a.words, UNION_NAME_WORDS))) continue;
      if (opposing.length && hasAny(a.words, opposing)) continue;
      // "the client", "his wife": a relation names someone else than the person just mentioned, unless so introduced.
      if (relational && !a.words.has(head)) continue;
      if (gender && a.gender !== null && a.gender !== gender) continue;
      let score = -(start - m.start) / 1000;
      if (a.words.has(head)) score += 3;
      for (const w of phrase) if (w !== 'the' && w !== head && a.words.has(w)) score += 1;
      if (isBody && head === 'bloc' && (a.words.has('alliance') || a.words.has('union') || a.words.has('nato'))) score += 2;
      if (score > bestScore) {
        bestScore = score;
        best = a;
      }
    }
    return best;
  }

  private phraseWordsOf(phrase: string): ReferencePhraseWords {
    let words = this.referencePhraseWords.get(phrase);
    if (!words) {
      const lower = phrase.toLowerCase().split(/\s+/);
      words = { lower, opposing: opposingPartyWords(lower) };
      this.referencePhraseWords.set(phrase, words);
    }
    return words;
  }

  // ---- lookups used by quotes and demands ------------------------------------------------------

  actorAt(start: number, end: number): string | null {
    const a = this.actorAtRaw(start, end);
    if (a && a.type !== 'person') return (this.personBehindModifier(start, end, a) ?? a).id;
    return a?.id ?? null;
  }

  /**
   * "the Florida senator", "the GOP candidate": a definite role phrase whose only name is a place or body
   * qualifying the role noun refers to a person, found like any role noun; null when none fits.
   */
  private personBehindModifier(start: number, end: number, modifier: ActorState): ActorState | null {
    if (end - start > 80) return null;
    const phrase = this.doc.text.slice(start, end);
    // Most lookups are of one word, which has no determiner and role noun to split.
    if (!/\s/.test(phrase)) return null;
    const words = phrase.toLowerCase().split(/\s+/);
    const head = words[words.length - 1];
    if (words.length < 3 || !DETERMINERS.has(words[0]) || !(this.g.personNouns.has(head) || this.g.titleHeads.has(head))) return null;
    if (this.actorAtRaw(end - head.length, end) === modifier) return null;
    const a = this.referent(start, end, head);
    if (a) this.addMention(a, { start, end }, phrase);
    return a;
  }

  private actorAtRaw(start: number, end: number): ActorState | null {
    const ms = this.mentions;
    // Last mention starting before `end`, then walk back while mentions may still overlap.
    const lo = ms.countStartingBefore(end);
    let found: Mention | null = null;
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
      const m = ms.at(i);
      if (m.end <= start) continue;
      // In "Member of House panel" the head is the noun before "of", not the name after it.
      if (found && m.end < found.start && m.actor.type === 'person' && found.actor.type !== 'person' && OF_AFTER.test(this.doc.text.slice(m.end, m.end + 4))) return m.actor;
      found ??= m;
    }
    return found?.actor ?? null;
  }

  resolve(start: number, end: number): string | null {
    const direct = this.actorAt(start, end);
    if (direct) return direct;
    const phrase = this.doc.text.slice(start, end).trim();
    if (!phrase || phrase.length > 80) return null;
    const lower = phrase.toLowerCase();
    let a: ActorState | null = null;
    if (MALE_PRONOUNS.has(lower) || FEMALE_PRONOUNS.has(lower)) {
      const gender = MALE_PRONOUNS.has(lower) ? 'male' : 'female';
      a = this.subjectAfterFrontedClause(start, gender) ?? this.personBefore(start, gender);
    }
    else if (PLURAL_PRONOUNS.has(lower)) a = this.groupBefore(start);
    else if (lower === 'who' || lower === 'which') a = this.relativeAntecedent(start, lower === 'who');
    else {
      const words = lower.split(/\s+/);
      const head = words[words.length - 1];
      if (words.length > 1 && DETERMINERS.has(words[0]) && (this.g.personNouns.has(head) || this.g.blocNouns.has(head) || this.g.titleHeads.has(head))) {
        a = this.referent(start, end, head);
      } else if (this.g.personNouns.has(head) && words.length === 1) {
        a = this.referent(start, end, head);
      } else if (words.length === 2 && PERSON_COLLECTIVES.has(head) && (words[0] === 'his' || words[0] === 'her')) {
        // "his campaign", "her team": the person the possessive stands for, as "the Clinton campaign" is Clinton's.
        const gender = words[0] === 'his' ? 'male' : 'female';
        a = this.subjectAfterFrontedClause(start, gender) ?? this.personBefore(start, gender);
        if (a) {
          this.addMention(a, { start, end }, null);
          return a.id;
        }
      } else {
        a = this.byName(phrase);
      }
    }
    if (!a) return null;
    this.addMention(a, { start, end }, MALE_PRONOUNS.has(lower) || FEMALE_PRONOUNS.has(lower) || PLURAL_PRONOUNS.has(lower) || RELATIVE_PRONOUNS.has(lower) ? null : phrase);
    return a.id;
  }

  /**
   * The name a relative "who" or "which" hangs on: "Obama, who …", "Senator Ted Cruz of Texas, who …",
   * "Clinton, a former senator, who …", "Republicans who …". People and organizations for "who", organizations
   * for "which"; places in between ("of Texas") are skipped. Null when the noun before it is no actor.
   */
  private relativeAntecedent(start: number, personal: boolean): ActorState | null {
    const sentenceStart = this.sentenceStartOf(start);
    for (let i = this.lastMentionIndexBefore(start), n = 0; i >= 0 && n < 3; i--, n++) {
      const m = this.mentions.at(i);
      if (m.start < sentenceStart) return null;
      if (m.actor.type === 'location') continue;
      if (!RELATIVE_GAP.test(this.doc.text.slice(m.end, start))) return null;
      // "Marc Ortiz, the head of the Urban League, who …": the person the apposition describes, not its last name.
      const owner = personal && m.actor.type !== 'person' && i > 0 ? this.mentions.at(i - 1) : null;
      if (owner && owner.start >= sentenceStart && owner.actor.type === 'person' && APPOSITION_GAP.test(this.doc.text.slice(owner.end, start))) return owner.actor;
      const fits = m.actor.type === 'organization' || (personal && m.actor.type === 'person');
      return fits ? m.actor : null;
    }
    return null;
  }

  private byName(name: string): ActorState | null {
    const key = name.toLowerCase();
    const listed = this.byAliasKey.get(key);
    if (listed) return listed;
    const last = key.split(/\s+/).pop() ?? '';
    // The surname must be written as a name: "The bill" is no "Bill Frelick".
    const lastWritten = name.slice(name.length - last.length);
    if (!/^\p{L}/u.test(last) || !/^\p{Lu}/u.test(lastWritten)) return null;
    return this.personByWord.get(last) ?? null;
  }

  /**
   * The most recent person before `start` that the pronoun may stand for: never one whose first name or
   * honorific gives the other gender, nor a "person" whose name opens with a place, organization or
   * common word ("Vermont Democrats", "Customs Enforcement"), which is a mistyped entity.
   */
  private personBefore(start: number, gender: 'male' | 'female'): ActorState | null {
    let nearest: Mention | null = null;
    const namedAfter = this.peopleNamedLaterInSentence(start);
    for (let i = this.lastMentionIndexBefore(start); i >= 0; i--) {
      const m = this.mentions.at(i);
      if (start - m.end > REFERENCE_WINDOW) break;
      if (nearest && m.start < this.sentenceStartOf(nearest.start)) break;
      if (!this.fitsPronoun(m.actor, gender) || namedAfter?.includes(m.actor)) continue;
      // Within the sentence of the nearest fitting person, its subject is the likelier antecedent:
      // "Cruz is highlighting his win over Trump as he urges …" is about Cruz.
      if (nearest && nearest.actor !== m.actor && this.isSentenceSubject(m)) return m.actor;
      if (!nearest) {
        if (this.isSentenceSubject(m)) return m.actor;
        nearest = m;
      }
    }
    return nearest?.actor ?? null;
  }

  /**
   * For a pronoun opening its sentence as the subject, the people named (not merely referred to by a pronoun) later
   * in its clause: "He insisted Curiel had a conflict" is not about Curiel, since a subject never stands for a
   * name inside its own clause. A pronoun further in may point forward ("when he took office, Francis …"). Null
   * when there are none.
   */
  private peopleNamedLaterInSentence(start: number): ActorState[] | null {
    const doc = this.doc;
    const sentences = doc.tokenSentence;
    const i = tokenIndexAt(doc, start);
    if (i < 0) return null;
    const sentence = sentences[i];
    let k = i - 1;
    if (k >= 0 && sentences[k] === sentence && LEADING_CONJUNCTIONS.has(this.lowerAt(k))) k--;
    if (k >= 0 && sentences[k] === sentence) return null;
    // The pronoun's own clause: up to the first comma, dash, bracket, colon or quotation mark.
    let last = i + 1;
    while (last < doc.tokenCount && last - i < CLAUSE_TOKENS && sentences[last] === sentence && !(doc.tokenKind[last] === TokenKind.Punct && CLAUSE_BREAKS.has(tokenText(doc, last)))) last++;
    const clauseEnd = last < doc.tokenCount ? doc.tokenStart[last] : doc.text.length;
    let out: ActorState[] | null = null;
    for (let k = this.mentions.countStartingBefore(start + 1), n = 0; k < this.mentions.length && n < MENTIONS_AHEAD; k++, n++) {
      const m = this.mentions.at(k);
      if (m.start >= clauseEnd) break;
      // "— itself a rebuttal to Trump's slogan": a possessive or an aside may still be the subject's own name.
      if (m.start <= start || m.actor.type !== 'person' || this.isPronounAt(m) || POSSESSIVE_AFTER.test(this.doc.text.slice(m.end, m.end + 2))) continue;
      (out ??= []).push(m.actor);
    }
    return out;
  }

  private isPronounAt(m: Span): boolean {
    if (m.end - m.start > 10) return false;
    const w = this.doc.text.slice(m.start, m.end).toLowerCase();
    return MALE_PRONOUNS.has(w) || FEMALE_PRONOUNS.has(w) || PLURAL_PRONOUNS.has(w) || RELATIVE_PRONOUNS.has(w);
  }

  /**
   * "After he blasted the film, Pastor Kevin Swanson turned on …": a pronoun inside a clause opening the sentence
   * points forward to the person named right after that clause's comma, when that person fits it.
   */
  private subjectAfterFrontedClause(start: number, gender: 'male' | 'female'): ActorState | null {
    const doc = this.doc;
    const count = doc.tokenCount;
    const sentences = doc.tokenSentence;
    const i = tokenIndexAt(doc, start);
    if (i < 0) return null;
    const sentence = sentences[i];
    const first = tokenIndexAt(doc, doc.sentences[sentence].start);
    if (first < 0 || first === i || !FRONTED_CLAUSE_OPENERS.has(this.lowerAt(first))) return null;
    for (let k = first; k < i; k++) if (tokenText(doc, k) === ',') return null;
    let comma = i + 1;
    while (comma < count && comma - first < FRONTED_CLAUSE_TOKENS && sentences[comma] === sentence && tokenText(doc, comma) !== ',') comma++;
    if (comma >= count || sentences[comma] !== sentence || tokenText(doc, comma) !== ',') return null;
    let subject = comma + 1;
    while (subject < count && CLOSING_MARKS.has(tokenText(doc, subject))) subject++;
    for (let n = 0; n < 4 && subject < count && /^\p{Lu}/u.test(tokenText(doc, subject)) && this.hasRoleWord(tokenText(doc, subject)); n++) subject++;
    const next = this.mentions.countStartingBefore(doc.tokenEnd[comma]);
    if (next >= this.mentions.length || subject >= count) return null;
    const m = this.mentions.at(next);
    if (m.start > doc.tokenStart[subject]) return null;
    return this.fitsPronoun(m.actor, gender) ? m.actor : null;
  }

  private fitsPronoun(a: ActorState, gender: 'male' | 'female'): boolean {
    if (a.type !== 'person' || a.memberStates || (a.gender !== null && a.gender !== gender)) return false;
    return a.gender !== null || !this.isDoubtfulPerson(a);
  }

  private sentenceStartOf(offset: number): number {
    const i = tokenIndexAt(this.doc, offset);
    return i < 0 ? offset : this.doc.sentences[this.doc.tokenSentence[i]].start;
  }

  /**
   * A mention opening its sentence, after at most a few capitalised title words ("Texas Sen. Ted Cruz said"),
   * or right after an opening adverbial phrase ("In the wake of the attack, Trump called …").
   */
  private isSentenceSubject(m: Span): boolean {
    const doc = this.doc;
    const sentences = doc.tokenSentence;
    const i = tokenIndexAt(doc, m.start);
    if (i < 0) return false;
    const sentence = sentences[i];
    let k = i - 1;
    for (let n = 0; k >= 0 && sentences[k] === sentence; k--, n++) {
      const word = tokenText(doc, k);
      const titleLike = doc.tokenKind[k] === TokenKind.Word ? startsUpperCase(word) && (this.isTitleWord(this.lowerAt(k)) || this.isTitleOrOrigin(word)) : word === '.';
      if (n >= 4 || !titleLike) break;
    }
    if (k < 0 || sentences[k] !== sentence) return true;
    // "But Trump also struck …": a conjunction opening the sentence comes before its subject.
    if (LEADING_CONJUNCTIONS.has(this.lowerAt(k)) && (k === 0 || sentences[k - 1] !== sentence)) return !POSSESSIVE_AFTER.test(doc.text.slice(m.end, m.end + 2));
    if (tokenText(doc, k) !== ',') return false;
    const first = tokenIndexAt(doc, doc.sentences[sentence].start);
    return first >= 0 && SENTENCE_OPENERS.has(this.lowerAt(first)) && i - k <= 5;
  }

  /** A word naming a place, body or group, even when it is also a given name ("Missouri", "Georgia"). */
  private isPlaceLike(word: string): boolean {
    return ((this.g.exact.get(word) ?? 0) & (Kind.Location | Kind.Country | Kind.Organization | Kind.Group)) !== 0;
  }

  private isDoubtfulPerson(a: ActorState): boolean {
    let doubtful = this.doubtfulNames.get(a.name);
    if (doubtful === undefined) {
      doubtful = this.isDoubtfulPersonName(a.name);
      this.doubtfulNames.set(a.name, doubtful);
    }
    return doubtful;
  }

  private isDoubtfulPersonName(name: string): boolean {
    const words = name.split(/\s+/);
    // "Missouri Republican Roy Blunt": a given name inside a mistyped span still makes it a person.
    for (let i = 1; i < words.length - 1; i++) if ((this.g.exact.get(words[i]) ?? 0) & Kind.FirstName && !this.isPlaceLike(words[i])) return false;
    const first = words[0];
    // "La Raza", "Le Monde", "Der Spiegel": a name opening with a foreign article is a body or a place.
    if (words.length > 1 && FOREIGN_ARTICLES.has(first)) return true;
    if (!/^\p{Lu}\p{Ll}/u.test(first)) return !/^\p{Lu}\.?$/u.test(first);
    const kinds = this.g.exact.get(first) ?? 0;
    if (kinds & Kind.FirstName) return false;
    return (kinds & (Kind.Location | Kind.Organization | Kind.Group | Kind.OrgFirst | Kind.LocFirst)) !== 0 || this.g.isCommonWord(first.toLowerCase());
  }

  /** "they": the most recent organization. Places are never "they" (a place acting as a government is named as such). */
  private groupBefore(start: number): ActorState | null {
    let organization: Mention | null = null;
    for (let i = this.lastMentionIndexBefore(start); i >= 0; i--) {
      const m = this.mentions.at(i);
      if (start - m.end > REFERENCE_WINDOW) break;
      if ((m.actor.type === 'organization' || m.collective) && !this.isNounModifier(m)) {
        organization = m;
        break;
      }
    }
    // People named together more recently than any organization, or as the subject of the sentence that names the
    // organization further on ("Ann Lee and Tom Ray, who run the guild, met …"): "they" are those people.
    const c = this.coordinationBefore(start);
    if (c && start - c.end <= REFERENCE_WINDOW && (!organization || organization.end <= c.end || this.opensSentenceOf(c, organization))) return this.groupOf(c);
    return organization?.actor ?? null;
  }

  /** True when `subject` opens the sentence that also holds `later`. */
  private opensSentenceOf(subject: Span, later: Span): boolean {
    const doc = this.doc;
    const sentences = doc.tokenSentence;
    const first = tokenIndexAt(doc, subject.start);
    const laterIndex = tokenIndexAt(doc, later.start);
    if (first < 0 || laterIndex < 0) return false;
    const sentence = sentences[first];
    return (first === 0 || sentences[first - 1] !== sentence) && sentences[laterIndex] === sentence;
  }

  /** "Senate leaders", "Fox News hosts": a name qualifying a person noun is not what "they" stands for. */
  private isNounModifier(m: Span): boolean {
    const next = NEXT_WORD.exec(this.doc.text.slice(m.end, m.end + 24));
    if (!next) return false;
    const w = next[1];
    return this.g.personNouns.has(w) || (w.endsWith('s') && this.g.personNouns.has(w.slice(0, -1)));
  }

  private coordinationBefore(start: number): Coordination | null {
    const cs = this.coordinations;
    let lo = 0;
    let hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? cs[lo - 1] : null;
  }

  private lastMentionIndexBefore(start: number): number {
    return this.mentions.countEndingBy(start) - 1;
  }

  finish(): void {
    for (const a of this.states) {
      // Most actors' mentions are already in order and without repeats: then the array is kept as it is.
      if (a.mentions.length <= SHORT_SPAN_LIST) sortShortSpans(a.mentions);
      else if (!inSpanOrder(a.mentions)) sortSpans(a.mentions);
      if (hasRepeatedSpan(a.mentions)) a.mentions = a.mentions.filter((m, i, all) => i === 0 || m.start !== all[i - 1].start || m.end !== all[i - 1].end);
    }
    // Drop the bookkeeping fields from the public actors.
    for (let i = 0; i < this.actors.length; i++) {
      const s = this.states[i];
      this.actors[i] = { id: s.id, name: s.name, type: s.type, aliases: s.aliases, mentions: s.mentions };
      if (s.members) this.actors[i].members = s.members;
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private stateById(id: string): ActorState {
    return this.states[Number(id.slice(1)) - 1];
  }

  /** The text of token k in lower case (its fold in `Doc.folds` unless apostrophes were straightened). */
  private lowerAt(k: number): string {
    const folded = this.doc.folds[this.doc.formOf[k]];
    return folded.includes("'") ? tokenText(this.doc, k).toLowerCase() : folded;
  }

  private isStoryOffset(offset: number): boolean {
    const p = paragraphAt(this.doc, offset);
    return p >= 0 && this.doc.paragraphs[p].kind !== 'boilerplate';
  }
}

/** Records `a` under `key` unless an actor created before it is already there. */
function keepEarliest(index: Map<string, ActorState>, key: string, a: ActorState): void {
  const current = index.get(key);
  if (!current || current.order > a.order) index.set(key, a);
}

function contradictsParty(phrase: readonly string[], actorWords: Set<string>): boolean {
  return hasAny(actorWords, opposingPartyWords(phrase));
}

/** The party words opposed to those of `phrase`: an actor bearing one is not what the phrase refers to. */
function opposingPartyWords(phrase: readonly string[]): readonly string[] {
  let out: readonly string[] = [];
  for (const w of phrase) {
    const opposed = OPPOSING_PARTY.get(w);
    if (opposed) out = out.length ? out.concat(opposed) : opposed;
  }
  return out;
}

function hasAny(words: Set<string>, wanted: readonly string[]): boolean {
  for (const w of wanted) if (words.has(w)) return true;
  return false;
}

const enum PhraseWord {
  Determiner = 1,
  GovernmentNoun = 2,
  Collective = 4,
}

const phraseWordTables = new WeakMap<ReadonlySet<string>, Map<string, number>>();

/** Folded word (`Doc.folds`) -> the `PhraseWord` kinds a token folding to it may be. */
function phraseWordKinds(governmentNouns: ReadonlySet<string>): Map<string, number> {
  let kinds = phraseWordTables.get(governmentNouns);
  if (!kinds) {
    const table = new Map<string, number>([['the', PhraseWord.Determiner]]);
    for (const w of governmentNouns) table.set(foldToken(w), (table.get(foldToken(w)) ?? 0) | PhraseWord.GovernmentNoun);
    for (const w of PERSON_COLLECTIVES) table.set(foldToken(w), (table.get(foldToken(w)) ?? 0) | PhraseWord.Collective);
    kinds = table;
    phraseWordTables.set(governmentNouns, kinds);
  }
  return kinds;
}

/** True when `spans` are ordered as `sortSpans` orders them. */
function inSpanOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1];
    const b = spans[i];
    if (b.start < a.start || (b.start === a.start && b.end < a.end)) return false;
  }
  return true;
}

/** Lists up to this long are sorted in place by insertion, sparing the copy `Array.prototype.sort` makes. */
const SHORT_SPAN_LIST = 64;

/** `sortSpans` by insertion: the same order (both are stable), without allocating. */
function sortShortSpans(spans: Span[]): void {
  for (let i = 1; i < spans.length; i++) {
    const s = spans[i];
    let k = i - 1;
    while (k >= 0 && (spans[k].start > s.start || (spans[k].start === s.start && spans[k].end > s.end))) {
      spans[k + 1] = spans[k];
      k--;
    }
    spans[k + 1] = s;
  }
}

/** True when two neighbouring spans of `spans` are the same. */
function hasRepeatedSpan(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start === spans[i - 1].start && spans[i].end === spans[i - 1].end) return true;
  return false;
}

function isSorted(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}


/** A space or hyphen: what separates the words of a name (`[\s-]`). */
function isWordBreak(code: number): boolean {
  return code === 45 || isRegExpSpace(code);
}

function hasWordBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isWordBreak(text.charCodeAt(i))) return true;
  return false;
}

function initials(name: string): string {
  let out = '';
  for (const w of name.split(/[\s-]+/)) if (startsUpperCase(w)) out += w.charAt(0);
  return out;
}

