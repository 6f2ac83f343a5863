import * as assert from 'assert';
import fc from 'fast-check';
import type { Sidecar } from '../../src/core/annotations';
import { addAnnotation, documentAnnotation, emptySidecar, parseSidecar, reanchorSidecar, removeAnnotation, serializeSidecar, spanAnnotation } from '../../src/core/annotations';
import { COUNCIL_TEXT, spanOf } from './fixtures/council';

const SOURCE = 'council.article';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read and break raw JSON
type Raw = any;

function sampleSidecar(): Sidecar {
  let sidecar = emptySidecar(SOURCE);
  const at = (needle: string, nth = 0) => spanOf(COUNCIL_TEXT, needle, nth);
  const mk = (n: number) => ({ id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`, now: `2026-11-28T08:0${n}:00.000Z` });
  sidecar = addAnnotation(sidecar, spanAnnotation(SOURCE, COUNCIL_TEXT, at('Council member'), { type: 'organization', actor: 'city council' }, mk(1)));
  sidecar = addAnnotation(sidecar, spanAnnotation(SOURCE, COUNCIL_TEXT, at('He said the council should hear from shop owners first.'), { type: 'quote', speaker: 'Greg Whitfield', kind: 'indirect' }, mk(2)));
  sidecar = addAnnotation(sidecar, spanAnnotation(SOURCE, COUNCIL_TEXT, at('fund the lanes this year'), { type: 'demand', holder: 'Riverside Cyclists Union', addressee: 'city council' }, mk(3)));
  sidecar = addAnnotation(sidecar, spanAnnotation(SOURCE, COUNCIL_TEXT, at('Tuesday'), { type: 'rejection', rejects: 'date' }, mk(4)));
  sidecar = addAnnotation(sidecar, documentAnnotation(SOURCE, { type: 'rename', actor: 'city council', name: 'Riverside City Council' }, mk(5)));
  sidecar = addAnnotation(sidecar, documentAnnotation(SOURCE, { type: 'merge', actor: 'Tomás Okafor', into: 'Riverside Cyclists Union' }, mk(6)));
  return sidecar;
}

/** Parses JSON that must be a valid sidecar. */
function parsed(json: string): Sidecar {
  const result = parseSidecar(json, SOURCE);
  if (!result.ok) assert.fail(result.problem);
  return result.sidecar;
}

function problemOf(doc: unknown): string {
  const result = parseSidecar(typeof doc === 'string' ? doc : JSON.stringify(doc), SOURCE);
  assert.ok(!result.ok, 'expected a problem');
  return result.problem;
}

describe('annotations sidecar: W3C Web Annotation model', () => {
  it('serialises an AnnotationCollection with the W3C context, selectors in code points', () => {
    const doc = JSON.parse(serializeSidecar(sampleSidecar()));
    assert.deepStrictEqual(doc['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.strictEqual(doc.type, 'AnnotationCollection');
    assert.strictEqual(doc.total, 6);
    const items = doc.first.items as Raw[];
    for (const item of items) {
      assert.strictEqual(item.type, 'Annotation');
      assert.match(item.id, /^urn:uuid:/);
      assert.ok(item.created && item.motivation && item.body && item.target.source === SOURCE);
    }
    const quote = items.find((i) => i.body.type === 'quote');
    assert.ok(quote);
    const [textQuote, position] = quote.target.selector;
    assert.strictEqual(textQuote.type, 'TextQuoteSelector');
    assert.strictEqual(position.type, 'TextPositionSelector');
    // The article has a 🚲 before the quote: W3C positions count it as one character.
    assert.strictEqual(Array.from(COUNCIL_TEXT).slice(position.start, position.end).join(''), textQuote.exact);
    assert.notStrictEqual(position.start, COUNCIL_TEXT.indexOf(textQuote.exact));
    assert.strictEqual(items.find((i) => i.body.type === 'rename')?.target.selector, undefined);
  });

  it('round-trips through parse and serialise, deterministically', () => {
    const sidecar = sampleSidecar();
    const json = serializeSidecar(sidecar);
    assert.deepStrictEqual(parsed(json), sidecar);
    assert.strictEqual(serializeSidecar(parsed(json)), json);
    const reversed: Sidecar = { ...sidecar, annotations: [...sidecar.annotations].reverse() };
    assert.strictEqual(serializeSidecar(reversed), json, 'order of the file does not depend on insertion order');
  });

  it('keeps unknown properties written by other tools', () => {
    const doc = JSON.parse(serializeSidecar(sampleSidecar()));
    doc.first.items[0].creator = { type: 'Person', name: 'Desk editor' };
    doc.generator = 'another tool';
    const again = JSON.parse(serializeSidecar(parsed(JSON.stringify(doc))));
    assert.deepStrictEqual(again.first.items[0].creator, { type: 'Person', name: 'Desk editor' });
    assert.strictEqual(again.generator, 'another tool');
  });

  it('accepts a single-string context and an empty collection', () => {
    const result = parsed(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' }));
    assert.deepStrictEqual(result, { source: SOURCE, annotations: [] });
  });

  it('adds and removes annotations without touching the others', () => {
    const sidecar = sampleSidecar();
    const [first, ...rest] = sidecar.annotations;
    assert.deepStrictEqual(removeAnnotation(sidecar, first.id).annotations, rest);
  });

  it('refreshes the selectors of annotations that moved, and only those', () => {
    const sidecar = sampleSidecar();
    const edited = 'UPDATE: corrected. ' + COUNCIL_TEXT;
    const quote = sidecar.annotations[1];
    const moved = new Map([[quote.id, spanOf(edited, 'He said the council should hear from shop owners first.')]]);
    const refreshed = reanchorSidecar(sidecar, edited, moved);
    const selector = refreshed.annotations[1].target.selector;
    assert.ok(selector);
    assert.strictEqual(selector[1].start, (quote.target.selector?.[1].start ?? 0) + 'UPDATE: corrected. '.length);
    assert.strictEqual(refreshed.annotations[0], sidecar.annotations[0]);
    assert.strictEqual(reanchorSidecar(sidecar, COUNCIL_TEXT, new Map()), sidecar, 'unchanged sidecar is returned as is');
  });
});

describe('annotations sidecar: validation names what is wrong', () => {
  const valid = (): Raw => JSON.parse(serializeSidecar(sampleSidecar()));
  const item = (doc: Raw, i: number): Raw => doc.first.items[i];

  it('reports broken JSON', () => {
    assert.match(problemOf('{"@context": '), /^not valid JSON/);
  });

  it('reports the wrong shape at the top', () => {
    assert.match(problemOf([]), /expected an object, found an array/);
    assert.match(problemOf({ type: 'AnnotationCollection' }), /missing "@context"/);
    assert.match(problemOf({ ...valid(), '@context': 'http://schema.org' }), /@context: must include "http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/);
    assert.match(problemOf({ ...valid(), type: 'Annotation' }), /^type: expected "AnnotationCollection"/);
    assert.match(problemOf({ ...valid(), total: 2 }), /total: says 2 but first.items holds 6/);
  });

  it('reports problems inside an annotation with its index and id', () => {
    let doc = valid();
    delete item(doc, 1).target.selector;
    assert.match(problemOf(doc), /first\.items\[1\] \(urn:uuid:[^)]+\)\.target: a quote annotation needs a "selector"/);
    doc = valid();
    item(doc, 0).body.type = 'celebrity';
    assert.match(problemOf(doc), /\.body\.type: unknown body type "celebrity"/);
    doc = valid();
    item(doc, 0).target.selector[1].end = item(doc, 0).target.selector[1].start;
    assert.match(problemOf(doc), /target\.selector\[1\]: end \(\d+\) must be greater than start/);
    doc = valid();
    item(doc, 2).target.selector.pop();
    assert.match(problemOf(doc), /target\.selector: needs a TextPositionSelector/);
    doc = valid();
    item(doc, 3).id = item(doc, 2).id;
    assert.match(problemOf(doc), /first\.items\[3\].*the id is used twice/);
    doc = valid();
    item(doc, 4).created = 'yesterday';
    assert.match(problemOf(doc), /created: "yesterday" is not an ISO 8601 date-time/);
    doc = valid();
    item(doc, 4).target.selector = item(doc, 0).target.selector;
    assert.match(problemOf(doc), /a rename concerns the whole article and takes no "selector"/);
    doc = valid();
    item(doc, 5).body.into = 'Tomás Okafor';
    assert.match(problemOf(doc), /merges "Tomás Okafor" into itself/);
    doc = valid();
    item(doc, 3).body.rejects = 'rumour';
    assert.match(problemOf(doc), /body\.rejects: "rumour" is not one of person, organization/);
    doc = valid();
    item(doc, 1).body.speakr = 'typo';
    assert.match(problemOf(doc), /unexpected property "speakr"/);
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseSidecar(JSON.stringify(value), SOURCE);
        assert.ok(result.ok ? Array.isArray(result.sidecar.annotations) : result.problem.length > 0);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseSidecar(s, SOURCE);
      }),
    );
  });

  it('never throws on a valid sidecar with one value replaced (property)', () => {
    const base = serializeSidecar(sampleSidecar());
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue(), (seed, replacement) => {
        const doc = JSON.parse(base);
        const paths: [Record<string, unknown>, string][] = [];
        const walk = (o: unknown): void => {
          if (typeof o !== 'object' || o === null) return;
          for (const k of Object.keys(o)) {
            paths.push([o as Record<string, unknown>, k]);
            walk((o as Record<string, unknown>)[k]);
          }
        };
        walk(doc);
        const [owner, key] = paths[seed % paths.length];
        owner[key] = replacement;
        const result = parseSidecar(JSON.stringify(doc), SOURCE);
        assert.ok(result.ok || result.problem.length > 0);
      }),
    );
  });
});
