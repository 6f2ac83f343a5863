import * as assert from 'assert';
import { analyze } from '../../src/core/analyze';
import { addAnnotation, emptySidecar, spanAnnotation } from '../../src/core/annotations';
import { applyCorrections } from '../../src/core/corrections';
import { EXPORT_FORMATS, exportAs, exportFileName } from '../../src/core/export';
import type { ExportInput } from '../../src/core/export';
import { lineFragments } from '../../src/core/export/brat';
import { CSV_COLUMNS } from '../../src/core/export/csv';
import { COUNCIL_TEXT, councilAnalysis, spanOf } from './fixtures/council';
import { SAMPLE } from './helpers';
import { cpSlice, parseCsv, readConll, validateBrat, validateW3c } from './fixtures/exportValidators';

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

  it('cuts spans at every kind of line break and at tabs, and drops blank fragments', () => {
    const text = 'one\r\ntwo\n\n  \nthree\u2028four\tfive';
    assert.deepStrictEqual(lineFragments(text, { start: 0, end: text.length }).map((f) => text.slice(f.start, f.end)), ['one', 'two', 'three', 'four', 'five']);
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
