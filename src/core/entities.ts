/**
 * Named-entity mentions: people, organizations, places, plus nationalities and dates as extras.
 *
 * Capitalised word runs are found per sentence (with ALL-CAPS and Title-Case headlines read through a
 * common-word filter), split at titles and nationality words, typed from gazetteers, head words and
 * context, and finally made consistent across the document (surnames, repeated forms, acronyms).
 */
import { gazetteer, Kind } from './gazetteer';
import type { Gazetteer } from './gazetteer';
import { collapseSpaces, tokenIndexFrom, tokenText, TokenKind } from './text';
import type { Doc, Paragraph } from './text';
import type { EntityType, TextSpan } from './types';

export interface EntityMention extends TextSpan {
  type: EntityType;
}

const NAME_KINDS = Kind.Location | Kind.Organization | Kind.Person | Kind.FirstName | Kind.Country | Kind.Group;
const SPORTS_WINDOW = 600;
const MODIFIER_SUFFIX = /-(?:\p{Ll}+ed|based|born|run|made|held|style|era|wide|bound|speaking|leaning|friendly|like|type|owned|built|grown|bred|linked|allied|funded|backed|led)$/u;
const CAPS_NAME_KINDS = Kind.Location | Kind.City | Kind.Country | Kind.Organization | Kind.Person | Kind.Capital;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'across', 'outside', 'around', 'inside', 'throughout', 'towards', 'toward', 'via', 'through', 'between']);
/** Head words of bodies whose name goes on with "of" ("Chamber of Commerce", "Association of Retired Persons"). */
const OF_TAKING_HEADS = new Set(['Chamber', 'Council', 'Association', 'Federation', 'Confederation', 'Institute', 'Academy', 'Society', 'League', 'Union', 'Conference', 'Congress', 'Assembly', 'Board', 'Commission', 'Committee', 'Coalition', 'Alliance', 'Order', 'Brotherhood', 'Sisters', 'Friends', 'Bank', 'University', 'College', 'Museum', 'Church']);
const INNER_JOINERS = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'de', 'du', 'des', 'del', 'der', 'di', '&']);
const PERSON_VERBS = new Set(['said', 'says', 'told', 'added', 'stressed', 'insisted', 'warned', 'argued', 'admitted', 'acknowledged', 'asserted', 'explained', 'wrote', 'believes', 'thinks', 'replied', 'who']);

/** How sure the typing is: strong evidence is spread to weaker mentions of the same form. */
const enum Strength {
  Guess = 0,
  Context = 1,
  Lexicon = 2,
  Certain = 3,
}

interface Candidate {
  /** Indices of the first and last tokens, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  strength: Strength;
  caps: boolean;
  /** The type the words around this mention suggest, whatever the name itself looks like. */
  cue: EntityType | null;
  /** Lower-cased text: the form compared across the document. */
  key: string;
}

function flagsOf(g: Gazetteer, text: string, caps: boolean): number {
  if (caps) return g.caseless(text);
  const f = g.exact.get(text);
  if (f !== undefined) return f;
  // A word in capitals within ordinary text ("GERMANY - Bunds fell") is looked up case-blind, but only as a name.
  return text.length > 2 && !hasLowerCase(text) ? g.caseless(text) & CAPS_NAME_KINDS : 0;
}

const UPPER = /\p{Lu}/u;
const OPENS_CLAUSE = new Set(['“', '"', '‘', '«', '„', ':', ';', '—', '–', '(', '-']);

function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(ch);
}

function hasUpperAfterFirst(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (isUpper(s.charAt(i))) return true;
  return false;
}

function hasLowerCase(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128 && s.charAt(i) !== s.charAt(i).toUpperCase()) return true;
  }
  return false;
}

function isAcronym(s: string): boolean {
  return /^\p{Lu}(?:\p{Lu}|\.\p{Lu}|&)+\.?$/u.test(s);
}

/** End of the name ending with token i: a possessive "'s" is not part of it, the period of "U.S." is. */
function nameEnd(ctx: Context, i: number): number {
  const { doc } = ctx;
  const end = doc.tokenEnd[i];
  if (factsAt(ctx, i) & Fact.DottedCapitals && doc.text.charAt(end) === '.') return end + 1;
  if (tokenText(doc, i).length > 2 && endsPossessive(doc, i)) return end - 2;
  return end;
}

interface Context {
  doc: Doc;
  g: Gazetteer;
  /** Title-case forms seen capitalised away from a clause start in running text. */
  midCapital: Set<string>;
  /** Lower-cased words that appear written in lower case somewhere in the text. */
  seenLower: Set<string>;
  sports: boolean;
  /** Tokens covered by a multi-word gazetteer entry ("New York", "Gulf of Mexico"), read as name words. */
  inGazetteer: Uint8Array;
  /** Per token: 1 on an ALL-CAPS line, 2 on a Title-Case headline, else 0. */
  mode: Uint8Array;
  // Facts about each form (a distinct token text, see `Doc.forms`), worked out once per document.
  /** `Fact` bits, 0 until worked out. */
  formFacts: Uint8Array;
  /** The text lower-cased, '' until needed. */
  formLower: string[];
  /** 1 when the lower-cased text is a common word, 0 when not, -1 until looked up. */
  formCommon: Int8Array;
  /** Gazetteer flags as written in running text and on an ALL-CAPS line, -1 until looked up. */
  formFlags: Int32Array;
  formCapsFlags: Int32Array;
  /** `NameVerdict` of the form in each `Reading`, at index form * 3 + reading; 0 until worked out. */
  nameVerdicts: Uint8Array;
  /** Longest multi-word gazetteer entry starting with the form, in words (0 for none), -1 until looked up. */
  formLongestEntry: Int16Array;
}

