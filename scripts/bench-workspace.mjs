// Workspace Actors benchmark: generates a workspace of N invented news articles (default 1,000) and
// measures how long the core workspace indexer takes to read, analyse and aggregate them, the same work
// the Workspace Actors view does in the background, plus one incremental update after a file change.
//   node scripts/bench-workspace.mjs [--articles N] [--seed S] [--keep]
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const ARTICLES = Number(option('--articles', 1000));
let seed = Number(option('--seed', 7));
const keep = args.includes('--keep');

function random() {
  // mulberry32: a small seeded generator, so every run indexes the same workspace.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const FIRST = ['Ines', 'Tomás', 'Karl', 'Elena', 'Greg', 'Hanna', 'Marco', 'Jonas', 'Amara', 'Lucia', 'Pieter', 'Sofia', 'Rafael', 'Nadia', 'Oskar', 'Leila', 'Viktor', 'Mira', 'Daniel', 'Ayla'];
const LAST = ['Marlow', 'Okafor', 'Lindqvist', 'Duarte', 'Whitfield', 'Berglund', 'Ferreira', 'Eklund', 'Mensah', 'Romano', 'de Vries', 'Novak', 'Costa', 'Haddad', 'Nilsson', 'Karimi', 'Petrov', 'Horvat', 'Weber', 'Yilmaz'];
const ROLES = ['the transport minister', 'the mayor', 'a union spokesperson', 'the company’s chief executive', 'an opposition councillor', 'the regulator’s director', 'the harbour master', 'a senior economist'];
const ORGS = ['Harbour Authority', 'Competition Authority', 'Valmora Dockworkers Union', 'Nordbahn Freight', 'Valmora Rail', 'Ministry of Transport', 'City Council', 'Chamber of Commerce', 'Green Party', 'National Bank', 'Fishermen’s Association', 'Port Workers Federation'];
const PLACES = ['Valmora', 'Brennick', 'Oster Bay', 'Kalden', 'Marisport', 'the northern coast', 'Lindholm', 'Sarvik'];
const TOPICS = ['night-shift pay', 'the harbour audit', 'rail freight prices', 'the ferry timetable', 'coastal flood defences', 'the new container terminal', 'fishing quotas', 'the budget deficit'];
const VERBS = ['said', 'told reporters', 'said in a statement', 'added', 'warned'];
const DEMAND_VERBS = ['urged', 'called on', 'asked', 'demanded that'];
const ACTIONS = ['publish the full report', 'reopen negotiations', 'freeze the price increase', 'appoint an independent mediator', 'delay the vote', 'release emergency funding'];
const LINES = [
  'We cannot accept a deal that leaves workers worse off',
  'The numbers simply do not add up',
  'Nobody wants a strike, but patience has limits',
  'This is about the future of the port',
  'We are ready to talk as soon as the other side is serious',
  'The public deserves to see the evidence',
  'Our members have waited long enough',
  'It is a first step, not the finish line',
];

function person() {
  return `${pick(FIRST)} ${pick(LAST)}`;
}

function article(i) {
  const place = pick(PLACES);
  const topic = pick(TOPICS);
  const a = person();
  const b = person();
  const org = pick(ORGS);
  const other = pick(ORGS);
  const paragraphs = [`${place} talks on ${topic} stall as ${org} digs in`, `${place.toUpperCase()} — Talks on ${topic} between the ${org} and the ${other} broke down on ${pick(['Monday', 'Tuesday', 'Thursday', 'Friday'])}, officials said.`];
  const count = 8 + Math.floor(random() * 8);
  for (let p = 0; p < count; p++) {
    const speaker = random() < 0.5 ? a : b;
    const last = speaker.split(' ').slice(1).join(' ');
    switch (p % 5) {
      case 0:
        paragraphs.push(`“${pick(LINES)},” ${pick(VERBS)} ${speaker}, ${pick(ROLES)}, speaking in ${place}.`);
        break;
      case 1:
        paragraphs.push(`${last} said the ${org} had offered too little and too late, and that ${topic} would dominate the next meeting of the ${other}.`);
        break;
      case 2:
        paragraphs.push(`The ${org} ${pick(DEMAND_VERBS)} the ${other} to ${pick(ACTIONS)} before the end of the month.`);
        break;
      case 3:
        paragraphs.push(`${speaker} rejected the criticism. "${pick(LINES)}," ${last} said, adding that ${pick(ORGS)} would be consulted.`);
        break;
      default:
        paragraphs.push(`Figures published by the ${pick(ORGS)} show that ${topic} has cost ${place} about ${10 + Math.floor(random() * 90)} million euros since ${2015 + Math.floor(random() * 9)}.`);
    }
  }
  paragraphs.push(`The ${other} is expected to respond next week. (Article ${i + 1})`);
  return paragraphs.join('\n\n') + '\n';
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-workspace-'));
const files = [];
let words = 0;
for (let i = 0; i < ARTICLES; i++) {
  const text = article(i);
  words += (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  const sub = path.join(dir, `desk-${i % 10}`);
  fs.mkdirSync(sub, { recursive: true });
  const file = path.join(sub, `story-${String(i).padStart(4, '0')}.${i % 4 === 0 ? 'news' : 'article'}`);
  fs.writeFileSync(file, text);
  files.push(file);
}

const bundle = path.join(dir, 'workspace-index.cjs');
const entry = path.join(dir, 'workspace-index-entry.ts');
fs.writeFileSync(entry, `export { WorkspaceIndex } from '${path.resolve('src/core/workspaceIndex')}';\nexport { analyze } from '${path.resolve('src/core/analyze')}';\n`);
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
const { WorkspaceIndex, analyze } = (await import(pathToFileURL(bundle).href)).default;
const indexFile = (file) => {
  const text = fs.readFileSync(file, 'utf8');
  index.update(file, path.relative(dir, file), text, analyze(text), null);
};

const index = new WorkspaceIndex();
const started = performance.now();
for (const file of files) indexFile(file);
const analysed = performance.now();
const actors = index.actors();
const aggregated = performance.now();

// One file changes: re-analyse it and list the actors again, as the view does after a save.
const changed = files[Math.floor(files.length / 2)];
fs.appendFileSync(changed, '\n“We will be back at the table on Monday,” said Ines Marlow.\n');
const before = performance.now();
indexFile(changed);
index.actors();
const incremental = performance.now() - before;

const top = actors.slice(0, 3).map((a) => `${a.name} (${a.articles.length} articles)`).join(', ');
console.log(`${ARTICLES} articles, ${words.toLocaleString('en-US')} words in ${dir}`);
console.log(`full index: ${(aggregated - started).toFixed(0)} ms (read + analyse ${(analysed - started).toFixed(0)} ms, aggregate ${(aggregated - analysed).toFixed(1)} ms), ${Math.round(words / ((analysed - started) / 1000)).toLocaleString('en-US')} words/s`);
console.log(`incremental update of one changed article: ${incremental.toFixed(1)} ms`);
console.log(`${actors.length} workspace actors; most widespread: ${top}`);
if (!keep) fs.rmSync(dir, { recursive: true, force: true });
