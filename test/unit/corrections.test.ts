import * as assert from 'assert';
import type { Sidecar, SpanBody, DocumentBody } from '../../src/core/annotations';
import { addAnnotation, documentAnnotation, emptySidecar, parseSidecar, serializeSidecar, spanAnnotation } from '../../src/core/annotations';
import { applyCorrections } from '../../src/core/corrections';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/types';
import { COUNCIL_TEXT, councilAnalysis, spanOf } from './fixtures/council';
import { SAMPLE } from './helpers';

const SOURCE = 'council.article';
let clock = 0;
const stamp = () => ({ now: new Date(Date.UTC(2026, 10, 28, 8, 0, clock++)).toISOString() });

function withMarks(text: string, marks: [string, SpanBody, number?][], edits: DocumentBody[] = []): Sidecar {
  let sidecar = emptySidecar(SOURCE);
  for (const [needle, body, nth] of marks) sidecar = addAnnotation(sidecar, spanAnnotation(SOURCE, text, spanOf(text, needle, nth), body, stamp()));
  for (const body of edits) sidecar = addAnnotation(sidecar, documentAnnotation(SOURCE, body, stamp()));
  return sidecar;
}

const actorNamed = (analysis: Analysis, name: string) => analysis.actors.find((a) => a.name === name);
const textOf = (analysis: Analysis, id: string | null | undefined) => analysis.actors.find((a) => a.id === id)?.name;