/** What a form's text alone says. */
const enum Fact {
  Known = 1,
  /** `isUpper(text)`. */
  Capital = 2,
  /** `isUpper` of the first UTF-16 unit alone. */
  InitialCapital = 4,
  /** An opening mark, colon or dash: a new clause starts after it. */
  OpensClause = 8,
  /** Capitals joined by periods: "U.S", "A.P". */
  DottedCapitals = 16,
}

function factsOf(ctx: Context, form: number): number {
  let facts = ctx.formFacts[form];
  if (facts === 0) {
    const s = ctx.doc.forms[form];
    facts = Fact.Known;
    if (isUpper(s)) facts |= Fact.Capital;
    if (isUpper(s.charAt(0))) facts |= Fact.InitialCapital;
    if (OPENS_CLAUSE.has(s)) facts |= Fact.OpensClause;
    if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(s)) facts |= Fact.DottedCapitals;
    ctx.formFacts[form] = facts;
  }
  return facts;
}

function factsAt(ctx: Context, i: number): number {
  return factsOf(ctx, ctx.doc.formOf[i]);
}

function isCapitalAt(ctx: Context, i: number): boolean {
  return (factsAt(ctx, i) & Fact.Capital) !== 0;
}

function lowerOf(ctx: Context, form: number): string {
  let lower = ctx.formLower[form];
  if (lower === '') {
    lower = ctx.doc.forms[form].toLowerCase();
    ctx.formLower[form] = lower;
  }
  return lower;
}

/** The text of token i lower-cased (`toLowerCase`, unlike `Doc.folds` it keeps curly apostrophes). */
function lowerAt(ctx: Context, i: number): string {
  return lowerOf(ctx, ctx.doc.formOf[i]);
}

function isCommonForm(ctx: Context, form: number): boolean {
  let common = ctx.formCommon[form];
  if (common < 0) {
    common = ctx.g.isCommonWord(lowerOf(ctx, form)) ? 1 : 0;
    ctx.formCommon[form] = common;
  }
  return common === 1;
}

function isCommonAt(ctx: Context, i: number): boolean {
  return isCommonForm(ctx, ctx.doc.formOf[i]);
}

function formFlags(ctx: Context, form: number, caps: boolean): number {
  const cache = caps ? ctx.formCapsFlags : ctx.formFlags;
  let f = cache[form];
  if (f < 0) {
    f = flagsOf(ctx.g, ctx.doc.forms[form], caps);
    cache[form] = f;
  }
  return f;
}

/** Gazetteer flags of the name from token `first` to offset `end`: looked up once per form when it is one whole token. */
function nameFlags(ctx: Context, first: number, last: number, end: number, caps: boolean): number {
  const { doc } = ctx;
  if (first === last && end === doc.tokenEnd[first]) return formFlags(ctx, doc.formOf[first], caps);
  return flagsOf(ctx.g, doc.text.slice(doc.tokenStart[first], end), caps);
}


/** Longest multi-word gazetteer entry starting with token i's word, in words; 0 for none. */
function longestEntryAt(ctx: Context, i: number): number {
  const form = ctx.doc.formOf[i];
  let longest = ctx.formLongestEntry[form];
  if (longest < 0) {
    longest = ctx.g.longestByFirstWord.get(lowerOf(ctx, form)) ?? 0;
    ctx.formLongestEntry[form] = longest;
  }
  return longest;
}

