import * as assert from 'assert';
import { analyze } from '../../src/core/analyze';
import { addAnnotation, emptySidecar, spanAnnotation } from '../../src/core/annotations';
import { applyCorrections } from '../../src/core/corrections';
import { bratAnnotationConf, EXPORT_FORMATS, exportAs, exportFileName } from '../../src/core/export';
import type { ExportInput } from '../../src/core/export';
import { lineFragments } from '../../src/core/export/brat';
import { CSV_COLUMNS } from '../../src/core/export/csv';
import type { Analysis } from '../../src/core/types';
import { COUNCIL_TEXT, councilAnalysis, spanOf } from './fixtures/council';
import { SAMPLE } from './helpers';

const cpSlice = (text: string, start: number, end: number): string => Array.from(text).slice(start, end).join('');

function councilInput(): ExportInput {
  let sidecar = emptySidecar('council.article');
  sidecar = addAnnotation(sidecar, spanAnnotation('council.article', COUNCIL_TEXT, spanOf(COUNCIL_TEXT, 'Council member'), { type: 'organization', actor: 'city council' }, { now: '2026-11-28T08:00:00Z' }));
  const { analysis, orphaned } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), sidecar);
  return { text: COUNCIL_TEXT, analysis, source: 'council.article', orphaned };
}

const inputs = (): [string, ExportInput][] => [
  ['the council fixture', councilInput()],
  ['the sample article', { text: SAMPLE, analysis: analyze(SAMPLE), source: 'russia-ukraine-geneva.article' }],
  ['an empty article', { text: '', analysis: { entities: [], actors: [], quotes: [], demands: [] }, source: 'empty.article' }],
];

// ---------------------------------------------------------------------------------------------
// Validators

/** Checks an .ann file against the brat standoff grammar and the text; returns its T lines by id. */
function validateBrat(ann: string, text: string): Map<string, { type: string; text: string }> {
  const conf = bratAnnotationConf();
  const section = (name: string): string[] => {
    const body = conf.split(`[${name}]`)[1]?.split('[')[0] ?? '';
    return body.split('\n').map((l) => l.split(/\s/)[0]).filter((l) => l && !l.startsWith('<'));
  };
  const entityTypes = new Set(section('entities'));
  const eventTypes = new Set(section('events'));
  const relationTypes = new Set(section('relations'));
  const attributeTypes = new Set(section('attributes'));
  const textBound = new Map<string, { type: string; text: string }>();
  const ids = new Set<string>();
  const references: [string, string][] = [];
  assert.ok(ann === '' || ann.endsWith('\n'));
  for (const line of ann.split('\n').slice(0, -1)) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^(T\d+)\t([A-Za-z][\w-]*) (\d+ \d+(?:;\d+ \d+)*)\t([^\n\r]*)$/))) {
      const [, id, type, offsets, body] = m;
      assert.ok(entityTypes.has(type) || eventTypes.has(type), `${type} declared in annotation.conf`);
      const fragments = offsets.split(';').map((f) => f.split(' ').map(Number));
      let last = -1;
      for (const [s, e] of fragments) {
        assert.ok(s < e && s >= last, `${id}: fragments in order and non-empty`);
        last = e;
      }
      assert.strictEqual(body, fragments.map(([s, e]) => cpSlice(text, s, e)).join(' '), `${id}: text equals the document at its offsets`);
      textBound.set(id, { type, text: body });
      ids.add(id);
    } else if ((m = line.match(/^(E\d+)\t([\w-]+):(T\d+)((?: [A-Za-z][\w-]*\d*:[TE]\d+)*)$/))) {
      const [, id, type, trigger, args] = m;
      assert.ok(eventTypes.has(type), `event type ${type} declared`);
      references.push([id, trigger]);
      for (const a of args.trim().split(' ').filter(Boolean)) references.push([id, a.split(':')[1]]);
      ids.add(id);
    } else if ((m = line.match(/^(R\d+)\t([\w-]+) Arg1:([TE]\d+) Arg2:([TE]\d+)$/))) {
      assert.ok(relationTypes.has(m[2]), `relation type ${m[2]} declared`);
      references.push([m[1], m[3]], [m[1], m[4]]);
      ids.add(m[1]);
    } else if ((m = line.match(/^(A\d+)\t([\w-]+) ([TER]\d+)$/))) {
      assert.ok(attributeTypes.has(m[2]));
      references.push([m[1], m[3]]);
    } else if ((m = line.match(/^#\d+\tAnnotatorNotes ([TER]\d+)\t[^\t\n\r]+$/))) {
      references.push(['note', m[1]]);
    } else assert.fail(`not a brat standoff line: ${JSON.stringify(line)}`);
  }
  for (const [from, to] of references) assert.ok(ids.has(to), `${from} refers to ${to}, which exists`);
  return textBound;
}

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let field = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (i >= csv.length) assert.fail('unterminated quoted field');
        if (csv[i] === '"' && csv[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i++;
          break;
        } else field += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
        assert.notStrictEqual(csv[i], '"', 'a quote only inside a quoted field');
        assert.notStrictEqual(csv[i], '\n', 'a bare LF only inside a quoted field');
        field += csv[i++];
      }
    }
    row.push(field);
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else assert.fail(`unexpected ${JSON.stringify(csv[i])} at ${i}`);
  }
  assert.deepStrictEqual(row, [], 'the last record ends with CRLF');
  return rows;
}

