/**
 * Name lists for entity recognition, compiled from data/*.json into hash maps on first use
 * (the lists are large, so activation does not pay for them).
 */
import gazetteerData from './data/gazetteer.json';
import namesData from './data/names.json';
import wordsData from './data/english-words.json';
import cues from './data/entity-cues.json';

/** Bit flags of what a surface form can be. */
export const enum Kind {
  Location = 1,
  Organization = 2,
  Person = 4,
  /** Nationality or member-of-group word: "Russian", "Australian", "Democrat". */
  Group = 8,
  FirstName = 16,
  Country = 64,
  Capital = 128,
  TitleHead = 256,
  TitleModifier = 512,
  OrgHead = 1024,
  LocHead = 2048,
  OrgFirst = 4096,
  LocFirst = 8192,
  Date = 16384,
  KnownOrganization = 32768,
  EventHead = 65536,
  /** A city of the GeoNames list (many share a name with people: "Clinton", "Austin"). */
  City = 131072,
  /** First word of club and company names ("Real Madrid", "Air France"). */
  OrgPrefix = 262144,
}

export interface Gazetteer {
  /** Flags by exact surface form. */
  exact: Map<string, number>;
  /** Flags of a form written in capitals or lower case ("NEW YORK", "minister"), matched case-blind. */
  caseless(text: string): number;
  /** Capital city -> country name. */
  capitals: Map<string, string>;
  /** Nationality adjective -> place name ("Russian" -> "Russia"). */
  nationalities: Map<string, string>;
  /** Function words and news-page words ("soccer", "results") that do not start a name at a clause start. */
  closedClass: Set<string>;
  /** Function words only ("the", "it", "however"): never a name, wherever they stand. */
  functionWords: Set<string>;
  cueVerbs: Set<string>;
  nameParticles: Set<string>;
  blocNouns: Set<string>;
  sportsWords: Set<string>;
  sportNames: Set<string>;
  personNouns: Set<string>;
  /** Nouns that, after a nationality or a country, stand for its government ("Russian diplomacy", "the US side"). */
  governmentNouns: Set<string>;
  maleNames: Set<string>;
  femaleNames: Set<string>;
  /** Lower-cased title heads ("minister", "president") and title words with their modifiers ("deputy", "foreign"). */
  titleHeads: Set<string>;
  titleWords: Set<string>;
  isCommonWord(lower: string): boolean;
  /** Longest multi-word gazetteer entry, in words, by its first word (lower-cased). */
  longestByFirstWord: Map<string, number>;
}

let cached: Gazetteer | undefined;
const MULTIWORD_KINDS = Kind.Location | Kind.City | Kind.Organization | Kind.Person;

const split = (s: string): string[] => (s ? s.split('|') : []);