export function findEntityMentions(doc: Doc): EntityMention[] {
  const g = gazetteer();
  const { text, tokenCount, forms, formOf } = doc;
  const starts = doc.tokenStart;
  const ends = doc.tokenEnd;
  const sentenceOf = doc.tokenSentence;
  const kinds = doc.tokenKind;
  const storyParagraph = doc.paragraphs.map((p) => p.kind !== 'boilerplate');
  // Per-token line mode: ALL-CAPS line, Title-Case headline, or ordinary running text.
  const mode = new Uint8Array(tokenCount); // 0 running, 1 all caps, 2 title case
  const formCount = forms.length;
  const ctx: Context = {
    doc,
    g,
    midCapital: new Set<string>(),
    seenLower: new Set<string>(),
    sports: false,
    inGazetteer: new Uint8Array(0),
    mode,
    formFacts: new Uint8Array(formCount),
    formLower: new Array<string>(formCount).fill(''),
    formCommon: new Int8Array(formCount).fill(-1),
    formFlags: new Int32Array(formCount).fill(-1),
    formCapsFlags: new Int32Array(formCount).fill(-1),
    nameVerdicts: new Uint8Array(formCount * 3),
    formLongestEntry: new Int16Array(formCount).fill(-1),
  };
  const { midCapital, seenLower } = ctx;
  const clauseStart = new Uint8Array(tokenCount);
  const lineMode = doc.lines.map((l) => (l.allCaps ? 1 : isTitleCaseLine(doc, l.start, l.end, doc.paragraphs[l.paragraph]) ? 2 : 0));
  // Lines are in order and do not overlap: the tokens of the few ALL-CAPS and Title-Case lines take their line's mode.
  for (let l = 0; l < lineMode.length; l++) {
    if (lineMode[l] === 0) continue;
    const line = doc.lines[l];
    for (let k = tokenIndexFrom(doc, line.start); k < tokenCount && starts[k] < line.end; k++) mode[k] = lineMode[l];
  }
  /** Per form: 1 once added to `seenLower`, 2 once added to `midCapital` (a form is added once, not per token). */
  const noted = new Uint8Array(formCount);
  let prevSentence = -1;
  let prevWordEnd = -1;
  let sportsHits = 0;
  const hasCapsLines = lineMode.includes(1);
  for (let i = 0; i < tokenCount; i++) {
    const start = starts[i];
    const sentence = sentenceOf[i];
    const m = mode[i];
    if (sentence !== prevSentence) {
      prevSentence = sentence;
      prevWordEnd = -1;
    }
    const form = formOf[i];
    const written = forms[form];
    if (kinds[i] !== TokenKind.Word) {
      // Opening marks, colons and dashes start a new clause; commas and closing brackets do not.
      if (factsAt(ctx, i) & Fact.OpensClause || (written === '”' && prevWordEnd >= 0)) prevWordEnd = -1;
      continue;
    }
    clauseStart[i] = prevWordEnd < 0 ? 1 : 0;
    // A word glued to a closing mark ("be“Said") starts a clause too.
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    if (before === 0x201c || before === 0x201d || before === 34) clauseStart[i] = 1;
    prevWordEnd = ends[i];
    const capital = isCapitalAt(ctx, i);
    if (m === 0) {
      if (!capital) {
        if (hasCapsLines && !(noted[form] & 1)) {
          seenLower.add(written);
          noted[form] |= 1;
        }
      } else if (!clauseStart[i] && !(noted[form] & 2)) {
        midCapital.add(written);
        noted[form] |= 2;
      }
    }
    if (i < SPORTS_WINDOW) {
      const lower = capital ? lowerAt(ctx, i) : written;
      // The opening of a story tells whether it is sports copy.
      if (g.sportsWords.has(lower)) sportsHits++;
      // A sports desk headline ("SOCCER - …", "Cricket: …") settles it.
      if (i < 3 && sentence === 0 && g.sportNames.has(lower)) sportsHits += 100;
    }
  }
  ctx.sports = sportsHits >= 4 && sportsHits * 60 >= Math.min(tokenCount, SPORTS_WINDOW);
  ctx.inGazetteer = markGazetteerRuns(ctx);

  const candidates: Candidate[] = [];
  let i = 0;
  while (i < tokenCount) {
    const sentence = sentenceOf[i];
    if (kinds[i] !== TokenKind.Word || !isCapitalAt(ctx, i) || !storyParagraph[doc.sentences[sentence].paragraph] || !isNameWord(ctx, i, mode[i], clauseStart[i])) {
      i++;
      continue;
    }
    // Grow the run: adjacent name words, with particles and (inside organization names) joiners.
    let last = i;
    let j = i + 1;
    while (j < tokenCount && sentenceOf[j] === sentence && onlySpaceBetween(doc, j - 1, j)) {
      if (isDateWord(ctx, j) || isDateWord(ctx, j - 1)) break;
      if ((isNameWord(ctx, j, mode[j], 0) || (ctx.inGazetteer[j] && ctx.inGazetteer[j - 1])) && !endsPossessive(doc, j - 1)) {
        last = j;
        j++;
        continue;
      }
      const joiner = forms[formOf[j]];
      // "U.S. Open": the period of a dotted abbreviation does not end the name.
      if (joiner === '.' && factsAt(ctx, j - 1) & Fact.DottedCapitals && starts[j] === ends[j - 1] && j + 1 < tokenCount && sentenceOf[j + 1] === sentence && isNameWord(ctx, j + 1, mode[j + 1], 0) && / $/.test(text.slice(ends[j], starts[j + 1]))) {
        last = j + 1;
        j += 2;
        continue;
      }
      // An initial: "S. Waugh", "George W. Bush".
      if (joiner === '.' && isInitial(forms[formOf[j - 1]]) && j + 1 < tokenCount && sentenceOf[j + 1] === sentence && isNameWord(ctx, j + 1, mode[j + 1], 0) && /^ ?$/.test(text.slice(ends[j], starts[j + 1]))) {
        last = j + 1;
        j += 2;
        continue;
      }
      if (joiner === '&' && j + 1 < tokenCount && isNameWord(ctx, j + 1, mode[j + 1], 0) && onlySpaceBetween(doc, j, j + 1)) {
        last = j + 1;
        j += 2;
        continue;
      }
      const canJoin =
        (g.nameParticles.has(joiner) && !mode[j]) ||
        ((INNER_JOINERS.has(joiner) || (mode[j] && INNER_JOINERS.has(lowerAt(ctx, j)))) && opensLongName(ctx, i)) ||
        // "Riverside Chamber of Commerce", "National Council of Churches": a body's head word takes its "of" phrase.
        (joiner === 'of' && j - 1 > i && OF_TAKING_HEADS.has(forms[formOf[j - 1]]));
      if (canJoin && j + 1 < tokenCount && sentenceOf[j + 1] === sentence && onlySpaceBetween(doc, j, j + 1)) {
        // Joiners chain ("Organization for Security and Cooperation in Europe"): look ahead to the next name word.
        let k = j + 1;
        while (k < tokenCount && INNER_JOINERS.has(lowerAt(ctx, k)) && k - j < 3) k++;
        if (k < tokenCount && isNameWord(ctx, k, mode[k], 0) && onlySpaceBetween(doc, k - 1, k)) {
          last = k;
          j = k + 1;
          continue;
        }
      }
      break;
    }
    splitAndType(ctx, i, last, mode[i] === 1, candidates);
    i = last + 1;
  }
  harmonize(ctx, candidates);
  const mentions: EntityMention[] = [];
  for (const c of candidates) if (c.type !== 'misc') mentions.push({ start: c.start, end: c.end, text: c.text, type: c.type });
  return mentions;
}

/** A headline written in Title Case ("Voters Abandon Party Over Tax Plan"): every word is capitalised, so capitals say nothing. */
function isTitleCaseLine(doc: Doc, start: number, end: number, paragraph: Paragraph | undefined): boolean {
  if (!paragraph || end - start > 200) return false;
  // Headlines, asides and the first line of the text qualify; elsewhere only a one-line paragraph without a full stop.
  const titleSlot =
    paragraph.kind === 'headline' ||
    paragraph.kind === 'aside' ||
    (paragraph.index === 0 && start === paragraph.start) ||
    (start === paragraph.start && end === paragraph.end && !endsWithFullStop(doc.text, start, end));
  if (!titleSlot) return false;
  // Words of four letters or more, and how many of them are capitalised.
  const { text } = doc;
  let words = 0;
  let capital = 0;
  let letters = 0;
  let initialCapital = false;
  for (let i = start; i <= end; ) {
    const code = i < end ? text.charCodeAt(i) : 32;
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (isLetterAt(text, i, code)) {
      if (letters++ === 0) initialCapital = isUpper(text.charAt(i));
    } else {
      if (letters >= 4) {
        words++;
        if (initialCapital) capital++;
      }
      letters = 0;
    }
    i += width;
  }
  if (words < 3) return false;
  return capital * 10 >= words * 9;
}