function validateW3c(json: string, text: string, analysis: Analysis, source: string): void {
  const doc = JSON.parse(json);
  assert.ok(Array.isArray(doc['@context']) && doc['@context'][0] === 'http://www.w3.org/ns/anno.jsonld');
  assert.strictEqual(doc.type, 'AnnotationCollection');
  assert.strictEqual(doc.first.type, 'AnnotationPage');
  const items = doc.first.items as Record<string, unknown>[];
  assert.strictEqual(doc.total, items.length);
  assert.strictEqual(items.length, analysis.entities.length + analysis.quotes.length + analysis.demands.length);
  const ids = new Set<unknown>();
  for (const item of items) {
    for (const key of ['id', 'type', 'motivation', 'body', 'target']) assert.ok(key in item, `annotation has "${key}"`);
    assert.strictEqual(item.type, 'Annotation');
    assert.ok(!ids.has(item.id));
    ids.add(item.id);
    const target = item.target as { source: string; selector: Record<string, unknown>[] };
    assert.strictEqual(target.source, source);
    const quote = target.selector.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix: string; suffix: string };
    const position = target.selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
    assert.strictEqual(cpSlice(text, position.start, position.end), quote.exact);
    assert.ok(cpSlice(text, 0, position.start).endsWith(quote.prefix) && cpSlice(text, position.end, Infinity).startsWith(quote.suffix));
  }
}

function readConll(conll: string): { tokens: string[][]; entities: { type: string; text: string }[] } {
  const lines = conll.split('\n');
  assert.strictEqual(lines[0], '-DOCSTART- -X- -X- O');
  const tokens: string[][] = [];
  const entities: { type: string; text: string }[] = [];
  let previous = 'O';
  for (const line of lines.slice(1)) {
    if (line === '') {
      previous = 'O';
      continue;
    }
    const cols = line.split(' ');
    assert.strictEqual(cols.length, 4, `four columns: ${line}`);
    const tag = cols[3];
    assert.match(tag, /^(?:O|[BI]-(?:PER|ORG|LOC|MISC))$/);
    if (tag.startsWith('I-')) assert.ok(previous !== 'O' && previous.slice(2) === tag.slice(2), `IOB2: ${tag} continues an entity of its type`);
    if (tag.startsWith('B-')) entities.push({ type: tag.slice(2), text: cols[0] });
    if (tag.startsWith('I-')) entities[entities.length - 1].text += ' ' + cols[0];
    tokens.push(cols);
    previous = tag;
  }
  return { tokens, entities };
}

// ---------------------------------------------------------------------------------------------