function countWords(s: string): number {
  let n = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

/** "NEW YORK" -> "New York", "minister" -> "Minister". */
function titleCase(s: string): string {
  let out = '';
  let start = true;
  for (const ch of s) {
    out += start ? ch.toUpperCase() : ch.toLowerCase();
    start = ch === ' ' || ch === '-';
  }
  return out;
}

/** Decodes a front-coded list (see scripts/build-gazetteers.mjs): shared-prefix length in base 36, then the rest. */
function decode(s: string): string[] {
  const out: string[] = [];
  let prev = '';
  // One pass with indexOf rather than split(): this runs once per process, before any of it is optimised.
  for (let i = 0; i < s.length; ) {
    let bar = s.indexOf('|', i);
    if (bar < 0) bar = s.length;
    prev = prev.slice(0, parseInt(s.charAt(i), 36)) + s.slice(i + 1, bar);
    out.push(prev);
    i = bar + 1;
  }
  return out;
}

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const exact = new Map<string, number>();
  const longestByFirstWord = new Map<string, number>();
  const add = (names: string[], kind: number): void => {
    // An indexed loop: this runs once, mostly in the interpreter, where for-of pays for the iterator protocol.
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      exact.set(name, (exact.get(name) ?? 0) | kind);
      if (kind & MULTIWORD_KINDS) {
        const space = name.indexOf(' ');
        if (space > 0) {
          const first = name.slice(0, space).toLowerCase();
          const words = countWords(name);
          if ((longestByFirstWord.get(first) ?? 0) < words) longestByFirstWord.set(first, words);
        }
      }
    }
  };
  add(decode(gazetteerData.location), Kind.Location);
  add(decode(gazetteerData.countries), Kind.Country | Kind.Location);
  add(decode(gazetteerData.cities), Kind.City);
  add(decode(gazetteerData.organization), Kind.Organization);
  add(decode(gazetteerData.person), Kind.Person);
  add(decode(gazetteerData.groupMembers), Kind.Group);
  const maleNames = new Set(decode(namesData.male));
  const femaleNames = new Set(decode(namesData.female));
  add([...maleNames], Kind.FirstName);
  add([...femaleNames], Kind.FirstName);
  add(decode(namesData.other), Kind.FirstName);
  add(split(cues.titleHeads), Kind.TitleHead);
  add(split(cues.titleModifiers), Kind.TitleModifier);
  add(split(cues.orgHeads), Kind.OrgHead);
  add(split(cues.locHeads), Kind.LocHead);
  add(split(cues.orgFirstWords), Kind.OrgFirst);
  add(split(cues.orgPrefixes), Kind.OrgPrefix);
  add(split(cues.locFirstWords), Kind.LocFirst);
  add(split(cues.months), Kind.Date);
  add(split(cues.weekdays), Kind.Date);
  add(split(cues.organizations), Kind.KnownOrganization | Kind.Organization);
  add(split(cues.places), Kind.Location);
  add(split(cues.countries), Kind.Location | Kind.Country);
  add(split(cues.eventHeads), Kind.EventHead);
  const capitals = new Map<string, string>();
  for (const pair of split(gazetteerData.capitals)) {
    const [city, country] = pair.split('=');
    capitals.set(city, country);
    exact.set(city, (exact.get(city) ?? 0) | Kind.Capital);
  }
  const nationalities = new Map<string, string>();
  for (const pair of split(gazetteerData.nationalities)) {
    const [adj, place] = pair.split('=');
    nationalities.set(adj, place);
    exact.set(adj, (exact.get(adj) ?? 0) | Kind.Group);
  }
  const common = new Set(decode(wordsData.common));
  const functionWords = new Set(split(cues.closedClass));
  const closedClass = new Set([...functionWords, ...split(cues.newsWords)]);
  const isCommonWord = (w: string): boolean => {
    if (common.has(w) || closedClass.has(w)) return true;
    const n = w.length;
    if (n < 4) return false;
    if (w.endsWith('s')) {
      if (common.has(w.slice(0, -1))) return true;
      if (w.endsWith('ies') && common.has(w.slice(0, -3) + 'y')) return true;
      if (w.endsWith('es') && common.has(w.slice(0, -2))) return true;
    }
    if (w.endsWith('ed')) {
      const stem = w.slice(0, -2);
      if (common.has(stem) || common.has(stem + 'e') || (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && common.has(stem.slice(0, -1)))) return true;
      if (w.endsWith('ied') && common.has(w.slice(0, -3) + 'y')) return true;
    }
    if (w.endsWith('ing')) {
      const stem = w.slice(0, -3);
      if (common.has(stem) || common.has(stem + 'e') || (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && common.has(stem.slice(0, -1)))) return true;
    }
    if (w.endsWith('ly') && common.has(w.slice(0, -2))) return true;
    if (w.endsWith('er') && common.has(w.slice(0, -2))) return true;
    if (w.endsWith('est') && common.has(w.slice(0, -3))) return true;
    return false;
  };
  const caselessCache = new Map<string, number>();
  const caseless = (text: string): number => {
    const hit = caselessCache.get(text);
    if (hit !== undefined) return hit;
    const title = titleCase(text);
    let f = (exact.get(text) ?? 0) | (exact.get(title) ?? 0);
    if (title.includes(' ')) f |= exact.get(title.replace(/ (?:Of|For|And|In|The|De|On) /g, (w) => w.toLowerCase())) ?? 0;
    if (caselessCache.size > 50000) caselessCache.clear();
    caselessCache.set(text, f);
    return f;
  };
  cached = {
    exact,
    caseless,
    capitals,
    nationalities,
    closedClass,
    functionWords,
    cueVerbs: new Set(split(cues.cueVerbs)),
    nameParticles: new Set(split(cues.nameParticles)),
    blocNouns: new Set(split(cues.blocNouns)),
    sportsWords: new Set(split(cues.sportsWords)),
    sportNames: new Set(split(cues.teamSports)),
    personNouns: new Set([...decode(wordsData.personNouns), ...split(cues.personNouns)]),
    isCommonWord,
    longestByFirstWord,
    governmentNouns: new Set(split(cues.governmentNouns)),
    titleHeads: new Set(split(cues.titleHeads.toLowerCase())),
    titleWords: new Set(split(`${cues.titleHeads}|${cues.titleModifiers}`.toLowerCase())),
    maleNames,
    femaleNames,
  };
  return cached;
}