const LETTER_AT = /\p{L}/uy;

/** A letter starts at `i` (`code` is the UTF-16 unit there). */
function isLetterAt(text: string, i: number, code: number): boolean {
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(text);
}

/** text[start, end) ends with ".", "!" or "?", perhaps followed by a closing quotation mark. */
function endsWithFullStop(text: string, start: number, end: number): boolean {
  let last = text.charCodeAt(end - 1);
  if ((last === 34 || last === 0x201d || last === 0x2019) && end - 2 >= start) last = text.charCodeAt(end - 2);
  return last === 46 || last === 33 || last === 63;
}

/** Only spaces or tabs (at most three) stand between tokens a and b. */
function onlySpaceBetween(doc: Doc, a: number, b: number): boolean {
  const end = doc.tokenEnd[a];
  const start = doc.tokenStart[b];
  if (start - end > 3) return false;
  for (let k = end; k < start; k++) {
    const c = doc.text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0 && c !== 9) return false;
  }
  return true;
}

/** True when token i ends with a possessive "'s". */
function endsPossessive(doc: Doc, i: number): boolean {
  const s = tokenText(doc, i);
  const last = s.charCodeAt(s.length - 1);
  const apostrophe = s.charCodeAt(s.length - 2);
  return (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019); // 's 'S ’s ’S
}

/** True when the run starting at `first` may hold lower-case joiners: organization or place names like "Bank of England". */
function opensLongName(ctx: Context, first: number): boolean {
  const f = tokFlags(ctx, first);
  return (f & (Kind.OrgFirst | Kind.LocFirst)) !== 0 && (f & Kind.LocFirst ? /^(?:Gulf|Bay|Lake|Isle|Cape|Republic|Kingdom|Sea|Straits?|Province|State|City)$/i.test(tokenText(ctx.doc, first)) : true);
}

function isDateWord(ctx: Context, i: number): boolean {
  return (tokFlags(ctx, i) & Kind.Date) !== 0;
}

/** Gazetteer flags of token i as written on its line. */
function tokFlags(ctx: Context, i: number): number {
  return formFlags(ctx, ctx.doc.formOf[i], ctx.mode[i] === 1);
}

function isInitial(s: string): boolean {
  return s.length === 1 && isUpper(s);
}

/** Marks tokens covered by multi-word gazetteer entries, longest match first. */
function markGazetteerRuns(ctx: Context): Uint8Array {
  const { doc, g, mode } = ctx;
  const { text, tokenCount } = doc;
  const sentenceOf = doc.tokenSentence;
  const marks = new Uint8Array(tokenCount);
  for (let i = 0; i < tokenCount; i++) {
    if (doc.tokenKind[i] !== TokenKind.Word || !isCapitalAt(ctx, i)) continue;
    const sentence = sentenceOf[i];
    if (i + 1 >= tokenCount || sentenceOf[i + 1] !== sentence) continue;
    const next = tokenText(doc, i + 1);
    if (!isCapitalAt(ctx, i + 1) && !INNER_JOINERS.has(next) && next !== '.') continue;
    const longest = longestEntryAt(ctx, i);
    if (!longest) continue;
    for (let n = Math.min(longest, tokenCount - i); n >= 2; n--) {
      const last = i + n - 1;
      if (sentenceOf[last] !== sentence || !isCapitalAt(ctx, last)) continue;
      // Tokens start and end with non-space characters, so trimming changes nothing here.
      const phrase = collapseSpaces(text.slice(doc.tokenStart[i], doc.tokenEnd[last]));
      if (phrase.length > 60) continue;
      const f = mode[i] === 1 ? g.caseless(phrase) : g.exact.get(phrase);
      if (f && f & (Kind.Location | Kind.City | Kind.Organization | Kind.Person)) {
        for (let k = i; k < i + n; k++) marks[k] = 1;
        i += n - 1;
        break;
      }
    }
  }
  return marks;
}

/** How a word is read: on an ALL-CAPS line, opening a clause or a Title-Case headline, or in running text. */
const enum Reading {
  Caps = 0,
  ClauseStart = 1,
  Running = 2,
}

const enum NameVerdict {
  Unknown = 0,
  No = 1,
  Yes = 2,
  /** A common word that is a name only when an uncommon capitalised word follows ("Mark Butcher"). */
  IfUncommonNameFollows = 3,
}

function isNameWord(ctx: Context, i: number, mode: number, atClauseStart: number): boolean {
  const { doc } = ctx;
  if (doc.tokenKind[i] !== TokenKind.Word) return false;
  const form = doc.formOf[i];
  if (!(factsOf(ctx, form) & Fact.InitialCapital)) return false;
  if (ctx.inGazetteer[i]) return true;
  const hasNext = i + 1 < doc.tokenCount;
  if (doc.forms[form].length === 1) {
    return hasNext && tokenText(doc, i + 1) === '.' && doc.tokenStart[i + 1] === doc.tokenEnd[i] && mode !== 1;
  }
  // The rest depends on the word alone and on facts of the whole document, so it is worked out once per form.
  const slot = form * 3 + (mode === 1 ? Reading.Caps : mode === 2 || atClauseStart ? Reading.ClauseStart : Reading.Running);
  let verdict = ctx.nameVerdicts[slot];
  if (verdict === NameVerdict.Unknown) {
    verdict = nameVerdict(ctx, form, slot % 3);
    ctx.nameVerdicts[slot] = verdict;
  }
  if (verdict === NameVerdict.IfUncommonNameFollows) {
    return hasNext && doc.tokenSentence[i + 1] === doc.tokenSentence[i] && doc.tokenKind[i + 1] === TokenKind.Word && isCapitalAt(ctx, i + 1) && !isCommonAt(ctx, i + 1);
  }
  return verdict === NameVerdict.Yes;
}