describe('exports: every format is valid for every input', () => {
  for (const [name, input] of inputs()) {
    it(`${name}: w3c, brat, conll, csv, md and json`, () => {
      validateW3c(exportAs('w3c', input), input.text, input.analysis, input.source);
      validateBrat(exportAs('brat', input), input.text);
      readConll(exportAs('conll', input));
      const rows = parseCsv(exportAs('csv', input));
      assert.deepStrictEqual(rows[0], [...CSV_COLUMNS]);
      assert.strictEqual(rows.length - 1, input.analysis.quotes.length + input.analysis.demands.length);
      assert.match(exportAs('md', input), /^# .+\n\nSource: `/);
      assert.deepStrictEqual(JSON.parse(exportAs('json', input)), input.analysis);
    });
  }
});

describe('exports: w3c', () => {
  it('carries actor names, speakers, holders and which items the user confirmed', () => {
    const items = JSON.parse(exportAs('w3c', councilInput())).first.items as { body: Record<string, string> }[];
    const bodies = items.map((i) => i.body);
    assert.deepStrictEqual(
      bodies.find((b) => b.type === 'quote' && b.kind === 'partial'),
      { type: 'quote', kind: 'partial', speaker: 'Tomás Okafor', cue: 'called', origin: 'automatic' },
    );
    assert.deepStrictEqual(bodies.find((b) => b.origin === 'manual'), { type: 'organization', actor: 'city council', origin: 'manual' });
    assert.deepStrictEqual(
      bodies.find((b) => b.type === 'demand'),
      { type: 'demand', holder: 'Riverside Cyclists Union', addressee: 'city council', cue: 'urged', content: 'fund the lanes this year', origin: 'automatic' },
    );
  });
});

describe('exports: brat', () => {
  it('writes T lines in code points, a multi-line quote as fragments, E lines for speaker–cue–quote and holder–demand–addressee', () => {
    const input = councilInput();
    const ann = exportAs('brat', input);
    const t = validateBrat(ann, input.text);
    const byText = (s: string) => [...t.entries()].find(([, v]) => v.text === s)?.[0];
    const okafor = byText('Tomás Okafor');
    const partial = byText('a first step, not the finish line.');
    const called = byText('called');
    assert.ok(okafor && partial && called);
    assert.match(ann, new RegExp(`^${partial}\\tQuote \\d+ \\d+;\\d+ \\d+\\t`, 'm'));
    assert.match(ann, new RegExp(`^E\\d+\\tAttribution:${called} Speaker:${okafor} Quote:${partial}$`, 'm'));
    const union = byText('Riverside Cyclists Union');
    const council = byText('council');
    const urged = byText('urged');
    const demand = byText('The Riverside Cyclists Union urged the council to fund the lanes this year.');
    assert.match(ann, new RegExp(`^E\\d+\\tRequest:${urged} Holder:${union} Addressee:${council} Demand:${demand}$`, 'm'));
    assert.match(ann, new RegExp(`^A\\d+\\tManual ${byText('Council member')}$`, 'm'));
    // "He" stands for Greg Whitfield in the second demand: a note names the actor.
    assert.match(ann, new RegExp(`^#\\d+\\tAnnotatorNotes ${byText('He')}\\tGreg Whitfield$`, 'm'));
  });

  it('cuts spans at every kind of line break and drops blank fragments', () => {
    const text = 'one\r\ntwo\n\n  \nthree\u2028four';
    assert.deepStrictEqual(lineFragments(text, { start: 0, end: text.length }).map((f) => text.slice(f.start, f.end)), ['one', 'two', 'three', 'four']);
  });

  it('uses a relation when a quote has a speaker but no cue', () => {
    const input = councilInput();
    input.analysis.quotes[0].cue = null;
    const ann = exportAs('brat', input);
    validateBrat(ann, input.text);
    assert.match(ann, /^R\d+\tSpeaker Arg1:T\d+ Arg2:T\d+$/m);
  });
});

describe('exports: conll', () => {
  it('tags tokens with IOB2 and the entities read back as they were', () => {
    const input = councilInput();
    const { tokens, entities } = readConll(exportAs('conll', input));
    assert.ok(tokens.some((t) => t[0] === 'Tomás' && t[3] === 'B-PER') && tokens.some((t) => t[0] === 'Okafor' && t[3] === 'I-PER'));
    const expected = input.analysis.entities
      .filter((e) => e.type !== 'date')
      .map((e) => ({ type: { person: 'PER', organization: 'ORG', location: 'LOC' }[e.type as string] ?? 'MISC', text: e.text.replace(/\s+/g, ' ') }));
    assert.deepStrictEqual(entities, expected);
    assert.ok(tokens.some((t) => t[0].startsWith('Tuesday') && t[3] === 'O'), 'dates are outside the CoNLL-2003 tag set');
  });
});

describe('exports: csv', () => {
  it('escapes quotation marks, commas and line breaks (RFC 4180) and reads back field for field', () => {
    const input = councilInput();
    const csv = exportAs('csv', input);
    assert.ok(csv.includes('"a first step,\nnot the finish line."'), 'a field with a line break is quoted');
    assert.ok(csv.includes('"""The budget is not a wish list."""') || csv.includes('said: ""The budget'), 'inner quotes are doubled');
    const rows = parseCsv(csv);
    const header = rows[0];
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const partial = rows.find((r) => col(r, 'kind') === 'partial');
    assert.ok(partial);
    assert.strictEqual(col(partial, 'speaker_or_holder'), 'Tomás Okafor');
    assert.strictEqual(col(partial, 'text'), 'a first step,\nnot the finish line.');
    assert.strictEqual(cpSlice(input.text, Number(col(partial, 'start')), Number(col(partial, 'end'))), col(partial, 'text'));
    const demand = rows.find((r) => col(r, 'type') === 'demand');
    assert.deepStrictEqual([col(demand ?? [], 'speaker_or_holder'), col(demand ?? [], 'addressee'), col(demand ?? [], 'text')], ['Riverside Cyclists Union', 'city council', 'fund the lanes this year']);
  });
});

describe('exports: markdown report', () => {
  it('counts quotes per speaker and lists each demand with its sentence', () => {
    const input = councilInput();
    input.analysis.actors[0].name = 'Elena | Duarte';
    const md = exportAs('md', input);
    assert.match(md, /^# City council approves 🚲 bike lanes after heated debate$/m);
    assert.match(md, /^\| Elena \\\| Duarte \| 1 \|$/m, 'table cells escape pipes');
    assert.match(md, /^\| Tomás Okafor \| 1 \|$/m);
    assert.match(md, /^- \*\*Riverside Cyclists Union → city council\*\*: fund the lanes this year$/m);
    assert.match(md, /^ {2}> The Riverside Cyclists Union urged the council to fund the lanes this year\.$/m);
    assert.match(md, /^\| city council \| organization \| 3 \| council, Council member \|$/m);
  });

  it('lists corrections that could not be applied', () => {
    const input = councilInput();
    let sidecar = emptySidecar('council.article');
    sidecar = addAnnotation(sidecar, spanAnnotation('council.article', 'Nobody said this.', { start: 0, end: 6 }, { type: 'person' }));
    const { analysis, orphaned } = applyCorrections(input.text, councilAnalysis(), sidecar);
    const md = exportAs('md', { ...input, analysis, orphaned });
    assert.match(md, /## Corrections that could not be applied\n\n- person: "Nobody" is no longer in the article/);
  });
});

describe('exports: file names', () => {
  it('writes beside the article without ever reusing its name', () => {
    for (const f of EXPORT_FORMATS) {
      for (const article of ['geneva.article', 'notes.md', 'story.txt', 'README']) assert.notStrictEqual(exportFileName(article, f.id), article);
    }
    assert.strictEqual(exportFileName('geneva.article', 'brat'), 'geneva.ann');
    assert.strictEqual(exportFileName('notes.md', 'md'), 'notes.report.md');
  });
});
