import * as assert from 'assert';
import { analyze } from '../../src/core/analyze';
import { summarize, WorkspaceIndex } from '../../src/core/workspaceIndex';
import { addAnnotation, documentAnnotation, emptySidecar } from '../../src/core/annotations';
import type { Analysis } from '../../src/core/types';
import { COUNCIL_TEXT, councilAnalysis } from './fixtures/council';
import { SAMPLE } from './helpers';

/** An index over hand-made summaries, to test the aggregation without the engine. */
class FixedIndex extends WorkspaceIndex {
  add(id: string, analysis: Analysis): void {
    (this as unknown as { articles: Map<string, unknown> }).articles.set(id, summarize(id, id, analysis));
    (this as unknown as { cached: null }).cached = null;
  }
}

function renamed(analysis: Analysis, from: string, to: string, aliases: string[] = []): Analysis {
  const copy = structuredClone(analysis);
  const actor = copy.actors.find((a) => a.name === from);
  assert.ok(actor);
  actor.name = to;
  actor.aliases = [to, ...aliases];
  return copy;
}

describe('workspace index: actors across articles', () => {
  it('lists an actor once with every article that names it, most widespread first', () => {
    const index = new FixedIndex();
    index.add('one.article', councilAnalysis());
    index.add('two.article', councilAnalysis());
    index.add('three.article', renamed(councilAnalysis(), 'Elena Duarte', 'Maria Lind'));
    const actors = index.actors();
    const okafor = actors.find((a) => a.name === 'Tomás Okafor');
    assert.deepStrictEqual(okafor?.articles.map((a) => a.id).sort(), ['one.article', 'three.article', 'two.article']);
    assert.strictEqual(okafor.quotes, 3);
    assert.deepStrictEqual(actors.find((a) => a.name === 'Elena Duarte')?.articles.length, 2);
    assert.strictEqual(actors[0].articles.length, 3);
    const union = actors.find((a) => a.name === 'Riverside Cyclists Union');
    assert.deepStrictEqual(union?.demands.map((d) => [d.name, d.holder, d.addressee, d.content]), [
      ['one.article', 'Riverside Cyclists Union', 'city council', 'fund the lanes this year'],
      ['three.article', 'Riverside Cyclists Union', 'city council', 'fund the lanes this year'],
      ['two.article', 'Riverside Cyclists Union', 'city council', 'fund the lanes this year'],
    ]);
  });

  it('folds a short name into the full name that has it as its only alias', () => {
    const index = new FixedIndex();
    index.add('full.article', renamed(councilAnalysis(), 'Greg Whitfield', 'Greg Whitfield', ['Whitfield']));
    index.add('short.article', renamed(councilAnalysis(), 'Greg Whitfield', 'Whitfield'));
    const whitfield = index.actors().filter((a) => /Whitfield/.test(a.name));
    assert.deepStrictEqual(whitfield.map((a) => [a.name, a.articles.map((x) => x.id).sort()]), [['Greg Whitfield', ['full.article', 'short.article']]]);
  });

  it('updates and removes one article without touching the others, and applies its corrections', () => {
    const index = new WorkspaceIndex();
    index.update('sample', 'sample.article', SAMPLE, analyze(SAMPLE));
    index.update('council', 'council.article', COUNCIL_TEXT, analyze(COUNCIL_TEXT));
    assert.ok(index.actors().some((a) => a.name === 'Greg Whitfield'));
    const sidecar = addAnnotation(emptySidecar('council.article'), documentAnnotation('council.article', { type: 'rename', actor: 'Greg Whitfield', name: 'Gregory Whitfield' }));
    index.update('council', 'council.article', COUNCIL_TEXT, analyze(COUNCIL_TEXT), sidecar);
    const names = index.actors().map((a) => a.name);
    assert.ok(names.includes('Gregory Whitfield') && !names.includes('Greg Whitfield'), names.join(', '));
    assert.ok(index.remove('sample'));
    assert.ok(!index.actors().some((a) => a.articles.some((x) => x.id === 'sample')));
    assert.strictEqual(index.size, 1);
  });
});