/** Whether a capitalised word of two or more characters can be a name word in the given reading. */
function nameVerdict(ctx: Context, form: number, reading: Reading): NameVerdict {
  const { g } = ctx;
  const s = ctx.doc.forms[form];
  const lower = lowerOf(ctx, form);
  // "Russian-backed", "York-based": a modifier, not a name ("Ban Ki-moon" is one).
  if (MODIFIER_SUFFIX.test(s)) return NameVerdict.No;
  // "It", "The", "I’m" wherever they stand (after a dash, an ellipsis, a bracket).
  if (reading !== Reading.Caps && g.functionWords.has(lower.replace('’', "'")) && !hasUpperAfterFirst(s)) return NameVerdict.No;
  if (reading === Reading.Caps) {
    const f = formFlags(ctx, form, true);
    if (g.closedClass.has(lower) && !(f & Kind.Country)) return NameVerdict.No;
    if (f & (NAME_KINDS | Kind.City | Kind.KnownOrganization)) return verdictOf(!(isCommonForm(ctx, form) && !(f & (Kind.Location | Kind.Organization | Kind.Country)) && !ctx.midCapital.has(titleCase(s))));
    if (isCommonForm(ctx, form) || ctx.seenLower.has(lower)) return verdictOf(ctx.midCapital.has(titleCase(s)));
    return NameVerdict.Yes;
  }
  if (reading === Reading.ClauseStart) {
    if ((g.cueVerbs.has(lower) || g.closedClass.has(lower)) && !hasUpperAfterFirst(s)) return NameVerdict.No;
    // "Year-on-year", "Post-mortem": a compound of ordinary words.
    if (lower.includes('-') && !hasUpperAfterFirst(s) && lower.split('-').every((p) => g.isCommonWord(p) || g.closedClass.has(p) || /^\d+$/.test(p))) return NameVerdict.No;
    const f = formFlags(ctx, form, false);
    if (ctx.midCapital.has(s)) return NameVerdict.Yes;
    // "Lawmaker urges …", "Official says …": a role noun opening a headline or clause is no name by itself.
    if (g.personNouns.has(lower) && !(f & (NAME_KINDS | Kind.KnownOrganization | Kind.TitleHead | Kind.TitleModifier))) return NameVerdict.No;
    if (f & (Kind.Location | Kind.Organization | Kind.Country | Kind.KnownOrganization)) return NameVerdict.Yes;
    if (f & Kind.City && !isCommonForm(ctx, form)) return NameVerdict.Yes;
    if (isCommonForm(ctx, form)) {
      // A common word opening a clause is a name only when a name follows it ("Mark Butcher", "Bill Gates").
      if (!(f & (Kind.FirstName | Kind.Person | Kind.TitleHead | Kind.TitleModifier | Kind.Group))) return NameVerdict.No;
      return NameVerdict.IfUncommonNameFollows;
    }
    return NameVerdict.Yes;
  }
  return NameVerdict.Yes;
}

function verdictOf(yes: boolean): NameVerdict {
  return yes ? NameVerdict.Yes : NameVerdict.No;
}

function titleCase(s: string): string {
  return s.charAt(0) + s.slice(1).toLowerCase();
}