describe('corrections: the merged view', () => {
  it('returns the automatic analysis untouched without corrections, and never modifies its input', () => {
    const analysis = councilAnalysis();
    assert.strictEqual(applyCorrections(COUNCIL_TEXT, analysis, null).analysis, analysis);
    const sidecar = withMarks(COUNCIL_TEXT, [['Tuesday', { type: 'rejection', rejects: 'date' }], ['Council member', { type: 'organization' }]]);
    applyCorrections(COUNCIL_TEXT, analysis, sidecar);
    assert.deepStrictEqual(analysis, councilAnalysis());
  });

  it('removes rejected automatic items, and they stay gone after the article is edited above them', () => {
    const sidecar = withMarks(COUNCIL_TEXT, [
      ['Tuesday', { type: 'rejection', rejects: 'date' }],
      ['The budget is not a wish list.', { type: 'rejection', rejects: 'quote' }],
      ['He said the council should hear from shop owners first.', { type: 'rejection', rejects: 'demand' }],
    ]);
    const edited = 'Updated at 9:40 with the vote count.\n\n' + COUNCIL_TEXT;
    const shift = edited.length - COUNCIL_TEXT.length;
    const automatic = councilAnalysis();
    const moved: Analysis = JSON.parse(JSON.stringify(automatic), (key, value) => ((key === 'start' || key === 'end') && typeof value === 'number' ? value + shift : value));
    for (const [text, analysis] of [[COUNCIL_TEXT, automatic], [edited, moved]] as const) {
      const { analysis: merged, orphaned } = applyCorrections(text, analysis, sidecar);
      assert.deepStrictEqual(orphaned, []);
      assert.ok(!merged.entities.some((e) => e.type === 'date'));
      assert.deepStrictEqual(merged.quotes.map((q) => q.text.slice(0, 9)), ['We cannot', 'a first s']);
      assert.strictEqual(merged.demands.length, 1);
    }
  });

  it('rejecting the only mention of an actor removes the actor and unlinks its quotes', () => {
    const { analysis } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), withMarks(COUNCIL_TEXT, [['Elena Duarte', { type: 'rejection', rejects: 'person' }]]));
    assert.strictEqual(actorNamed(analysis, 'Elena Duarte'), undefined);
    assert.strictEqual(analysis.quotes[0].speaker?.actor, null);
  });

  it('adds manual entities, marked as manual, to the named actor', () => {
    const sidecar = withMarks(COUNCIL_TEXT, [['Council member', { type: 'organization', actor: 'city council' }]]);
    const { analysis, manual } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), sidecar);
    const mark = analysis.entities.find((e) => e.text === 'Council member');
    assert.ok(mark?.manual);
    assert.strictEqual(textOf(analysis, mark.actor), 'city council');
    assert.strictEqual(actorNamed(analysis, 'city council')?.mentions.length, 3);
    assert.deepStrictEqual(manual.map((m) => [COUNCIL_TEXT.slice(m.span.start, m.span.end), m.method]), [['Council member', 'position']]);
  });

  it("keeps a marked mention's role as an alias of its actor, through the sidecar's JSON", () => {
    const sidecar = withMarks(SAMPLE, [['Wendy Sherman', { type: 'person', actor: 'Wendy Sherman', role: 'chief US negotiator' }]]);
    const reread = parseSidecar(serializeSidecar(sidecar), SOURCE);
    assert.ok(reread.ok);
    const { analysis } = applyCorrections(SAMPLE, analyze(SAMPLE), reread.sidecar);
    assert.ok(actorNamed(analysis, 'Wendy Sherman')?.aliases.includes('chief US negotiator'));
  });

  it('a wider manual mark replaces the automatic mention and keeps its actor', () => {
    const { analysis } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), withMarks(COUNCIL_TEXT, [['Mayor Elena Duarte', { type: 'person' }]]));
    const duarte = actorNamed(analysis, 'Elena Duarte');
    assert.ok(duarte);
    assert.deepStrictEqual(analysis.entities.filter((e) => e.actor === duarte.id).map((e) => [e.text, e.manual]), [['Mayor Elena Duarte', true]]);
    assert.strictEqual(analysis.quotes[0].speaker?.actor, duarte.id);
  });

  it('re-typing a mention moves what referred to the old actor to the new one', () => {
    const { analysis } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), withMarks(COUNCIL_TEXT, [['Riverside Cyclists Union', { type: 'location' }]]));
    const union = analysis.actors.filter((a) => a.name === 'Riverside Cyclists Union');
    assert.deepStrictEqual(union.map((a) => a.type), ['location']);
    assert.strictEqual(analysis.demands[0].holder, union[0].id);
  });

  it('adds manual quotes with a speaker chosen from the actors or typed', () => {
    const sidecar = withMarks(COUNCIL_TEXT, [
      ['He said the council should hear from shop owners first.', { type: 'quote', speaker: 'Greg Whitfield', kind: 'indirect' }],
      ['Tuesday’s session', { type: 'quote', speaker: 'a council spokesperson' }],
    ]);
    const { analysis } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), sidecar);
    const indirect = analysis.quotes.find((q) => q.text.startsWith('He said'));
    assert.ok(indirect?.manual);
    assert.strictEqual(indirect.kind, 'indirect');
    assert.strictEqual(textOf(analysis, indirect.speaker?.actor), 'Greg Whitfield');
    assert.strictEqual(indirect.speaker?.text, 'He', 'the speaker span is the actor’s nearest mention');
    const typed = analysis.quotes.find((q) => q.text === 'Tuesday’s session');
    assert.strictEqual(textOf(analysis, typed?.speaker?.actor), 'a council spokesperson');
    assert.strictEqual(analysis.quotes.length, 5);
  });

  it('a manual quote over an automatic one replaces it, keeping its speaker and cue', () => {
    const sidecar = withMarks(COUNCIL_TEXT, [['“We cannot wait another decade for safe streets,”', { type: 'quote' }]]);
    const { analysis } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), sidecar);
    assert.strictEqual(analysis.quotes.length, 3);
    assert.strictEqual(analysis.quotes[0].text, '“We cannot wait another decade for safe streets,”');
    assert.strictEqual(textOf(analysis, analysis.quotes[0].speaker?.actor), 'Elena Duarte');
    assert.strictEqual(analysis.quotes[0].cue?.text, 'said');
  });

  it('adds manual demands with holder and addressee', () => {
    const sidecar = withMarks(COUNCIL_TEXT, [['who voted against the plan', { type: 'demand', holder: 'Greg Whitfield', addressee: 'Elena Duarte' }]]);
    const { analysis } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), sidecar);
    const demand = analysis.demands.find((d) => d.manual);
    assert.ok(demand);
    assert.deepStrictEqual([textOf(analysis, demand.holder), textOf(analysis, demand.addressee), demand.content?.text], ['Greg Whitfield', 'Elena Duarte', 'who voted against the plan']);
  });

  it('renames and merges actors, updating mentions, aliases, quotes and demands', () => {
    const sidecar = withMarks(COUNCIL_TEXT, [], [
      { type: 'rename', actor: 'city council', name: 'Riverside City Council' },
      { type: 'merge', actor: 'Tomás Okafor', into: 'Riverside Cyclists Union' },
    ]);
    const { analysis, orphaned } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), sidecar);
    assert.deepStrictEqual(orphaned, []);
    const council = actorNamed(analysis, 'Riverside City Council');
    assert.ok(council && council.aliases.includes('city council'));
    assert.strictEqual(actorNamed(analysis, 'Tomás Okafor'), undefined);
    const union = actorNamed(analysis, 'Riverside Cyclists Union');
    assert.ok(union && union.aliases.includes('Tomás Okafor'));
    assert.strictEqual(union.mentions.length, 2);
    assert.strictEqual(analysis.quotes[1].speaker?.actor, union.id);
    assert.strictEqual(analysis.entities.find((e) => e.text === 'Tomás Okafor')?.actor, union.id);
    assert.strictEqual(analysis.demands[0].addressee, council.id);
  });

  it('a rename to the name of another actor merges the two; a later merge finds an actor by its old name', () => {
    const sidecar = withMarks(COUNCIL_TEXT, [], [
      { type: 'rename', actor: 'Tomás Okafor', name: 'Greg Whitfield' },
      { type: 'rename', actor: 'Greg Whitfield', name: 'Gregory Whitfield' },
      { type: 'merge', actor: 'Tomás Okafor', into: 'Elena Duarte' },
    ]);
    const { analysis, orphaned } = applyCorrections(COUNCIL_TEXT, councilAnalysis(), sidecar);
    assert.deepStrictEqual(orphaned, []);
    const duarte = actorNamed(analysis, 'Elena Duarte');
    assert.ok(duarte?.aliases.includes('Gregory Whitfield'));
    assert.strictEqual(analysis.actors.length, 3);
  });

  it('keeps what cannot be applied as orphaned, with the reason', () => {
    const sidecar = withMarks(COUNCIL_TEXT, [['Tomás Okafor', { type: 'person', actor: 'Tomás Okafor' }]], [{ type: 'merge', actor: 'Washington', into: 'United States' }]);
    const edited = COUNCIL_TEXT.replace('Its chair, Tomás Okafor, called', 'Its chair called');
    const { orphaned, manual } = applyCorrections(edited, councilAnalysis(), sidecar);
    assert.deepStrictEqual(manual, []);
    assert.deepStrictEqual(orphaned.map((o) => o.reason), ['"Tomás Okafor" is no longer in the article', 'no actor "Washington" in this article']);
  });

  it('works on the sample article with the real engine: rejected quotes go, marks come in', () => {
    const automatic = analyze(SAMPLE);
    let sidecar = emptySidecar('russia-ukraine-geneva.article');
    for (const q of automatic.quotes) sidecar = addAnnotation(sidecar, spanAnnotation(sidecar.source, SAMPLE, q, { type: 'rejection', rejects: 'quote' }, stamp()));
    sidecar = addAnnotation(sidecar, spanAnnotation(sidecar.source, SAMPLE, spanOf(SAMPLE, 'Wendy Sherman'), { type: 'person' }, stamp()));
    const { analysis, orphaned } = applyCorrections(SAMPLE, automatic, sidecar);
    assert.deepStrictEqual(orphaned, []);
    assert.deepStrictEqual(analysis.quotes, []);
    const sherman = analysis.entities.find((e) => e.text === 'Wendy Sherman');
    assert.ok(sherman?.manual && sherman.type === 'person');
    assert.strictEqual(textOf(analysis, sherman.actor), 'Wendy Sherman');
  });
});