/** Splits a capitalised run into title / nationality / name parts and types the name part(s). */
function splitAndType(ctx: Context, first: number, last: number, caps: boolean, out: Candidate[]): void {
  // "Secretary of State", "Minister of Defence": ordinary words after a title and "of" finish the title;
  // a name after them is the office holder ("Secretary of State John Kerry").
  if (first > 1 && tokenText(ctx.doc, first - 1) === 'of' && tokFlags(ctx, first - 2) & Kind.TitleHead) {
    let k = first;
    while (k <= last && isCommonAt(ctx, k) && !(tokFlags(ctx, k) & (Kind.Location | Kind.Country | Kind.FirstName))) k++;
    if (k > last) return;
    if (k > first && tokFlags(ctx, k) & Kind.FirstName && k < last) {
      out.push(typed(ctx, k, last, caps, true));
      return;
    }
  }
  const wholeFlags = nameFlags(ctx, first, last, nameEnd(ctx, last), caps);
  const opensWithTitle = (tokFlags(ctx, first) & Kind.TitleHead) !== 0 && !(wholeFlags & (Kind.Location | Kind.City | Kind.Organization));
  if (first < last && wholeFlags & (Kind.Location | Kind.City | Kind.Organization | Kind.Person | Kind.Group) && !opensWithTitle) {
    out.push(typed(ctx, first, last, caps, false, wholeFlags));
    return;
  }
  // An organization or place, a title, then a person: "Wells Fargo CEO John Stumpf", "Hong Kong Financial Secretary Donald Tsang".
  for (let h = first + 1; h < last; h++) {
    if (!(tokFlags(ctx, h) & Kind.TitleHead) || !(tokFlags(ctx, h + 1) & Kind.FirstName || isUnknownFullName(ctx, h + 1, last))) continue;
    let titleStart = h;
    while (titleStart - 1 > first && tokFlags(ctx, titleStart - 1) & Kind.TitleModifier) titleStart--;
    const owner = typed(ctx, first, titleStart - 1, caps, false);
    // Whoever a person is the CEO or secretary of is not a person.
    if (owner.type === 'person') owner.type = flagsOf(ctx.g, owner.text, caps) & (Kind.Location | Kind.City) ? 'location' : 'organization';
    out.push(owner, typed(ctx, h + 1, last, caps, true));
    return;
  }
  // Leading nationality or country before a title or a name: "Russian President …", "US Undersecretary …", "Australian Tom Moody".
  let k = first;
  let titled = false;
  const groupEnd = leadingGroup(ctx, first, last, caps);
  if (groupEnd >= first && groupEnd < last) {
    out.push(typed(ctx, first, groupEnd, caps, false));
    k = groupEnd + 1;
  }
  // Title words ("Deputy Foreign Minister", "President", "Mr") before the name.
  let m = k;
  let lastHead = -1;
  while (m <= last) {
    const f = tokFlags(ctx, m);
    if (f & Kind.TitleHead) lastHead = m;
    else if (!(f & Kind.TitleModifier)) break;
    m++;
  }
  if (lastHead >= k && !(nameFlags(ctx, k, last, nameEnd(ctx, last), caps) & (Kind.Organization | Kind.Location))) {
    const headEndsRun = lastHead === last;
    const nextIsJoiner = headEndsRun ? false : ctx.doc.tokenKind[lastHead + 1] === TokenKind.Word && !isCapitalAt(ctx, lastHead + 1);
    const orgHeadAfter = !headEndsRun && (tokFlags(ctx, last) & (Kind.OrgHead | Kind.EventHead)) !== 0;
    if (!nextIsJoiner && !orgHeadAfter) {
      titled = true;
      k = lastHead + 1;
    }
  }
  if (k > last) return;
  // An ordinary word glued before a full name is no part of it: "Crooked Hillary Clinton", "Miss Universe Alicia Machado".
  if (k + 1 < last && tokFlags(ctx, k + 1) & Kind.FirstName && !(tokFlags(ctx, k) & (NAME_KINDS | Kind.TitleHead | Kind.TitleModifier | Kind.LocFirst | Kind.OrgFirst)) && isCommonAt(ctx, k)) {
    k++;
    titled = true;
  } else if (k + 2 < last && tokFlags(ctx, k) & (Kind.Location | Kind.Country) && tokFlags(ctx, k + 1) & Kind.Group && tokFlags(ctx, k + 2) & Kind.FirstName && !(tokFlags(ctx, k + 2) & Kind.Location)) {
    // "Missouri Republican Roy Blunt": a home state and a party before the name.
    out.push(typed(ctx, k, k, caps, false), typed(ctx, k + 1, k + 1, caps, false));
    k += 2;
    titled = true;
  }
  out.push(typed(ctx, k, last, caps, titled));
}

/** Two or more capitalised words after a title that are no ordinary, title or place words: a name ("Jeh Johnson"). */
function isUnknownFullName(ctx: Context, from: number, last: number): boolean {
  if (last - from < 1 || last - from > 2) return false;
  for (let k = from; k <= last; k++) {
    if (tokenText(ctx.doc, k).length < 2 || isCommonAt(ctx, k) || tokFlags(ctx, k) & (Kind.TitleHead | Kind.TitleModifier | Kind.Location | Kind.Country | Kind.Organization | Kind.OrgHead | Kind.LocHead | Kind.Group)) return false;
  }
  return true;
}

function isGroupWord(ctx: Context, text: string, caps: boolean, f: number): boolean {
  if (f & (Kind.Location | Kind.City | Kind.Organization)) return false;
  if (f & Kind.Group) return true;
  if (text.length <= 3) return false;
  const last = text.charCodeAt(text.length - 1);
  // A plural of a group word: "Democrats", "Australians".
  return (last === 115 || last === 83) && (flagsOf(ctx.g, text.slice(0, -1), caps) & Kind.Group) !== 0;
}

function leadingGroup(ctx: Context, first: number, last: number, caps: boolean): number {
  for (let n = Math.min(last - 1, first + 1); n >= first; n--) {
    const f = nameFlags(ctx, first, n, ctx.doc.tokenEnd[n], caps);
    if (f & Kind.Group && !(f & (Kind.Location | Kind.City | Kind.Organization))) {
      const restFlags = nameFlags(ctx, n + 1, last, nameEnd(ctx, last), caps);
      if (endsWithOrgHead(ctx, n + 1, last) && !(restFlags & Kind.Person)) return -1;
      return n;
    }
    // A country or country code before a title: "US Undersecretary of State".
    if (n === first && f & Kind.Location && first < last && tokFlags(ctx, first + 1) & (Kind.TitleHead | Kind.TitleModifier)) return n;
  }
  return -1;
}

function endsWithOrgHead(ctx: Context, first: number, last: number): boolean {
  return last > first && (tokFlags(ctx, last) & Kind.OrgHead) !== 0;
}

/** Types the name from token `first` to `last`; `knownFlags` are its gazetteer flags when the caller has them, else -1. */
function typed(ctx: Context, first: number, last: number, caps: boolean, afterTitle: boolean, knownFlags = -1): Candidate {
  const { g, doc } = ctx;
  const sentenceOf = doc.tokenSentence;
  const start = doc.tokenStart[first];
  const end = nameEnd(ctx, last);
  const text = doc.text.slice(start, end);
  const wholeToken = first === last && end === doc.tokenEnd[first];
  const c: Candidate = { first, last, start, end, text, type: 'person', strength: Strength.Guess, caps, cue: contextCue(ctx, first, last), key: wholeToken ? lowerAt(ctx, first) : text.toLowerCase() };
  const f = knownFlags >= 0 ? knownFlags : wholeToken ? formFlags(ctx, doc.formOf[first], caps) : flagsOf(ctx.g, text, caps);
  const n = last - first + 1;
  const firstFlags = tokFlags(ctx, first);
  const lastFlags = endsPossessive(doc, last) ? flagsOf(g, tokenText(doc, last).slice(0, -2), caps) : tokFlags(ctx, last);
  const hasPrev = first > 0 && sentenceOf[first - 1] === sentenceOf[first];
  const prevWord = hasPrev ? lowerAt(ctx, first - 1) : '';
  const hasNext = last + 1 < doc.tokenCount && sentenceOf[last + 1] === sentenceOf[last];
  const placeContext = PLACE_PREPOSITIONS.has(prevWord);

  if (afterTitle) return settle(c, 'person', Strength.Certain);
  if (f & Kind.KnownOrganization) return settle(c, 'organization', Strength.Certain);
  if (n > 1 && lastFlags & Kind.EventHead && !(f & (Kind.Location | Kind.City | Kind.Organization))) return settle(c, 'event', Strength.Lexicon);
  if (n > 1 && /\s&\s/.test(text)) return settle(c, 'organization', Strength.Lexicon);
  if (f & Kind.Date && n === 1) return settle(c, 'date', Strength.Certain);
  if (isGroupWord(ctx, text, caps, f)) return settle(c, 'nationality', Strength.Lexicon);
  if (hasPrev && tokFlags(ctx, first - 1) & Kind.TitleHead && /^(?:mr|mrs|ms|dr|sir|lady|lord|dame|miss|prof)\.?$/i.test(tokenText(doc, first - 1))) {
    return settle(c, 'person', Strength.Certain);
  }
  if (f & Kind.Country) return settle(c, 'location', Strength.Certain);
  if (n > 1 && lastFlags & Kind.OrgHead && !(f & (Kind.Location | Kind.City))) {
    return settle(c, 'organization', Strength.Lexicon);
  }
  if (n > 2 && firstFlags & Kind.OrgFirst && /\s(?:of|for)\s/i.test(text)) return settle(c, 'organization', Strength.Lexicon);
  if (n > 2 && bodyHeadBeforeOf(doc, first, last)) return settle(c, 'organization', Strength.Lexicon);
  if (n > 1 && firstFlags & Kind.OrgPrefix) return settle(c, 'organization', Strength.Lexicon);
  // "Dynamo Moscow", "Greenock Morton": a club named after its town.
  if (ctx.sports && n > 1 && lastFlags & (Kind.City | Kind.Location) && !(f & (Kind.City | Kind.Location)) && !(firstFlags & Kind.FirstName)) return settle(c, 'organization', Strength.Context);
  if (!ctx.sports && f & Kind.City && !(f & (Kind.Location | Kind.Capital)) && f & Kind.Person && n === 1) return settle(c, 'person', Strength.Lexicon);
  if (f & (Kind.Location | Kind.City)) {
    if (ctx.sports && !placeContext && !(f & Kind.Country) && !isDateline(ctx, first, last)) return settle(c, 'organization', Strength.Context);
    if (!(f & Kind.Location) && n > 1 && firstFlags & Kind.FirstName && !(firstFlags & Kind.LocFirst)) return settle(c, 'person', Strength.Lexicon);
    return settle(c, 'location', Strength.Lexicon);
  }
  if (f & Kind.Organization) return settle(c, 'organization', Strength.Lexicon);
  if (n > 1 && lastFlags & Kind.LocHead) return settle(c, 'location', Strength.Lexicon);
  if (n > 1 && firstFlags & Kind.LocFirst && !(firstFlags & Kind.FirstName) && tokFlags(ctx, first + 1) & Kind.Location) return settle(c, 'location', Strength.Lexicon);
  if (f & Kind.Person) return settle(c, 'person', Strength.Lexicon);
  if (n > 1 && firstFlags & Kind.FirstName) return settle(c, 'person', Strength.Lexicon);
  if (!caps && isAcronym(text) && text.length <= 6) return settle(c, 'organization', Strength.Context);
  if (hasNext && PERSON_VERBS.has(lowerAt(ctx, last + 1))) return settle(c, 'person', Strength.Context);
  if (placeContext && n === 1) return settle(c, 'location', Strength.Guess);
  if (n === 1 && firstFlags & Kind.FirstName) return settle(c, 'person', Strength.Context);
  // An unknown single capitalised word is more often a company, club or body than a person.
  return settle(c, n === 1 ? 'organization' : 'person', Strength.Guess);
}

/** A body's head word followed by "of" inside the name: "Riverside Chamber of Commerce". */
function bodyHeadBeforeOf(doc: Doc, first: number, last: number): boolean {
  for (let i = first + 1; i < last; i++) if (tokenText(doc, i) === 'of' && OF_TAKING_HEADS.has(tokenText(doc, i - 1))) return true;
  return false;
}

/** Gives the candidate its type and strength. */
function settle(c: Candidate, type: EntityType, strength: Strength): Candidate {
  c.type = type;
  c.strength = strength;
  // A guess gives way to what the surrounding words say; a guess they confirm is no longer a guess.
  if (strength === Strength.Guess && c.cue) {
    c.type = c.cue;
    c.strength = Strength.Context;
  }
  return c;
}

const SCORECARD_MARKS = new Set(['c', 'b', 'st', 'lbw']);
const ORG_NOUNS_BEFORE = new Set(['club', 'side', 'company', 'firm', 'group', 'newspaper', 'daily', 'agency', 'team', 'champions', 'rivals', 'bank', 'carrier', 'airline', 'maker', 'insurer', 'broker', 'brokerage', 'retailer', 'party', 'giant', 'conglomerate']);
const ORG_WORDS_AFTER = new Set(['shares', 'stock', 'spokesman', 'spokeswoman', 'chairman', 'shareholders', 'subsidiary', 'unit']);
const LOC_WORDS_BEFORE = new Set(['in', 'near', 'outside', 'inside', 'across', 'around', 'throughout']);
const LOC_NOUNS_BEFORE = new Set(['town', 'city', 'village', 'capital', 'province', 'region', 'port', 'district', 'state']);

/** What the neighbouring words say the mention is: a place after "in", a person before "said", a company before "shares". */
function contextCue(ctx: Context, first: number, last: number): EntityType | null {
  const { g, doc } = ctx;
  const sentenceOf = doc.tokenSentence;
  const sentence = sentenceOf[first];
  const prev = first > 0 && sentenceOf[first - 1] === sentence ? lowerAt(ctx, first - 1) : '';
  const prev2 = first > 1 && sentenceOf[first - 2] === sentence ? lowerAt(ctx, first - 2) : '';
  const hasNext = last + 1 < doc.tokenCount && sentenceOf[last + 1] === sentence;
  const nextWord = hasNext ? lowerAt(ctx, last + 1) : '';
  const hasNext2 = last + 2 < doc.tokenCount && sentenceOf[last + 2] === sentence;
  if (hasNext && PERSON_VERBS.has(nextWord)) return 'person';
  // Cricket scorecards: "Gough b Croft", "c Healy".
  if (ctx.sports && (SCORECARD_MARKS.has(prev) || SCORECARD_MARKS.has(nextWord))) return 'person';
  if (nextWord === ',' && hasNext2 && doc.tokenKind[last + 2] === TokenKind.Number && /^\d{2}$/.test(tokenText(doc, last + 2))) return 'person';
  if (prev && g.personNouns.has(prev) && !ORG_NOUNS_BEFORE.has(prev)) return 'person';
  if (ORG_NOUNS_BEFORE.has(prev)) return 'organization';
  // "a law firm, Baker McKenzie, …": an apposition to an organization noun.
  if (prev === ',' && ORG_NOUNS_BEFORE.has(prev2) && prev2 !== 'party' && prev2 !== 'side') return 'organization';
  if (ORG_WORDS_AFTER.has(nextWord) || (/^['’]s$/.test(nextWord) && hasNext2 && ORG_WORDS_AFTER.has(lowerAt(ctx, last + 2)))) return 'organization';
  if (LOC_WORDS_BEFORE.has(prev)) return 'location';
  if (prev === 'of' && LOC_NOUNS_BEFORE.has(prev2)) return 'location';
  return null;
}

/** A wire dateline: a place opening a line, followed by a date or a dash ("LONDON 1996-08-30", "MOSCOW -"). */
function isDateline(ctx: Context, first: number, last: number): boolean {
  const { text } = ctx.doc;
  const start = ctx.doc.tokenStart[first];
  const lineStart = first === 0 || /\n\s*$/.test(text.slice(Math.max(0, start - 4), start));
  if (!lineStart) return false;
  const end = ctx.doc.tokenEnd[last];
  const after = text.slice(end, end + 6);
  return /^\s*(?:\d{4}-|[-–—(,])/.test(after);
}

/** The candidates of one lower-cased form: the most certain of them, and the types their contexts suggest. */
interface FormGroup {
  best: Candidate;
  votes: Map<EntityType, number> | null;
}

/** Document-level consistency: surnames of known people, one type per repeated form, acronyms. */
function harmonize(ctx: Context, candidates: Candidate[]): void {
  const groups = new Map<string, FormGroup>();
  /** Each candidate's group, looked up once. */
  const groupOf: (FormGroup | undefined)[] = [];
  const surnames = new Map<string, Candidate>();
  /** Last words of two-word names guessed to be people ("Shonda Rhimes"): that word alone is their surname. */
  const guessedSurnames = new Set<string>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci];
    if (c.type === 'misc' || c.type === 'date') {
      groupOf.push(undefined);
      continue;
    }
    const key = c.key;
    let group = groups.get(key);
    if (!group) {
      group = { best: c, votes: null };
      groups.set(key, group);
    } else if (c.strength > group.best.strength) group.best = c;
    groupOf.push(group);
    if (c.cue) {
      group.votes ??= new Map<EntityType, number>();
      group.votes.set(c.cue, (group.votes.get(c.cue) ?? 0) + 1);
    }
    if (c.type === 'person' && c.strength === Strength.Certain && c.first === c.last) surnames.set(key, c);
    if (c.type === 'person' && c.strength === Strength.Guess && c.last === c.first + 1 && !endsPossessive(ctx.doc, c.last)) guessedSurnames.add(lowerAt(ctx, c.last));
    if (c.type === 'person' && c.strength >= Strength.Context && c.last > c.first) {
      const lastWord = endsPossessive(ctx.doc, c.last) ? tokenText(ctx.doc, c.last).slice(0, -2).toLowerCase() : lowerAt(ctx, c.last);
      surnames.set(lastWord, c);
      const firstWord = lowerAt(ctx, c.first);
      if (!(tokFlags(ctx, c.first) & Kind.FirstName)) surnames.set(firstWord, c);
    }
  }
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci];
    if (c.type === 'nationality' || c.type === 'date') continue;
    const key = c.key;
    const group = groupOf[ci] ?? groups.get(key);
    if (c.first === c.last && surnames.has(key) && c.strength < Strength.Certain) {
      const f = nameFlags(ctx, c.first, c.last, c.end, c.caps);
      if (!(f & Kind.Country)) {
        c.type = 'person';
        c.strength = Strength.Context;
        continue;
      }
    }
    const b = group?.best;
    if (b && b !== c && b.strength === Strength.Certain && c.strength < Strength.Certain) {
      c.type = b.type;
      c.strength = b.strength;
      continue;
    }
    // A lone word that is only guessed, and ends a name guessed to be a person, is that person's surname.
    if (c.first === c.last && c.strength === Strength.Guess && guessedSurnames.has(key) && !group?.votes) {
      c.type = 'person';
      continue;
    }
    const v = group?.votes;
    if (v && c.strength === Strength.Guess) {
      let top: EntityType | null = null;
      let topCount = 0;
      for (const [type, count] of v) {
        if (count > topCount) {
          top = type;
          topCount = count;
        }
      }
      if (top) {
        c.type = top;
        continue;
      }
    }
    if (b && b !== c && b.strength > c.strength && c.strength === Strength.Guess) {
      c.type = b.type;
      c.strength = b.strength;
    }
  }
}
